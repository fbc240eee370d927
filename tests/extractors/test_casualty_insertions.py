"""Words between the victims and their verb (extractors/casualty_cue_reading.py,
casualty_cues.py ``_PARENTHETICAL``): an insertion set off by commas ("500 people, both
civilians and soldiers, had been killed"; "28 of the group's members, who ..., were among the
dead"; troops "from South Africa, Malawi and Uruguay"), "loyal to X" before the verb, the
injuries a count is found with ("six others with serious injuries"), and loyalists of a
leader the article says was toppled.

Every sentence here is our own, written for these tests (Sudan, Afghanistan, Congo, Mali,
Syria, Yemen, Ukraine, Nigeria, Somalia); none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.pipeline import extract_article


def _rows(text: str) -> list[tuple[int | None, str, str, str]]:
    claims = extract_article(text, "our-sentence", date(2024, 5, 1)).casualty_claims
    return sorted((c.count.best or c.count.low, c.outcome, c.victim_actor, c.victim_type) for c in claims)


@pytest.mark.parametrize(("text", "expected"), [
    # a description of the victims between commas: the mix it tells is the victims'
    ("The governor said 300 people, both civilians and soldiers, had been killed in El Fasher since Monday.",
     [(300, "killed", "all", "mixed")]),
    ("An official said 40 people, fighters and civilians alike, were killed near Gao.",
     [(40, "killed", "all", "mixed")]),
    # a relative clause between commas before "were among the dead"
    ("A Taliban commander said 12 of the group's fighters, who had been guarding the gate, were among the dead.",
     [(12, "killed", "taliban", "combatant")]),
    # where the troops came from, between commas: several states' troops, or the one state named
    ("Nine foreign troops, from Kenya, Uganda and Burundi, were killed near Baidoa, their governments said.",
     [(9, "killed", "all", "combatant")]),
    ("Four soldiers, from Kenya, were killed in the ambush near Mandera.",
     [(4, "killed", "kenya", "combatant")]),
    # whom the victims are loyal to stands between them and the verb
    ("The monitor said 70 fighters loyal to the Houthis had also been killed near Marib.",
     [(70, "killed", "houthis", "combatant")]),
    # the injuries a count is found with tell its outcome (not the "killed" of the count before)
    ('"We found 20 bodies, all of them shot, and seven others with serious injuries," a villager in Borno said.',
     [(7, "wounded", "all", "mixed"), (20, "killed", "all", "mixed")]),
])
def test_insertions(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    assert _rows(text) == expected


def test_loyalists_of_a_toppled_leader_are_no_government() -> None:
    # the article tells the leader was toppled: fighters loyal to him are of no known side
    toppled = ("Fighting spread along the coast months after Bashar al-Assad was toppled. "
               "The monitor said 40 gunmen loyal to Assad had also been killed in Jableh.")
    assert (40, "killed", "unknown", "combatant") in _rows(toppled)
    # while he rules, they are his government's
    ruling = "The monitor said 40 fighters loyal to President Bashar al-Assad had also been killed in Idlib."
    assert (40, "killed", "syrian_government", "combatant") in _rows(ruling)
    # "former President Hafez al-Assad" deposes nobody
    father = ("The town was shelled under former President Hafez al-Assad in 1982. "
              "The monitor said 40 fighters loyal to President Bashar al-Assad had also been killed in Hama.")
    assert (40, "killed", "syrian_government", "combatant") in _rows(father)
