"""Words that name no army of their own ("the army", "government forces", "al-Qaeda") read as
the forces of the country the article reports from (extractors/theatre.py,
seeds/reference/theatre_countries.csv, actors_country_roles.csv). Every sentence here was
written by us for these tests; none is quoted from an article."""
from __future__ import annotations

from datetime import date

import pytest

from extractors import extract_article, theatre
from extractors.actors import find_actors


def _claims(text: str):
    return extract_article(text, "t", date(2024, 5, 1))


def _ids(text: str) -> list[str]:
    with theatre.reading([text]):
        return [m.actor_id for m in find_actors(text)]


@pytest.mark.parametrize("text, country", [
    ("Shelling hit Idlib and Maarat al-Numan overnight.", "SY"),
    ("Fighting went on in Wad Medani and El Obeid.", "SD"),
    ("Drones struck Kharkiv and Kherson oblast.", "UA"),
    ("Clashes broke out near Lashio.", "MM"),
    ("Gunmen attacked a convoy in Burkina Faso.", "BF"),     # no known place: the country's name
    ("The army said it had pushed the enemy back.", theatre.NO_COUNTRY),
    ("Fighting in Idlib and in Kherson oblast.", None),       # a tie decides nothing
])
def test_article_country_from_places_then_country_names(text, country):
    assert theatre.article_country([text]) == country


@pytest.mark.parametrize("text, expected", [
    ("The army shelled rebel positions near Idlib.", "syrian_government"),
    ("The army shelled RSF positions near Wad Medani.", "sudan"),
    ("Regime troops shelled villages near Lashio.", "myanmar"),
    ("Government forces shelled Houthi positions near Marib.", "yemen"),
    ("The army said troops had entered Gaza City.", "israel"),
    ("Soldiers repelled an attack near Boulkessi, in Mali.", "mali"),
])
def test_home_forces_are_the_country_s_army(text, expected):
    assert expected in _ids(text)
    assert "syrian_government" not in _ids(text) or expected == "syrian_government"


@pytest.mark.parametrize("text, expected", [
    ("Al-Qaeda fighters attacked a checkpoint near Idlib.", "hts"),
    ("Al-Qaeda militants attacked a checkpoint near Boulkessi, in Mali.", "jnim"),
    ("Al-Qaeda fighters attacked a checkpoint in Abyan, Yemen.", "aqap"),
])
def test_al_qaeda_is_its_local_branch(text, expected):
    assert _ids(text)[0] == expected


def test_an_article_without_place_or_country_reads_the_none_row():
    # Syria, the first theatre (theatre_countries.csv, row "none")
    assert _ids("The army and al-Qaeda fought all night.") == ["syrian_government", "hts"]


def test_outside_an_article_aliases_keep_their_table_ids():
    assert [m.actor_id for m in find_actors("the army and al-Qaeda")] == ["syrian_government", "hts"]


def test_no_syrian_army_in_another_war():
    # two states' armies fight in Ukraine: a bare "the army" may be either, so it is nobody
    claims = _claims("The army said it had recaptured Vovchansk from Russian forces.")
    assert all(c.new_controller != "syrian_government" for c in claims.control_changes)
    claims = _claims("Al-Qaeda militants killed 20 Malian soldiers near Boulkessi in Mali.")
    assert [(c.victim_actor, c.perpetrator_actor) for c in claims.casualty_claims] == [("mali", "jnim")]
    claims = _claims("Government forces retook Wad Medani in Gezira state on Monday.")
    assert [c.new_controller for c in claims.control_changes] == ["sudan"]


def test_a_syrian_article_still_reads_the_syrian_army():
    claims = _claims("The army recaptured the town of Khan Sheikhoun from rebels on Tuesday.")
    assert [(c.new_controller, c.previous_controller) for c in claims.control_changes] == [
        ("syrian_government", "opposition")]


def test_named_group_takes_the_framing_after_it_in_any_war():
    text = "RSF militants killed 30 civilians in El Fasher."
    with theatre.reading([text]):
        mentions = find_actors(text)
    assert [(m.label, m.actor_id) for m in mentions][0] == ("RSF militants", "rsf")


@pytest.mark.parametrize("text, claimant", [
    ("Extremists killed 12 soldiers in northern Burkina Faso, the army said.", "Burkinabe armed forces"),
    ("Rebels killed 12 soldiers near Idlib, the army said.", "Syrian army"),
    ("Militants killed 12 soldiers near Kherson, the army said.", "the army"),  # UA: either army
])
def test_the_army_as_a_source_is_the_article_s_country_s_army(text, claimant):
    assert [c.claimant for c in _claims(text).casualty_claims] == [claimant]
