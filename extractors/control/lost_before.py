"""A recapture that says the taker had just lost the place (control9b): "pro-regime fighters
retook the villages of A and B after losing control of them hours earlier" tells two changes,
the enemy's capture and the recapture. The capture is the recapture with the sides swapped;
it keeps the recapture's date unless the loss is dated elsewhere (a year or month named after
it), when no capture row is made (an unsure fact is better missing than wrong)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..claims import ControlChange

_LOST_IT = re.compile(
    r"\bafter\s+(?:having\s+)?(?:losing|lost|briefly\s+losing)\s+(?:(?:full\s+|the\s+)?control\s+(?:of|over)\s+)?"
    r"(?:them|it|the\s+(?:villages?|towns?|city|area|district|neighbou?rhoods?))\b"
    r"(?P<after>[^.;]{0,40})", re.IGNORECASE)
_DATED = re.compile(r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|"
                    r"November|December|last\s+(?:year|month))\b")


def lost_before(text: str, claims: list[ControlChange]) -> list[ControlChange]:
    """The enemy's captures this sentence implies before its recaptures, appended to ``claims``."""
    if "los" not in text or not any(c.change_type == "recapture" for c in claims):
        return claims
    m = _LOST_IT.search(text)
    if m is None or _DATED.search(m.group("after")):
        return claims
    taken = [replace(c, new_controller=c.previous_controller, new_controller_label=c.previous_controller_label,
                     previous_controller=c.new_controller, previous_controller_label=c.new_controller_label,
                     change_type="capture")
             for c in claims
             if c.change_type == "recapture" and c.previous_controller and c.new_controller
             and c.place is not None and 0 <= text.find(c.place.name) < m.start()]
    return claims + taken
