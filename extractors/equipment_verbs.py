"""Loss verbs as lemmas: ``loss_lemmas`` in ``seeds/reference/equipment_vocabulary.yaml``
names each verb once ("smash", "wipe out", "shoot down") with the status it gives, and
every inflection is generated with ``lemminflect`` (offline), in the three frames the
extractor reads:

- before the equipment, active or nominal ("smashed three tanks", "wiping out two APCs");
- after it, passive ("tanks were smashed", "a drone was intercepted", "tanks disabled by");
- a reduced passive with no auxiliary ("Five VBIEDs destroyed in the village", "two tanks
  disabled near ..."): the participle right after the equipment, followed by a preposition,
  a time word or the end of the clause, never by an object.

Expanding the lemmas is done once per extractor version and kept on disk (startup_cache).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .displacement_lemmas import inflections
from .startup_cache import cached_table


def _participles(lemma: str) -> list[str]:
    """Past participles of a (possibly phrasal) verb: "wipe out" -> ["wiped out"]."""
    import lemminflect

    head, _, rest = lemma.partition(" ")
    table = lemminflect.getAllInflections(head, upos="VERB") or lemminflect.getAllInflectionsOOV(head, upos="VERB")
    forms = set(table.get("VBN", ())) | set(table.get("VBD", ()))
    return sorted(f"{form} {rest}".strip() for form in forms)


def _forms(lemma: str, excluded: frozenset[str]) -> list[str]:
    head, _, rest = lemma.partition(" ")
    return [f"{form} {rest}".strip() for form in inflections(head) if f"{form} {rest}".strip() not in excluded]


def expand(table: dict[str, Any]) -> dict[str, Any]:
    """The vocabulary with ``loss_lemmas`` spread over ``verbs_before`` and ``after``, and a
    ``participles`` table (status -> past participles) for the reduced passive."""
    out = {key: (dict(value) if isinstance(value, dict) else value) for key, value in table.items()}
    excluded = frozenset(w.lower() for w in table.get("lemma_forms_excluded", ()))
    verbs_before = {status: list(words) for status, words in table["verbs_before"].items()}
    after = {status: list(words) for status, words in table["after"].items()}
    participles: dict[str, list[str]] = {}
    for status, lemmas in table.get("loss_lemmas", {}).items():
        for lemma in lemmas:
            verbs_before.setdefault(status, []).extend(_forms(lemma, excluded))
            for pp in _participles(lemma):
                after.setdefault(status, []).extend([f"was {pp}", f"were {pp}", f"been {pp}", f"{pp} by"])
                participles.setdefault(status, []).append(pp)
    for status, words in table.get("nominals", {}).items():
        verbs_before.setdefault(status, []).extend(words)
    out["verbs_before"] = {status: sorted(set(words)) for status, words in verbs_before.items()}
    out["after"] = {status: sorted(set(words)) for status, words in after.items()}
    out["participles"] = {status: sorted(set(words)) for status, words in participles.items()}
    return out


def expanded_vocabulary(load: Any) -> dict[str, Any]:
    """``expand(load())``, cached on disk per extractor version."""
    return cached_table("equipment_vocabulary", lambda: expand(load()))


@lru_cache(maxsize=None)
def reduced_passive_pattern(participles: tuple[tuple[str, tuple[str, ...]], ...], followers: str) -> re.Pattern[str]:
    groups = "|".join(
        f"(?P<s{i}>" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(pps, key=len, reverse=True)) + ")"
        for i, (_, pps) in enumerate(participles)
    )
    return re.compile(rf"\s+(?:{groups})(?=\s+(?:{followers})\b|\s*[,.;:]|\s*$)", re.IGNORECASE)


_COMPILED: dict[int, tuple[tuple[tuple[str, tuple[str, ...]], ...], re.Pattern[str]]] = {}


def _compiled(key: int, table: dict[str, Any]) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], re.Pattern[str]]:
    """The participles and the reduced-passive pattern of a (cached, never changed) table."""
    if key not in _COMPILED:
        participles = tuple((status, tuple(words)) for status, words in table["participles"].items())
        followers = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in table["reduced_passive_followers"])
        _COMPILED.clear()
        _COMPILED[key] = (participles, reduced_passive_pattern(participles, followers))
    return _COMPILED[key]


def reduced_passive(text: str, end: int, table: dict[str, Any]) -> tuple[str, int] | None:
    """(status, end of the participle) when ``text`` goes on at ``end`` with a participle
    used as a reduced passive ("Five VBIEDs destroyed in the village")."""
    participles, pattern = _compiled(id(table), table)
    m = pattern.match(text, end)
    if m is None:
        return None
    for i, (status, _) in enumerate(participles):
        if m.group(f"s{i}"):
            return status, m.end()
    return None
