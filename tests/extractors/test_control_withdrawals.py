"""Withdrawals with the forces as object, orders to leave, the "-occupied" winner, and two
modality fixes: a year naming another event ("the 2011 uprising") and a second verb after
"repelled ... and had" (helper control6, issue 7).

Every sentence here was written by us (helper control6) in the style of wire reports from
Ukraine, Gaza, Syria, Sudan, Myanmar and the Sahel; none is copied from an article. Each
mechanism has near misses that must give no row.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str, published: date = date(2024, 5, 1)) -> list[tuple]:
    return [(c.place.name, c.previous_controller, c.change_type)
            for c in extract_article(text, "t", published).control_changes]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia said on Tuesday it had withdrawn its troops from the town of Kreminna.", [("Kreminna", "russia", "withdrawal")]),
    ("The Israeli military withdrew the 36th Division from Deir al-Balah on Sunday.",
     [("Deir al-Balah", "israel", "withdrawal")]),
    ("The SDF said it had pulled its fighters out of Manbij on Friday.", [("Manbij", "sdf", "withdrawal")]),
    ("Ukraine's army chief said he had ordered troops to withdraw from the town of Marinka.",
     [("Marinka", "ukraine", "withdrawal")]),
    ("Mali's army said it had ordered its units to leave the town of Tessalit.", [("Tessalit", "mali", "withdrawal")]),
    ("The RSF said it had evacuated its forces from Wad Madani and the surrounding villages.",
     [("Wad Madani", "rsf", "withdrawal")]),
])
def test_withdrawal_with_forces_as_object(sentence: str, expected: list[tuple]) -> None:
    assert changes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Russia is moving troops from Kherson to Zaporizhzhia.",  # a redeployment, not a loss
    "Putin ordered troops to take Kyiv.",  # an order to capture is an intention
    "The army is expected to withdraw its troops from Kidal.",  # not done
    "The junta denied it had withdrawn its soldiers from Laukkai.",  # denied
])
def test_no_withdrawal(sentence: str) -> None:
    assert changes(sentence) == []


def test_occupied_names_the_winner_of_a_loss() -> None:
    rows = extract_article("Ukrainian marines have lost their foothold in the village of Krynky on the "
                           "Russian-occupied bank of the Dnipro.", "t", date(2024, 7, 18)).control_changes
    assert [(r.place.name, r.new_controller, r.previous_controller) for r in rows] == [("Krynky", "russia", "ukraine")]


@pytest.mark.parametrize(("sentence", "place"), [
    ("In the south, rebel factions took control of Daraa city, cradle of the 2011 uprising, late on Friday.", "Daraa"),
    ("The Arakan Army captured Paletwa, the first town to fall since the 2021 coup, on Sunday.", "Paletwa"),
])
def test_a_year_naming_another_event_is_no_background(sentence: str, place: str) -> None:
    assert [c[0] for c in changes(sentence)] == [place]


def test_a_year_as_the_time_is_still_background() -> None:
    assert changes("Rebels captured Aleppo in 2012, the monitor recalled.") == []


def test_a_verb_after_repelled_and_had_is_its_own_event() -> None:
    assert changes("Russia's defence ministry said its troops had repelled attacks near several villages "
                   "and had retaken the village of Tetkino.") == [("Tetkino", "ukraine", "recapture")]
    assert changes("The army said it repelled an attack aimed at retaking the village of Tetkino.") == []
