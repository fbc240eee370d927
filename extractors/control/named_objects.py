"""A name no gazetteer knows as the object of "took" / "retook" (helper control10f).

"took" also takes prisoners, hostages and people, so a name it takes counts as a place only
when the gazetteer knows it, or (``__init__._dated_object``) when the time of the event
follows it. This module adds the other signs that the name is a place, each written as the
frame matrix (tests/extractors/control_matrix.py) found them missing:

- where it lies follows: "took Marea, in Hama province,", "took Kafr Nabuda in the Hama
  countryside", "took Tal Jabin north of Aleppo";
- the battle follows: "took Marea after heavy fighting / following clashes with IS";
- a border, coast or appositive place noun follows: "took Maungdaw on the border with Bangladesh",
  "took Kutkai, a town on the road to China" (control11);
- the name has a toponym head ("Kafr", "Tal", "Deir", ``toponym_heads``) or is one word.

The subject must be an armed actor right before the verb, as for a dated object.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .frames import vocabulary

_WHERE_OR_BATTLE_AFTER = re.compile(
    r"\s*,?\s+(?:in|near)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(?:province|countryside|governorate|region|district|suburbs|outskirts)\b"
    r"|\s*,?\s+(?:(?:\d+\s+)?(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+[A-Z]"
    r"|\s+(?:after|following)\s+(?:(?:heavy|fierce|intense|days\s+of|weeks\s+of|a\s+week\s+of|violent)\s+)*"
    r"(?:fighting|clashes|battles?|an?\s+(?:assault|offensive|attack)|a\s+(?:two|three|four)[\w-]*\s+(?:battle|siege))\b"
    # where it lies told by a border, coast or river, or an appositive place noun (control11): "took Maungdaw
    # on the border with Bangladesh", "took Kutkai, a town on the road to China"
    r"|\s+on\s+the\s+(?:[\w-]+\s+){0,2}?(?:border|frontier|coast|shore|banks?)\b"
    r"|\s*,\s+(?:a|the)\s+(?:[\w'’-]+\s+){0,3}?(?:town|city|village|township|hub|stronghold|port|outpost)\s+(?:on|in|near|of|north|south|east|west)\b")


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(vocabulary()["toponym_heads"])


def _place_shaped(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0][:1].isupper() and (len(words) == 1 or (words[0] in _heads() and len(words) <= 3))


def takes_a_named_place(text: str, trigger_text: str, agent_armed_right_before: bool, name: str, name_start: int, name_end: int,
                        trigger_end: int) -> bool:
    """Is the unknown name right after a "took"-like trigger a place by what follows it?"""
    if " ".join(trigger_text.lower().split()) not in vocabulary()["dated_object_names_place"]:
        return False
    return (agent_armed_right_before and re.fullmatch(r"\s*", text[trigger_end:name_start]) is not None
            and _place_shaped(name) and _WHERE_OR_BATTLE_AFTER.match(text, name_end) is not None
            and _A_PERSON_AFTER.search(text, name_end, name_end + 80) is None)


_A_PERSON_AFTER = re.compile(r"\b(?:hostages?|prisoners?|captives?|custody|detained|kidnapp\w*|abduct\w*)\b", re.IGNORECASE)
