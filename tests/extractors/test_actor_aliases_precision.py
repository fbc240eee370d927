"""Actor names added in the precision round (seeds/reference/actor_aliases.csv,
actors_force_nouns.csv); sentences written for the test."""
from __future__ import annotations

from extractors import extract_article
from extractors.actors import find_actors


def test_proxy_and_led_forces_are_named() -> None:
    assert [a.actor_id for a in find_actors("Turkish-backed forces and Kurdish-led fighters clashed")] == ["sna", "sdf"]
    assert [a.actor_id for a in find_actors("al-Qaida and Jund al-Aqsa")] == ["hts", "opposition"]


def test_a_change_by_led_fighters_is_read() -> None:
    claims = extract_article("Kurdish-led fighters drove the jihadists out of Tabqa on Friday.", "a", None).control_changes
    assert [(c.place.name, c.new_controller) for c in claims] == [("Tabqa", "sdf")]
