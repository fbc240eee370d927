"""Counts in a casualty sentence that are no toll of their own, whatever cue is near them:
a count of equipment ("two German-made Leopards", "three RSF pick-up trucks", "two
captured armoured vehicles") and people counted before, referred to again ("the deaths of
the five soldiers"). Read from data: ``restated_before``, ``equipment_gap`` and ``equipment_crew`` in
``casualty_cues.yaml`` and the equipment catalogue (``equipment_mentions``).
"""
from __future__ import annotations

from . import numbers
from .casualty_cues import cues as _cues
from .equipment_mentions import find_equipment


def restated(sentence: str, mention: numbers.CountMention) -> bool:
    """"the deaths of the five soldiers": people counted before, referred to again."""
    return _cues()["restated_before"].search(sentence, max(0, mention.start - 40), mention.start) is not None


def equipment_count(sentence: str, mention: numbers.CountMention) -> bool:
    """The count's noun (at most two words after it) is an item of equipment, not people."""
    cues = _cues()
    for item in find_equipment(sentence):
        if item.start < mention.end or item.start > mention.end + 40 or item.text.lower() in cues["equipment_people"]:
            continue
        gap = sentence[mention.end:item.start]
        return (cues["equipment_gap"].fullmatch(gap) is not None and "," not in gap
                and cues["equipment_crew"].match(sentence, item.end) is None)
    return False

