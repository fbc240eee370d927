"""Control triggers as lemmas with argument frames (``seeds/reference/control_frames.yaml``).

Each frame names the lemmas that report one change type; every inflection is generated
with ``lemminflect`` (base, -s, past, participle, -ing), so no form of a listed verb is
missing. Frames:

- ``transitive``: AGENT <verb> PLACE (active) and PLACE <be> <participle> by AGENT (passive);
- ``control_verbs``: AGENT <verb> [back] [full/complete/total...] control of/over PLACE;
- ``phrasal``: AGENT <verb particle> PLACE ("pulled out of", "advanced into");
- ``fell_to``: PLACE <verb ...> AGENT ("fell to", "came under the control of");
- ``nominal``: the <noun> of PLACE [by AGENT] (nouns come as they are).

The generated forms are merged into ``control_vocabulary.yaml``'s families, which keep the
rest (filters, hand-written multi-word forms).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lemminflect import getAllInflections, getAllInflectionsOOV, getInflection

from ..patterns import alternation
from ..reference import load_yaml

_VERB_TAGS = ("VB", "VBP", "VBZ", "VBD", "VBN", "VBG")  # VBP: "are" of "be" (control10f)


@lru_cache(maxsize=None)
def inflections(lemma: str) -> tuple[str, ...]:
    """Every verb form of ``lemma`` (the lemma itself included), in a stable order."""
    table = getAllInflections(lemma, upos="VERB") or getAllInflectionsOOV(lemma, upos="VERB")
    forms = [lemma]
    for tag in _VERB_TAGS:
        forms.extend(table.get(tag, ()) or (getInflection(lemma, tag) if tag == "VBN" else ()))
    return tuple(dict.fromkeys(f.lower() for f in forms))


@lru_cache(maxsize=None)
def participles(lemma: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.lower() for f in getInflection(lemma, "VBN")))


def _inflect_head(phrase: str, *, participle_only: bool = False) -> list[str]:
    """"withdraw from" -> "withdraw from", "withdrew from", "withdrawn from", ..."""
    head, _, rest = phrase.partition(" ")
    forms = participles(head) if participle_only else inflections(head)
    return [f"{form} {rest}".strip() for form in forms]


@lru_cache(maxsize=1)
def control_nouns() -> tuple[str, ...]:
    """Nouns before which modifiers are allowed: "control" and the light frames' nouns
    ("gains", "advances", "ground")."""
    frames = load_yaml("control_frames.yaml")
    light = [noun for entry in frames.get("light_verbs", ()) for noun in entry["nouns"]]
    return tuple(dict.fromkeys([*frames["control_nouns"], *light]))


@lru_cache(maxsize=1)
def control_modifier_pattern() -> str:
    """Regex of the words allowed before a control noun ("full ", "their complete military ",
    "quick "): modifiers are not spelled out in the phrases but allowed wherever such a noun is."""
    frames = load_yaml("control_frames.yaml")
    modifiers = [*frames["control_modifiers"], *frames.get("light_modifiers", ())]
    words = "|".join(re.escape(m) for m in sorted(set(modifiers), key=lambda m: (-len(m), m)))
    determiners = "|".join(re.escape(d) for d in frames.get("control_determiners", ()))
    lead = rf"(?:(?:{determiners})\s+)?" if determiners else ""
    return rf"{lead}(?:(?:{words})\s+(?:and\s+)?){{0,3}}"  # "their only remaining supply route"


def _with_adverbs(phrases: list[str], adverbs: list[str]) -> list[str]:
    """"advance into" and "advance again into", "advance further into": an adverb may
    stand between a phrasal verb and its particle (not inside longer phrases)."""
    out = list(phrases)
    for phrase in phrases:
        verb, _, particle = phrase.partition(" ")
        if particle and " " not in particle:
            out.extend(f"{verb} {adverb} {particle}" for adverb in adverbs)
    return out


def _control_phrases(frames: dict[str, Any]) -> dict[str, list[str]]:
    """"seize [back] control of": every form; modifiers ("full", "total") are allowed by
    the pattern builder (``control_modifier_pattern``), not enumerated."""
    modifiers = [""]
    nouns, preps = frames["control_nouns"], frames["control_prepositions"]
    out: dict[str, list[str]] = {}
    by_verb = frames.get("control_verb_prepositions", {})
    for change, lemmas in frames["control_verbs"].items():
        for lemma in lemmas:
            for form in inflections(lemma):
                for particle in ("", "back "):
                    into = "recapture" if particle and change == "capture" else change
                    for modifier in modifiers:
                        for noun in nouns:
                            for prep in [*preps, *by_verb.get(lemma, ())]:
                                out.setdefault(into, []).append(f"{form} {particle}{modifier}{noun} {prep}")
    return out


def _light_phrases(frames: dict[str, Any]) -> dict[str, list[str]]:
    """"make gains in" -> "made gains in", "scoring advances into", ...: every form of each
    light verb with each noun and preposition of its row (modifiers allowed by the pattern
    builder, as before "control")."""
    out: dict[str, list[str]] = {}
    for entry in frames.get("light_verbs", ()):
        for lemma in entry["verbs"]:
            for form in inflections(lemma):
                out.setdefault(entry["change"], []).extend(
                    f"{form} {noun} {prep}" for noun in entry["nouns"] for prep in entry["prepositions"])
    return out


@lru_cache(maxsize=1)
def light_noun_pattern() -> re.Pattern[str]:
    """The light frames' nouns as whole words: a trigger holding one is a light frame."""
    nouns = {noun for entry in load_yaml("control_frames.yaml").get("light_verbs", ()) for noun in entry["nouns"]}
    return re.compile(rf"\b(?:{'|'.join(sorted(nouns))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def generated() -> dict[str, Any]:
    """The trigger families the frames give: active, passive, listed_by, from_passive,
    fell_to and nominal, as lists of lower-case phrases."""
    frames = load_yaml("control_frames.yaml")
    active: dict[str, list[str]] = {}
    passive: dict[str, list[str]] = {}
    for change, lemmas in frames["transitive"].items():
        for lemma in lemmas:
            active.setdefault(change, []).extend(inflections(lemma))
            passive.setdefault(change, []).extend(participles(lemma))
    for change, phrases in frames["phrasal"].items():
        for phrase in _with_adverbs(phrases, frames.get("phrasal_adverbs", ())):
            active.setdefault(change, []).extend(_inflect_head(phrase))
    for change, phrases in frames.get("phrasal_transitive", {}).items():
        for phrase in phrases:
            active.setdefault(change, []).extend(_inflect_head(phrase))
            passive.setdefault(change, []).extend(_inflect_head(phrase, participle_only=True))
    for change, phrases in _control_phrases(frames).items():
        active.setdefault(change, []).extend(phrases)
    for change, phrases in _light_phrases(frames).items():
        active.setdefault(change, []).extend(phrases)
    control_passive = {change: [p for lemma in frames["control_verbs"][change] for p in participles(lemma)]
                       for change in ("capture", "recapture") if change in frames["control_verbs"]}
    under_passive = [p for lemma in frames.get("under_control_passive", ()) for p in participles(lemma)]
    under_active = [f for lemma in frames.get("under_control_active", ()) for f in inflections(lemma)]
    fell_to = {change: [form for phrase in phrases for form in _inflect_head(phrase)]
               for change, phrases in frames["fell_to"].items()}
    expel = [form for lemma in frames.get("expel", ()) for form in inflections(lemma)]
    under_control = {change: [form for phrase in phrases for form in _inflect_head(phrase)]
                     for change, phrases in frames.get("under_control", {}).items()}
    return {
        "expel": expel,
        "under_control": under_control,
        "active": active,
        "passive": passive,
        "listed_by": {c: passive[c] for c in frames["listed_by_changes"] if c in passive},
        "fell_to": fell_to,
        "control_passive": control_passive,
        "control_passive_prepositions": list(frames.get("control_passive_prepositions", ())),
        "under_control_passive": under_passive,
        "under_control_active": under_active,
    }


def _merge(listed: list[str], more: list[str]) -> list[str]:
    return list(dict.fromkeys([*listed, *more]))


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """``control_vocabulary.yaml`` with the generated forms merged into its families."""
    vocab = dict(load_yaml("control_vocabulary.yaml"))
    gen = generated()
    for family in ("active", "passive", "listed_by"):
        merged = {change: list(words or ()) for change, words in (vocab.get(family) or {}).items()}
        for change, words in gen[family].items():
            merged[change] = _merge(merged.get(change, []), words)
        vocab[family] = merged
    vocab["expel"] = {**vocab["expel"], "verbs": _merge(list(vocab["expel"]["verbs"]), gen["expel"])}
    vocab["expel_lemmas"] = list(load_yaml("control_frames.yaml").get("expel", ()))
    vocab["under_control"] = gen["under_control"]
    for family in ("control_passive", "control_passive_prepositions", "under_control_passive", "under_control_active"):
        vocab[family] = gen[family]
    hand = vocab.get("fell_to") or {}
    hand = {"capture": list(hand)} if isinstance(hand, list) else dict(hand)
    vocab["fell_to"] = {change: _merge(hand.get(change, []), words) for change, words in gen["fell_to"].items()}
    return vocab


def _alt(words: list[str]) -> str:
    """Words as a regex alternation, longest first, any run of spaces between their words."""
    return alternation(words, flexible_space=r"\s+")


@lru_cache(maxsize=1)
def declared_control() -> tuple[frozenset[str], str]:
    """(first words, pattern) of "declared it has full control of" (``declared_control``)."""
    frame = load_yaml("control_frames.yaml").get("declared_control") or {}
    verbs = [f for lemma in frame.get("verbs", ()) for f in inflections(lemma)]
    if not verbs:
        return frozenset(), r"(?!)"

    pattern = (rf"(?<![\w-])(?:{_alt(verbs)})\s+(?:that\s+)?(?:{_alt(frame['subjects'])})\s+(?:now\s+)?"
               rf"(?:has|have|had|is\s+in|was\s+in|are\s+in|were\s+in|had\s+taken|has\s+taken|have\s+taken|took)\s+(?:now\s+)?"
               rf"(?:{_alt(frame['states'])})\s+(?:military\s+)?control\s+(?:of|over)\b"
               r"(?!\s+(?:the\s+)?(?:[\w-]+\s+)?(?:situation|security|skies|airspace|borders?|crossings?)\b)")  # not of a situation
    return frozenset(verbs), pattern


@lru_cache(maxsize=1)
def anaphor_only_verbs() -> tuple[frozenset[str], str]:
    """(forms, pattern) of a verb too common to be a trigger that takes places only through a
    plural anaphor ("took those villages", "had taken the two towns"; ``anaphor_only_verbs``):
    the anaphor is read by the object reader (``unnamed_objects._THOSE_VILLAGES``)."""
    frame = load_yaml("control_frames.yaml").get("anaphor_only_verbs") or {}
    forms = [f for lemma in frame.get("verbs", ()) for f in inflections(lemma)]
    if not forms:
        return frozenset(), r"(?!)"
    verbs = _alt(forms)
    nouns = "|".join(frame["nouns"])
    return frozenset(forms), (rf"(?<![\w-])(?:{verbs})(?=\s+(?:those|these|both|the)\s+"
                              rf"(?:(?:two|three|four|five|six|\d+)\s+)?(?:{nouns})\b(?!\s+(?:of|in|near|around)\b))")


@lru_cache(maxsize=1)
def control_after_fighting() -> tuple[frozenset[str], str]:
    """(first words, pattern) of a hold told as the result of fighting: "regime troops had full
    control of the district after heavy clashes" (``control_after_fighting``). Without the
    cause ("had control of X") it stays a standing state, no change."""
    frame = load_yaml("control_frames.yaml").get("control_after_fighting") or {}
    holds = frame.get("holds") or []
    if not holds:
        return frozenset(), r"(?!)"

    firsts = frozenset(h.split()[0] for h in holds)
    pattern = (rf"(?<![\w-])(?:{_alt(holds)})\s+(?:now\s+)?(?:(?:{_alt(frame['states'])})\s+)?control\s+(?:of|over)\b"
               rf"(?=[^.;:]{{1,80}}?\s(?:after|following)\s+(?:(?:{_alt(frame['cause_modifiers'])})\s+)*(?:{_alt(frame['causes'])})\b)")
    return firsts, pattern


@lru_cache(maxsize=1)
def control_after_fighting_next_words() -> frozenset[str]:
    """Words that may follow a hold's first word in ``control_after_fighting`` ("had full",
    "is in", "has control"): the auxiliary gate of the trigger scan lets them through."""
    frame = load_yaml("control_frames.yaml").get("control_after_fighting") or {}
    seconds = {h.split()[1].lower() for h in frame.get("holds", ()) if " " in h}
    return frozenset(seconds | {"now", "control"} | {w.lower() for w in frame.get("states", ())})
