"""Unnamed sites as the object of a control change.

Found when the round-4 closed set was opened (after two scorings): a factory, a hospital,
hills and bridges are taken and retaken like towns, and reports say so with an indefinite
or a descriptive noun phrase. The site keeps its place type, so territorial_control (which
lists settlements and admin1 areas only) does not show it as a town. Every sentence here was
written by us; none is copied from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str) -> list[tuple]:
    return [(row["place_name"], row["new_controller"], row["change_type"], row["place_type"])
            for row in (c.to_row() for c in extract_article(text, "t", date(2024, 5, 1)).control_changes)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Syrian troops regained control of a cement factory near Aleppo on Monday.",
     [("cement factory near Aleppo", "syrian_government", "recapture", "facility")]),
    ("On Saturday the SDF recaptured the general hospital of the town of Manbij.",
     [("general hospital of the town of Manbij", "sdf", "recapture", "facility")]),
    ("Ukrainian troops retook the bridge near Kherson on Tuesday.",
     [("bridge near Kherson", "ukraine", "recapture", "crossing")]),
    ("RSF fighters seized the main hospital in El Fasher on Sunday.",
     [("main hospital in El Fasher", "rsf", "capture", "facility")]),
])
def test_a_site_taken_is_a_control_change_with_its_type(text, expected):
    assert changes(text) == expected


@pytest.mark.parametrize("text", [
    "The wounded were taken to a hospital in Aleppo.",
    "Rebels shelled a factory near Hama on Monday.",
    "The bridge near Kherson was hit by a missile.",
])
def test_a_site_merely_mentioned_is_no_control_change(text):
    assert changes(text) == []
