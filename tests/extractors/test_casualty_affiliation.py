"""Whose people a count names when the group comes after the noun, and tolls of mixed
people. Every sentence here was written by us (Sitrep helper casualty4), set in several
wars; none is quoted from an article."""
import pytest

from extractors.casualties import read_figures


def _victims(sentence: str) -> list[tuple[int | None, str, str]]:
    return [(f.mention.count.best, f.victim.actor, f.victim.type) for f in read_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # Mali / Russia: "members of <group>"
    ("Drone strikes killed 12 members of the Wagner group near Kidal.", [(12, "russia", "combatant")]),
    # Syria: "men from (aside) <group>"
    ("An air strike killed two men from (the jihadist alliance) Hayat Tahrir al-Sham near Idlib.",
     [(2, "hts", "combatant")]),
    # Syria: "of the group" points back to the one group named before
    ("ISIS militants stormed the village and an explosion killed at least 9 members of the group.",
     [(9, "isis", "combatant")]),
])
def test_people_of_a_named_group_are_that_group(sentence: str, expected: list) -> None:
    assert _victims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Gaza: children of a group's fighters are still children
    ("Shelling in Rafah killed 4 children of Hamas fighters.", [(4, "civilians", "civilian")]),
    # Sudan: "of the group" with two groups named before: no confident binding
    ("The RSF and the SAF traded fire and the blast killed 7 members of the group.", [(7, "unknown", "combatant")]),
    # Ukraine: "people from Kharkiv" is a place, not a group
    ("The missile killed 5 people from Kharkiv.", [(5, "civilians", "civilian")]),
])
def test_no_group_without_a_confident_binding(sentence: str, expected: list) -> None:
    assert _victims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Strikes near Hama killed at least seven people both militants and civilians.", [(7, "all", "mixed")]),
    ("A drone strike in Marib killed 11 soldiers and civilians.", [(11, "all", "mixed")]),  # Yemen
    ("Shelling in Sittwe killed 6 women and children.", [(6, "civilians", "civilian")]),  # Myanmar
])
def test_a_toll_of_combatants_and_civilians_together_is_mixed(sentence: str, expected: list) -> None:
    assert _victims(sentence) == expected


def test_others_opening_a_sentence_continue_the_victims_before() -> None:
    from extractors.pipeline import extract_article
    text = ("Strikes on the market in El Obeid killed 10 civilians.\n"  # Sudan
            "21 others died in shelling on the camp.")
    claims = extract_article(text, "ours-sudan").casualty_claims
    assert {(c.count.best, c.victim_actor) for c in claims} == {(10, "civilians"), (21, "civilians")}


def test_others_after_two_groups_stay_a_mixed_toll() -> None:
    from extractors.pipeline import extract_article
    text = ("Shelling killed 10 civilians and 4 soldiers near Donetsk.\n"  # Ukraine
            "21 others were wounded.")
    claims = extract_article(text, "ours-ukraine").casualty_claims
    assert {c.victim_actor for c in claims if c.count.best == 21} == {"all"}


def test_injured_after_a_headline_of_two_groups_are_both() -> None:
    # Syria headline style without commas: the injured are not the last group named
    figures = read_figures("40 Civilians 25 YPG Fighters Killed 110 Injured by Turkey Near Jarablus.")
    assert [(f.mention.count.best, f.victim.actor) for f in figures if f.outcome == "wounded"] == [(110, "all")]


@pytest.mark.parametrize("sentence, expected", [
    # Syria: "scores of them" are the last people named before
    ("The army clashed with ISIL terrorists near the airport killing scores of them.", [(40, "killed", "isis")]),
    # Myanmar: rebels named, then "dozens of them"
    ("Troops shelled the rebels in Lashio where dozens of them were killed.", [(24, "killed", "opposition")]),
])
def test_of_them_binds_to_the_last_people_named(sentence: str, expected: list) -> None:
    assert [(f.mention.count.low, f.outcome, f.victim.actor) for f in read_figures(sentence)] == expected
