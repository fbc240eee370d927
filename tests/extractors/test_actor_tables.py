"""The actor tables agree with each other: every id they name is in actors.csv (the dbt seed
`actors` tests the warehouse's columns against the same file), and every theatre they name is a
theatre of actors.csv."""
from __future__ import annotations

from extractors.reference import load_csv


def _actors() -> set[str]:
    return {row["id"].strip() for row in load_csv("actors.csv")}


def _theatres() -> set[str]:
    return {row["theatre"].strip() for row in load_csv("actors.csv")} - {"any"}


def test_one_row_per_actor_and_theatre():
    keys = [(row["id"].strip(), row["theatre"].strip()) for row in load_csv("actors.csv")]
    assert len(keys) == len(set(keys))


def test_every_alias_names_a_known_actor():
    ids = _actors()
    for name, column in [("actor_aliases.csv", "actor_id"), ("actors_nationalities.csv", "actor_id"),
                         ("actors_country_names.csv", "actor_id"), ("actor_aliases_by_theatre.csv", "actor_id")]:
        unknown = {row[column].strip() for row in load_csv(name)} - ids
        assert not unknown, (name, unknown)


def test_a_theatre_alias_names_an_actor_of_that_war():
    in_war = {(row["id"].strip(), row["theatre"].strip()) for row in load_csv("actors.csv")}
    for row in load_csv("actor_aliases_by_theatre.csv"):
        assert (row["actor_id"].strip(), row["theatre"].strip()) in in_war, row


def test_every_country_s_wars_and_forces_are_known():
    ids, theatres = _actors(), _theatres()
    for row in load_csv("theatre_countries.csv"):
        assert row["home_forces"].strip() in ids, row
        assert row["al_qaeda_branch"].strip() in ids, row
        wars = [t for t in (row.get("theatre") or "").split("|") if t]
        assert wars and set(wars) <= theatres, row


def test_every_un_member_state_has_forces():
    """193 UN member states plus Kosovo, Palestine, Taiwan and Western Sahara."""
    countries = {row["country"].strip() for row in load_csv("actors_nationalities.csv")}
    named = {row["actor_id"].strip() for row in load_csv("actors_country_names.csv")}
    assert len(countries) >= 195  # Dominica and the Republic of the Congo share a demonym with a neighbour
    assert len(named) >= 195
