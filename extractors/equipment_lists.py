"""Items that share one verb with their neighbours in a list, and items named only by
"others" (``extractors/equipment.py`` calls both):

- a status adjective or verb before a list reaches every item of it ("captured armoured
  vehicles and artillery pieces", "struck a Mi-28 and an Su-25");
- a passive after a list reaches every item before it ("army pickup trucks and armoured
  vehicles captured at the division headquarters");
- an after-phrase reaches an item added with "as well as" ("artillery pieces taken from
  the garrison, as well as pickup trucks mounted with machine guns");
- "others" after a loss verb is one more item of the kind named before it ("captured four
  combat vehicles and destroyed several others").

Items joined by anything but a conjunction, determiners, numbers and adjectives (a verb, a
relative pronoun, a clause word of ``clause_words_between``) share nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .equipment_mentions import EquipmentMention, phrases, vocab
from .equipment_status import is_verb_only

_DETERMINERS = r"(?:(?:a|an|the|some|several|many|their|its|his|at\s+least|dozens\s+of|\d[\d,]*|[A-Za-z][\w'’-]*)\s+){0,4}"
_CONJUNCTION = re.compile(rf"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as|plus|along\s+with|together\s+with)\s+){_DETERMINERS}",
                          re.IGNORECASE)
# after an after-phrase: a short place or source phrase, then a strong conjunction
_AFTER_PHRASE_CONJUNCTION = re.compile(
    rf"(?:\s+(?:(?:at|in|near|from|on|inside|outside|of)\s+)?(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)?\s*,?\s+"
    rf"(?:as\s+well\s+as|along\s+with|together\s+with|plus)\s+{_DETERMINERS}", re.IGNORECASE)
_NOT_IN_A_LIST = re.compile(r"\b(?:of|killed|killing|wounded|wounding|injured|injuring|said|says|that|which|who|while|"
                            r"whereas|when|where|after|before|because)\b", re.IGNORECASE)


@dataclass
class Item:
    """A candidate item and what the sentence says happened to it."""

    mention: EquipmentMention
    status: str | None
    verb_at: int | None
    after_end: int | None
    instrument: bool = False  # the means of an action ("posing with ...", "fighters aboard ...")
    adjective: bool = False  # the status from an adjective, own or shared ("posing with captured A, B and C")


@lru_cache(maxsize=1)
def _clause_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{phrases(vocab()['clause_words_between'])})(?![\w-])")


def _joined(text: str, gap_start: int, gap_end: int, pattern: re.Pattern[str] = _CONJUNCTION) -> bool:
    gap = text[gap_start:gap_end]
    return (gap_start <= gap_end and pattern.fullmatch(gap) is not None
            and not _clause_words().search(gap) and not _NOT_IN_A_LIST.search(gap))


def share_statuses(text: str, items: list[Item]) -> None:
    """Fill the status of items without one from their list neighbours (in place)."""
    for i in range(len(items) - 2, -1, -1):  # "A, B and C captured at ...": from C back to A
        item, nxt = items[i], items[i + 1]
        if item.status is None and nxt.status is not None and nxt.after_end is not None and nxt.verb_at is None \
                and _joined(text, item.mention.end, nxt.mention.start):
            item.status, item.after_end = nxt.status, nxt.after_end
    for i in range(1, len(items)):  # "captured X and Y", "X taken from ..., as well as Y"
        item, prev = items[i], items[i - 1]
        if item.status is not None or prev.status is None:
            continue
        if prev.verb_at is None and prev.after_end is None and is_verb_only(item.mention):
            continue  # "blown-up tanks, burnt-out vehicles": an adjective never makes bare vehicles a loss
        if _joined(text, prev.mention.end, item.mention.start) or (
                prev.after_end is not None and prev.after_end <= item.mention.start
                and _joined(text, prev.after_end, item.mention.start, _AFTER_PHRASE_CONJUNCTION)):
            item.status, item.verb_at, item.adjective = prev.status, prev.verb_at, prev.adjective


@lru_cache(maxsize=1)
def _others() -> re.Pattern[str]:
    verbs = [w for ws in vocab()["verbs_before"].values() for w in ws]
    return re.compile(rf"(?<![\w-])(?:{phrases(verbs)})\s+(?:(?:several|many|some|a\s+few|dozens\s+of|scores\s+of|"
                      rf"at\s+least\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten)?\s*)(?P<others>others)\b",
                      re.IGNORECASE)


def with_others(text: str, mentions: list[EquipmentMention]) -> list[EquipmentMention]:
    """The mentions plus "others" after a loss verb, as one more item of the kind named
    before it ("destroyed several others" after "captured four combat vehicles")."""
    if "others" not in text.lower():
        return mentions
    extra = []
    for m in _others().finditer(text):
        before = [mention for mention in mentions if mention.end <= m.start()]
        if before:
            kind = before[-1]
            extra.append(EquipmentMention(m.group("others"), m.start("others"), m.end("others"), kind.model, kind.category))
    return sorted([*mentions, *extra], key=lambda mention: mention.start) if extra else mentions


@lru_cache(maxsize=1)
def _pronoun() -> re.Pattern[str]:
    verbs = [w for ws in vocab()["verbs_before"].values() for w in ws if " " not in w]
    return re.compile(
        rf"(?<![\w-])(?:(?P<verb>{phrases(verbs)})\s+(?P<it>it)(?![\w-])(?!\s+(?:was|is|had|has|would|will)\b)|"
        rf"(?:shot|shoot|shooting|brought|bring|bringing|took|taking|knocked|knocking)\s+(?P<it2>it)\s+(?:down|out)\b|"
        rf"(?:set|setting|sets)\s+(?P<it3>it)\s+(?:on\s+fire|ablaze|alight)\b)", re.IGNORECASE)


def pronoun_items(text: str, mentions: list[EquipmentMention]) -> dict[int, tuple[EquipmentMention, str | None]]:
    """"it" as the object of a loss verb stands for the last item named before it in the
    sentence ("fired two missiles at the frigate USS Stark, badly damaging it", "struck the
    helicopter, bringing it down"): start of "it" -> (the item it stands for, the status of
    a phrasal frame, else None for the verb's own). Helper equipment10w."""
    if " it" not in text or not mentions:
        return {}
    found: dict[int, tuple[EquipmentMention, str | None]] = {}
    for m in _pronoun().finditer(text):
        group = "it" if m.group("it") else "it2" if m.group("it2") else "it3"
        before = [mention for mention in mentions if mention.end <= m.start()]
        if not before:
            continue
        found[m.start(group)] = (before[-1], None if group == "it" else "destroyed")
    return found


def share_owners(text: str, claims: list, mentions: list[EquipmentMention]) -> list:
    """An owner named on a list's first item owns the items after it ("Armenian T-72 tanks,
    Grad rocket launchers and an S-300 system"); ``mentions`` are the claims' items, in
    order. Helper equipment10w."""
    out = list(claims)
    for i in range(1, len(out)):
        if out[i].owner_actor is None and out[i - 1].owner_actor is not None and out[i].status == out[i - 1].status \
                and _joined(text, mentions[i - 1].end, mentions[i].start):
            out[i] = replace(out[i], owner_actor=out[i - 1].owner_actor)
    return out
