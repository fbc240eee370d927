"""Casualty outcome verbs as lemmas with argument frames (``seeds/reference/casualty_lemmas.yaml``).

Each entry names a verb once ("hack to death", "succumb to {their|his|her} {wounds|injuries}");
the forms its frame needs are generated with ``lemminflect`` (offline, its tables ship in the
package): a passive frame ("six farmers were hacked to death") needs the past participle, an
intransitive one ("four children drowned", "have died of their wounds") the past and the
participle, an active one ("gunmen gunned down 16 people", "shooting dead two") every form.
The words go into the same cue tables as ``casualty_cues.yaml`` (extractors/casualty_cues.py):
"after" words read after the victims, one "before" pattern per outcome read before the count.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .reference import load_yaml

_ALTERNATIVES = re.compile(r"\{([^{}]+)\}")
_FRAME_TAGS = {"passive": ("VBN",), "intransitive": ("VBD", "VBN"), "active": ("VB", "VBZ", "VBD", "VBN", "VBG")}


def _verb_forms(lemma: str, tags: tuple[str, ...]) -> set[str]:
    import lemminflect

    forms: set[str] = set()
    for tag in tags:
        found = lemminflect.getInflection(lemma, tag=tag) or lemminflect.getInflection(lemma, tag=tag, inflect_oov=True)
        forms.update(found or ())
    if "VB" in tags:
        forms.add(lemma)
    return forms


def _spelled_out(rest: str) -> list[str]:
    """"to {their|his} {wounds|injuries}" -> every choice of the alternatives."""
    parts = _ALTERNATIVES.split(rest)
    choices = [part.split("|") if i % 2 else [part] for i, part in enumerate(parts)]
    return ["".join(choice) for choice in itertools.product(*choices)]


def phrases(entry: str, frame: str) -> set[str]:
    """Every written form of one lemma entry in one frame ("gun down", "passive" ->
    {"gunned down"}); two verbs joined by "and" take the same form ("shoot and kill" ->
    "shot and killed")."""
    out: set[str] = set()
    for tag in _FRAME_TAGS[frame]:
        heads = [part.strip().partition(" ") for part in entry.split(" and ")]
        for forms in itertools.product(*(sorted(_verb_forms(verb, (tag,))) for verb, _, _ in heads)):
            joined = " and ".join(f"{form} {rest}".strip() for form, (_, _, rest) in zip(forms, heads))
            out.update(_spelled_out(joined))
    return out


@lru_cache(maxsize=1)
def lemma_cues() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(after words -> outcome, outcome -> active phrases read before a count)."""
    after: dict[str, str] = {}
    before: dict[str, tuple[str, ...]] = {}
    for outcome, frames in load_yaml("casualty_lemmas.yaml").items():
        for frame in ("passive", "intransitive"):
            for entry in frames.get(frame) or ():
                for phrase in phrases(entry, frame):
                    after.setdefault(phrase.lower(), outcome)
        active = {phrase.lower() for entry in frames.get("active") or () for phrase in phrases(entry, "active")}
        if active:
            before[outcome] = tuple(sorted(active, key=lambda p: (-len(p), p)))
    return after, before


def before_pattern(words: tuple[str, ...]) -> str:
    """The "before" regex of active phrases: the phrase right before the count."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return rf"\b(?:{body})\s+$"
