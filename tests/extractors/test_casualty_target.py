"""Combatants killed where an attack landed belong to the side that held the place
(extractors/casualty_target.py); the holder of the target is not the attacker.

Every sentence here is our own, written for these tests; none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str, str | None]]:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    return [(c.count.best or c.count.low, c.outcome, c.victim_actor, c.perpetrator_actor) for c in claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("Coalition air raids on ISIL positions near Kobani killed 35 fighters.", [(35, "killed", "isis", "us_coalition")]),
    ("Russian drone strikes on Ukrainian positions near Bakhmut killed 20 soldiers and wounded dozens of them.",
     [(20, "killed", "ukraine", "russia"), (24, "wounded", "ukraine", "russia")]),
    ("Israeli strikes on Hezbollah positions in south Lebanon killed eight fighters, the army said.",
     [(8, "killed", "hezbollah", "israel")]),
    ("Ukrainian forces struck Russian positions near Kupiansk killing 30 soldiers.", [(30, "killed", "russia", "ukraine")]),
    ("Government artillery shelled rebel posts near Hama killing 12 fighters.",
     [(12, "killed", "opposition", "syrian_government")]),
])
def test_combatants_belong_to_the_side_hit(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(("text", "victim"), [
    ("Israeli strikes on Hezbollah positions killed three civilians.", "civilians"),  # civilians stay civilians
    ("Strikes on RSF and army positions near El Fasher killed 14 fighters.", "unknown"),  # two holders: no choice
    ("Airstrikes killed 10 fighters near Idlib.", "unknown"),  # no target named
])
def test_no_side_without_one_holder(text: str, victim: str) -> None:
    assert [row[2] for row in _rows(text)] == [victim]


def test_bare_soldiers_in_another_country_are_not_the_syrian_army() -> None:
    # our sentence, from the Sahel: no Syrian default for "soldiers" there
    claims = extract_article("Burkina Faso's army said 12 soldiers died in an ambush near Djibo.", "x",
                             date(2024, 5, 1)).casualty_claims
    assert [c.victim_actor for c in claims] and "syrian_government" not in [c.victim_actor for c in claims]


def test_surrendered_soldiers_are_captives_of_their_own_side() -> None:
    # our sentences, Myanmar
    claims = extract_article("The MNDAA said 1,200 soldiers, including four generals, had surrendered with their "
                             "families.", "x", date(2024, 1, 8)).casualty_claims
    assert [(c.count.best, c.outcome) for c in claims if c.count.best == 1200] == [(1200, "captive")]


def test_junta_soldiers_are_not_the_syrian_army_in_a_myanmar_report() -> None:
    text = ("Fighting in Myanmar's Rakhine state. The Arakan Army said dozens of junta soldiers had been killed near "
            "Paletwa in Myanmar and that more than 70 had surrendered.")
    claims = extract_article(text, "x", date(2024, 1, 16)).casualty_claims
    assert claims and all(c.victim_actor != "syrian_government" for c in claims)
