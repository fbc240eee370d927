"""A figure read with the same victims as another of its sentence follows it when the article
names that group ("killing 31 jihadists and wounding dozens of them", the headline naming IS),
and the subject of an active clause is its perpetrator, not the group it ambushed.

Every text here is our own, written for these tests; none is copied from an article.
"""
from __future__ import annotations

from datetime import date

from extractors.pipeline import extract_article


def _rows(text: str) -> set[tuple[int | None, str, str, str | None]]:
    claims = extract_article(text, "our-article", date(2024, 5, 1)).casualty_claims
    return {(c.count.best or c.count.low, c.outcome, c.victim_actor, c.perpetrator_actor) for c in claims}


def test_wounded_of_them_follow_the_named_killed() -> None:
    text = ("Air raids kill 22 Islamic State militants near Deir Hafer.\n\n"
            "\"Government jets carried out nine raids on the town killing at least 22 jihadists and wounding "
            "dozens of them\" the monitor said.")
    rows = _rows(text)
    assert (22, "killed", "isis", "syrian_government") in rows
    assert (24, "wounded", "isis", "syrian_government") in rows
    assert not any(victim == "opposition" for _, _, victim, _ in rows)


def test_unnamed_killed_and_wounded_follow_the_headline_group() -> None:
    text = ("Army kills 12 terrorists in an ambush near Yabroud.\n\n"
            "The army ambushed a group of terrorists on the hills near Yabroud killing 12 and injuring dozens of them.")
    rows = _rows(text)
    assert {(12, "killed", "opposition", "syrian_government"), (24, "wounded", "opposition", "syrian_government")} <= rows
    assert not any(victim == "all" for _, _, victim, _ in rows)


def test_an_other_war_keeps_its_victims_apart() -> None:
    text = ("A Russian missile strike on Odesa killed 8 civilians and wounded 30 others, the regional governor said.")
    assert _rows(text) == {(8, "killed", "civilians", "russia"), (30, "wounded", "civilians", "russia")}


def test_an_outcome_verb_with_its_own_count_belongs_to_that_count() -> None:
    # our sentences: the verb after "two patients" is the cue of "eight", not of "two"
    assert _rows("A drone strike on a clinic in Omdurman has killed two patients injured eight others "
                 "and damaged the building.") == {(2, "killed", "civilians", None), (8, "wounded", "civilians", None)}
    assert {(c, o) for c, o, _, _ in _rows("Troops kill 40 Injured 60 Militants in 2 Days Near Gao.")} == {
        (40, "killed"), (60, "wounded")}


def test_a_part_of_things_is_no_toll() -> None:
    assert _rows("The strikes also destroyed 14 of the militia's armoured vehicles near Marib.") == set()


def test_fighters_whose_parts_are_two_sides_are_a_mixed_total() -> None:
    # our sentence, northern Syria 2024
    rows = _rows("The monitor said at least 120 fighters were killed in the battle for Manbij, including about 70 "
                 "from the SNA and 50 from the SDF.")
    assert {(120, "killed", "all"), (70, "killed", "sna"), (50, "killed", "sdf")} <= {r[:3] for r in rows}
