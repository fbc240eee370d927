"""Small binding rules between a count and its outcome: an adverb before the cue, a
reporting clause after the count, an adjective in a coordinated victim noun. Every sentence
here was written by us (Sitrep helper casualty4), set in several wars; none is quoted."""
import pytest

from extractors.casualties import read_figures


def _figures(sentence: str) -> list[tuple[int | None, str, str]]:
    return [(f.mention.count.best, f.outcome, f.victim.actor) for f in read_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Two people were slightly hurt in Kramatorsk a witness said.", [(2, "wounded", "civilians")]),  # Ukraine
    ("Five children were critically injured in Taiz.", [(5, "wounded", "civilians")]),  # Yemen
    ("Raids on Khan Younis killed 16 civilians including one child and wounded 22 it said.",  # Gaza
     [(16, "killed", "civilians"), (1, "killed", "civilians"), (22, "wounded", "civilians")]),
    ("Fighting killed 30 regime and allied fighters as well as 50 Syrian rebels.",  # Syria
     [(30, "killed", "syrian_government"), (50, "killed", "opposition")]),
])
def test_binding(sentence: str, expected: list) -> None:
    assert _figures(sentence) == expected


def test_a_reporting_pronoun_is_no_victim_noun() -> None:
    # Myanmar: the count is not the object of the reporting verb's subject
    assert _figures("The junta said it recruited 40 people in Sagaing.") == []


def test_detained_people_are_captives() -> None:
    # Myanmar (casualty11): detention is a captive outcome, "detain" a lemma of its frames
    assert _figures("The junta said it detained 40 people in Sagaing.") == [(40, "captive", "civilians")]


def test_a_headline_list_without_commas_shares_its_outcome() -> None:
    # Syria headline style: every counted group before the cue takes it; the injured stay mixed
    assert _figures("40 Civilians 25 YPG Fighters Killed 110 Injured by Turkey Near Jarablus.") == [
        (40, "killed", "civilians"), (25, "killed", "sdf"), (110, "wounded", "all")]


def test_a_page_link_list_is_no_toll() -> None:
    # web chrome before the article text: "Related" opens a list of links
    assert _figures("Get short URL 185 Related Daesh Commander Killed by SDF Near Tabqa.") == []


@pytest.mark.parametrize("sentence, expected", [
    # a participle after a people noun starts a clause (Syria; Sudan)
    ("Reports said regime forces killed 1300 people using chemical weapons.", [(1300, "killed", "civilians")]),
    ("Militiamen killed 40 people fleeing El Geneina.", [(40, "killed", "civilians")]),
    # "more than half of them" is an aside between the toll and its verb (Syria); since
    # casualty8 the part's noun also makes the people a mixed total (half were fighters)
    ("At least 412 people more than half of them fighters have been killed near Kobane.",
     [(412, "killed", "all")]),
])
def test_a_clause_or_aside_after_the_people(sentence: str, expected: list) -> None:
    assert _figures(sentence) == expected


def test_an_adjective_in_ing_before_a_thing_is_no_clause() -> None:
    # Iraq/Syria: positions are things, whoever they belong to
    assert _figures("Strikes destroyed 13 Daesh fighting positions near Manbij.") == []
