"""A photo caption shows one person; that is no toll (casualty_readings.depicted_one).
The sentences are our own, written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str]]:
    return [(c.count.best, c.outcome) for c in extract_article(text, "our-article", date(2024, 5, 1)).casualty_claims]


@pytest.mark.parametrize("text", [
    "Published March 3 2024 A man carries an injured boy after a drone strike on a market in Kharkiv.",
    "Rescue workers carry the body of a dead child from the rubble in Khan Younis.",
    "A woman whose husband was killed reacts at the site of an airstrike in Marib.",
])
def test_a_caption_shows_no_toll(text: str) -> None:
    assert _rows(text) == []


def test_a_report_of_one_death_stays() -> None:
    assert _rows("A woman was killed and two children were injured when a shell hit their home in Kharkiv.") == [
        (1, "killed"), (2, "wounded")]


def test_a_summed_total_of_people_is_mixed() -> None:
    # our sentences: "in all" sums groups told before (gunmen and their families)
    rows = extract_article("Gunmen executed 25 fighters and 15 of their relatives near Tal Afar. In all 40 people "
                           "were killed, the monitor said.", "our-article", date(2024, 5, 1)).casualty_claims
    assert [(c.victim_actor, c.victim_type) for c in rows if c.count.best == 40] == [("all", "mixed")]
    named = extract_article("A total of 20 civilians were killed in the strikes on Sumy.", "x", date(2024, 5, 1))
    assert [c.victim_actor for c in named.casualty_claims] == ["civilians"]


@pytest.mark.parametrize(("text", "victim"), [
    ("A suicide attack on a rival rebel group near Azaz killed 16 people.", "all"),
    ("Ukrainian strikes on Russian positions near Tokmak killed 12 people, the governor said.", "all"),
    ("Russian strikes on rebel-held Idlib killed 20 people.", "civilians"),  # a place held by a side: civilians
    ("Airstrikes on a market in Khan Younis killed 30 people.", "civilians"),
])
def test_people_killed_in_an_attack_on_an_armed_side_are_mixed(text: str, victim: str) -> None:
    claims = extract_article(text, "our-article", date(2024, 5, 1)).casualty_claims
    assert [c.victim_actor for c in claims] == [victim]


@pytest.mark.parametrize(("text", "victim"), [
    ("Rival militias have battled for the town since March in fighting that has killed more than 600 people.", "all"),
    ("Clashes between the army and the RSF in Omdurman killed 20 people on Monday.", "all"),
    ("Clashes erupted after drone strikes on a market in Khartoum killed 20 people.", "civilians"),  # strikes on people
])
def test_people_killed_in_fighting_between_sides_are_mixed(text: str, victim: str) -> None:
    claims = extract_article(text, "our-article", date(2024, 5, 1)).casualty_claims
    assert [c.victim_actor for c in claims] == [victim]
