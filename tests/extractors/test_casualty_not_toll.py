"""Counts of equipment in casualty sentences are no casualty figures (second casualty pass,
casualty8). Every sentence was written for the test (wars of our choosing), none copied
from an article."""
from __future__ import annotations

from extractors.casualties import read_figures


def _figures(sentence: str) -> list[tuple[str, int | None, str]]:
    return [(f.outcome, f.mention.count.best or f.mention.count.low, f.victim.actor) for f in read_figures(sentence)]


def test_equipment_inside_a_toll_is_no_part_of_it() -> None:
    # a part after "among them" whose noun is an equipment item (a model the catalogue knows)
    assert _figures("The ministry said its units killed up to 90 Russian soldiers and destroyed six tanks, "
                    "among them two T-90s.") == [("killed", 90, "russia")]


def test_captured_equipment_is_no_captive() -> None:
    assert _figures("Troops said they had seized four RSF pick-up trucks near the bridge.") == []
    assert _figures("A video showed fighters posing on three captured armoured vehicles.") == []


def test_people_named_by_their_equipment_stay_victims() -> None:
    # a crew noun after the item, and items that name people too ("suicide bombers")
    assert _figures("Two helicopter pilots were killed when the aircraft crashed.") == [("killed", 2, "unknown")]
    assert [f[:2] for f in _figures("Kurdish forces shot dead four ISIS suicide bombers near the base.")] == [("killed", 4)]


def test_people_before_an_equipment_word_are_still_counted() -> None:
    # the gap between count and item is a name or a modifier, never a people noun
    assert _figures("Air strikes killed 12 civilians while artillery hit the market.") == [("killed", 12, "civilians")]
    assert [f[:2] for f in _figures("At least 40 killed, 30 injured in car bomb attack.")] == [("killed", 40), ("wounded", 30)]


def test_a_part_identified_as_civilians_names_its_victims() -> None:
    assert _figures("The monitor said seven of those killed had been identified by its network as civilians.") == [
        ("killed", 7, "civilians")]
