"""Outcome gates of a control trigger (helper control11p, issue 7: precision on unseen text).

A trigger that passed the modality filters before it (``modality.py``) can still be undone
or disowned by what its own sentence says after it or around it:

* a brief presence, a raid: "briefly entered El Obeid", "entered Sderot and withdrew hours
  later", "occupied Djibo before being pushed back", "held it for a few hours";
* background of earlier years in the trigger's own clause: "who retook Marawi two years
  ago", "seized by the RSF months ago"; vaguer recent times ("earlier this year", "last
  month") only inside a relative or participle clause ("the village of X captured by rebels
  earlier this year"), where the clause describes a place rather than tells the news.

Words are data (``control_gates.yaml``); a fact we are unsure of is better missing than wrong.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import alternation
from ..reference import load_yaml
from .triggers import Trigger


@lru_cache(maxsize=1)
def _gates() -> dict:
    return load_yaml("control_gates.yaml")


def _alt(key: str) -> str:
    return alternation(_gates()[key])


@lru_cache(maxsize=1)
def _brief_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt('brief_adverbs')})\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _brief_after() -> re.Pattern[str]:
    return re.compile(
        rf"^[^.;]{{0,40}}?\b(?:{_alt('brief_adverbs')})\b"
        rf"|\bfor\s+(?:only\s+|just\s+)?(?:{_alt('brief_hours')})\b"
        rf"|\bbefore\s+(?:{_alt('undone_after_before')})\b"
        rf"|\b(?:{_alt('undone_verbs')})\s+(?:only\s+|just\s+)?(?:(?:a\s+few|several|some|two|three|\d+)\s+)?"
        rf"(?:hours?|minutes?|shortly|soon|days?)\s+(?:{_alt('undone_delays')})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _background_time() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt('background_times')})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _background_time_relative() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt('background_times_relative')})\b", re.IGNORECASE)


# The clause around a trigger: between commas, semicolons, dashes, brackets or the sentence ends.
_BOUNDARY = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\.\s")
# "who/which/that ... TRIGGER", or a participle right after a noun ("Zaara captured by rebels",
# ", seized by the RSF"): the trigger is in a clause that describes a place or an actor.
_RELATIVE = re.compile(r"\b(?:who|which|that|whom)\b", re.IGNORECASE)


def _clause(text: str, trigger: Trigger) -> tuple[int, int]:
    start = 0
    for m in _BOUNDARY.finditer(text, 0, trigger.start):
        start = m.end()
    nxt = _BOUNDARY.search(text, trigger.end)
    return start, (nxt.start() if nxt else len(text))


def _is_relative(text: str, trigger: Trigger, start: int) -> bool:
    if _RELATIVE.search(text, start, trigger.start):
        return True
    if trigger.form == "reduced_passive":  # "the village of X captured by rebels"
        return True
    word = text[trigger.start:trigger.end].split()[0].lower()
    after = text[trigger.end:trigger.end + 40]
    return trigger.form in ("active", "passive") and word.endswith(("ed", "en")) and re.match(r"\s+by\b", after) is not None \
        and re.search(r"\b(?:was|were|is|are|been|being|be|had|has|have)\s+(?:\w+ly\s+)?$", text[start:trigger.start]) is None


def is_brief(text: str, trigger: Trigger) -> bool:
    """"briefly entered", "entered X and withdrew hours later", "before being pushed back".
    Only an entry: a capture told as brief ("briefly seized the town before troops retook
    it") is still a change of hands, and the retaking its own."""
    if trigger.change != "entry":
        return False
    if _brief_before().search(text, max(0, trigger.start - 30), trigger.start):
        return True
    end = len(text) if (m := re.search(r"[.;]\s", text[trigger.end:])) is None else trigger.end + m.start()
    return _brief_after().search(text[trigger.end:end]) is not None


def is_background(text: str, trigger: Trigger) -> bool:
    """A time of an earlier year in the trigger's clause, or a vaguer recent time in a
    relative or participle clause."""
    start, end = _clause(text, trigger)
    if _background_time().search(text, start, end):
        return True
    return _background_time_relative().search(text, start, end) is not None and _is_relative(text, trigger, start)


def drops(text: str, trigger: Trigger) -> bool:
    """Is the trigger undone or background by its own sentence? (A claim the other side
    denies stays a claim with its claimant: the gold files' convention.)"""
    return is_brief(text, trigger) or is_background(text, trigger)
