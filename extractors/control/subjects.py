"""The place before a passive and the list after one: "Hama, in central Syria, was
captured by", "seized by the factions were A, B and C" (split from ``arguments.py`` by
helper control6 to keep each module under 400 lines)."""
from __future__ import annotations

import re

from ..mentions.names import PlaceSpan
from .arguments import _LIST_SEP, _names_in, listed
from .triggers import Trigger


_BEFORE_PARTICIPLE = re.compile(
    r"(?:\s+(?:area|district|neighbou?rhood|town|village|city|region|countryside))?"
    r"(?:\s+(?:recently|newly|earlier|briefly|already|later|quickly|eventually))?\s*$", re.IGNORECASE)


def _passive_subject(text: str, trigger: Trigger) -> list[PlaceSpan]:
    """The place before a passive or "fell to": "Hama, in central Syria, was captured by",
    "the Ramouseh area recently seized by"."""
    before = text[: trigger.start].rstrip()
    if trigger.form == "reduced_passive":
        before = before[: _BEFORE_PARTICIPLE.search(before).start()]
    before = re.sub(r"\s+(?:(?:has|have|had)(?:\s+been)?|was|were|is|are)(?:\s+(?:[a-z]+ly|later|then|soon|also|again|now))?$", "", before)  # "X had been wrested back from"
    before = re.sub(r"\s+(?:[a-z]+ly|later|then|soon|eventually|again|now)$", "", before)  # "Marea finally fell to" (control10f)
    before = re.sub(r",[^,]{1,80},\s*$", "", before).rstrip()  # appositive
    relative = re.search(r",?\s+(?:which|that)$", before)
    before = before[: relative.start()].rstrip() if relative else before  # "Daraya, which was ..."
    before = re.sub(r"\s+(?:city|town|village)$", "", before, flags=re.IGNORECASE)  # "Hama city fell to"
    names = _names_in(before, 0)
    if not names or names[-1].end < len(before) - 1:
        return []
    if len(names) > 1 and _WHERE_IT_LIES.fullmatch(before, names[-2].end, names[-1].start):
        names = names[:-1]  # "the village of X near Y was captured by": X, not where it lies (control10f)
    if _EXCEPT_BEFORE.search(before[: names[-1].start]):
        return []  # "most of the city except the district of Waar has returned to": not Waar
    chosen = [names[-1]]  # "Zaytan and Khalasa were captured by": the list before it
    for prev in reversed(names[:-1] if not relative else []):  # "A and B, which was": B
        between = before[prev.end:chosen[0].start]
        if not (_LIST_SEP.fullmatch(between) or between == " "):  # " ": a run split at its heads (control9b)
            break
        chosen.insert(0, prev)
    return chosen


# Between a place and the name that tells where it lies ("X near Y", "X in the Y countryside").
_WHERE_IT_LIES = re.compile(
    r",?\s+(?:near|outside|close\s+to|in|(?:(?:\d+|a\s+few)\s+(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|provincial\s+capital)\s+of\s+)?", re.IGNORECASE)


_EXCEPT_BEFORE = re.compile(r"\b(?:except|excluding|apart\s+from|other\s+than|but\s+not)\s+(?:for\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,4}$",
                            re.IGNORECASE)


_HYPOTHETICAL_AFTER = re.compile(r"[^,.;]{0,60}?\b(?:would|could|might|may|will)\b")


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:town|village|city|area|district|neighbou?rhood|region|province|suburb|camp|hill)\s+of\s+$"
    r"|\b(?:in|into|near|at|around|outside)\s+(?:the\s+)?$", re.IGNORECASE)
_LOCATIVE_AFTER = re.compile(r"^\s+(?:area|district|neighbou?rhood|town|village|city|region)\b", re.IGNORECASE)


def _is_place_like(text: str, span: PlaceSpan) -> bool:
    """A name the gazetteer knows, or one written as a place ("the town of X", "in X",
    "X district"): a reduced passive also follows people ("a pilot X captured by")."""
    return (span.place.precision != "unresolved" or bool(_LOCATIVE_BEFORE.search(text[: span.start]))
            or bool(_LOCATIVE_AFTER.match(text[span.end:])))


def _passive_list_after(text: str, trigger_end: int) -> list[PlaceSpan] | None:
    """"... seized by the factions were A, B, and C": the list after were/included."""
    m = re.compile(r"^\s*[^,.;]{0,60}?\b(?:were|was|are|is|included|include|includes)\s+").match(text[trigger_end:])
    if not m:
        return None
    start = trigger_end + m.end()
    names = _names_in(text[start:start + 300], start)
    if not names or names[0].start - start > 40:
        return None
    return listed(text, names)

