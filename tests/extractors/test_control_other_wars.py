"""Control changes in wars the rules were not written for: numbered military positions
("point 875", "Height 203") and villages no gazetteer knows taken on a given day.

Every sentence here was written by us (helper CONTROL2) in the style of wire reports from
Ukraine, Sudan, Gaza, Yemen, Myanmar and the Sahel; none is copied from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str, published: date | None = date(2024, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ukrainian troops recaptured Height 203 near Robotyne on Tuesday.",
     [("height 203", "ukraine", "recapture")]),
    ("Russian forces seized hills 101 and 102 outside Avdiivka last week.",
     [("hill 101", "russia", "capture"), ("hill 102", "russia", "capture")]),
    ("Sudanese army units regained control over point 412 and points 415 and 418 near the border.",
     [("point 412", "sudan", "recapture"), ("point 415", "sudan", "recapture"),
      ("point 418", "sudan", "recapture")]),
    ("Israeli troops captured Hill 70 on Monday.", [("hill 70", "israel", "capture")]),
    ("The Arakan Army seized outpost 552 on Friday.", [("outpost 552", "arakan_army", "capture")]),
    ("The army took point 875 on Monday.", [("point 875", "syrian_government", "capture")]),
])
def test_numbered_positions_are_places(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The RSF took Babanusa on Sunday after a two-week siege.", [("Babanusa", "rsf", "capture")]),
    ("Arakan Army fighters took Paletwa on January 15.", [("Paletwa", "arakan_army", "capture")]),
    ("JNIM fighters took Djibo last week.", [("Djibo", "jnim", "capture")]),
    ("The Houthis took Marib on Friday.", [("Marib", "houthis", "capture")]),
])
def test_took_a_name_on_a_day_is_a_capture(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Ukrainian forces took 20 prisoners on Monday.",
    "Government forces took heavy losses on Monday.",
    "Ukraine's army reported that 300 soldiers died on hill 17 on Tuesday.",
    "Hamas fighters took Abu Hassan's car on Monday and drove it south.",
    "The Sudanese army took 1200 casualties near point 412 last month.",
    "Russian forces tried to seize hill 101 on Tuesday but were repelled.",
])
def test_no_change_without_a_place_taken(sentence: str) -> None:
    assert changes(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Sudanese army captured the rebels' last stronghold in the east, the city of Wad Madani, on Friday.",
     [("Wad Madani", "sudan", "capture")]),
    ("Malian troops seized their last bastion in the region the town of Kidal last week.",
     [("Kidal", "mali", "capture")]),
])
def test_place_in_apposition_to_a_stronghold(sentence: str, expected: list[tuple]) -> None:
    """"its last key bastion in the region, the town of X": the town is the object, and a
    "last" that is no time ("last stronghold") no longer ends the object."""
    assert changes(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kidal was captured when Malian troops entered the town on Tuesday.",
     [("Kidal", "mali", "capture"), ("Kidal", "mali", "entry")]),
    ("Meanwhile the depot inside Kherson was captured as Ukrainian forces pushed into the city.",
     [("Kherson", "ukraine", "capture"), ("Kherson", "ukraine", "entry")]),
])
def test_passive_without_by_takes_the_agent_of_the_as_clause(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


def test_passive_without_by_needs_a_place() -> None:
    assert changes("The journalist was captured as rebels advanced near Gaza City.") == []
