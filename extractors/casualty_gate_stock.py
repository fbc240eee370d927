"""Casualty figures that are no new loss of the event, whatever cue reads them:

- captives set free, not taken ("Israel rescues four hostages", "a raid that freed four
  Israeli hostages", "20 prisoners were exchanged");
- a standing stock of captives ("about 120 hostages remain in Gaza", "are still held");
- what a place can hold ("a prison built to hold 800 prisoners");
- a figure the toll may reach, not one it has reached ("officials fear the toll could rise to
  30", "the death toll is expected to top 50").

Words are data: ``seeds/reference/casualty_gates.yaml``. The reading of the figure itself
(its outcome, where its victim noun ends) comes from ``casualties.read_figures``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import compiled_patterns
from .reference import load_yaml

_LOOK_BEFORE = 60  # characters read before a count
_DESCRIBED = re.compile(r"(?:\s*\b[A-Za-z'’-]+)?(?:\s*\b[A-Za-z'’-]+)?\s*$")  # up to two words ("Israeli")


@lru_cache(maxsize=1)
def _gates() -> dict[str, re.Pattern[str]]:
    data = load_yaml("casualty_gates.yaml")
    return {name: compiled_patterns.compile(data[name], re.IGNORECASE)
            for name in ("freeing_before", "freeing_after", "standing_after", "capacity_before", "projected_before")}


def no_new_captives(sentence: str, count_start: int, count_end: int, noun_end: int) -> bool:
    """A captive figure told as freed captives, a standing stock or a capacity.
    ``noun_end``: where the victim phrase after the count ends."""
    gates = _gates()
    before = max(0, count_start - _LOOK_BEFORE)
    if gates["capacity_before"].search(sentence, before, count_start):
        return True
    if gates["freeing_before"].search(sentence, before, count_start):
        return True
    return bool(gates["freeing_after"].match(sentence, noun_end) or gates["standing_after"].match(sentence, count_end))


def projected(sentence: str, count_start: int, count_text: str = "") -> bool:
    """"the toll could rise to 30": a forecast of the toll, not a toll. ``count_text``: the
    count's own words, whose lead ("could rise to") may hold the forecast."""
    lead = count_text.rsplit(None, 1)[0] + " " if len(count_text.split()) > 1 else ""
    window = sentence[max(0, count_start - _LOOK_BEFORE):count_start] + lead
    return _gates()["projected_before"].search(window) is not None


def no_new_loss(sentence: str, reading) -> bool:
    """A reading (``casualty_cue_reading.Reading``) that is no new loss of the event: a
    projected toll, or captives freed, still held or a place's capacity."""
    if projected(sentence, reading.mention.start, reading.mention.text):
        return True
    if reading.outcome != "captive":
        return False
    from .casualty_victims import victim_phrase
    return no_new_captives(sentence, reading.mention.start, reading.mention.end, victim_phrase(sentence, reading.mention.end)[1])
