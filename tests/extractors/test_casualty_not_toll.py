"""Second casualty pass (casualty8): counts of equipment are no casualty figures, and a bare
count after a total's part counts the total. Every sentence was written for the test (wars of
our choosing), none copied from an article."""
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


def test_a_bare_count_after_a_totals_part_counts_the_total() -> None:
    # the wounded are not the aside's civilians; "people" with a part of civilians is mixed
    assert _figures("Officials said 150 people, including 12 civilians, were killed and more than 300 wounded.") == [
        ("killed", 150, "all"), ("killed", 12, "civilians"), ("wounded", 300, "all")]
    assert _figures("The shelling killed 20 civilians including three children and wounded 40 others.") == [
        ("killed", 20, "civilians"), ("killed", 3, "civilians"), ("wounded", 40, "civilians")]
    assert _figures("Clashes killed 25 people, including 15 soldiers.")[0] == ("killed", 25, "all")


def test_peacekeepers_are_forces_of_the_nationality_before_them() -> None:
    assert _figures("Three Malian peacekeepers were killed when their convoy hit a mine.") == [("killed", 3, "mali")]


def test_others_after_a_semicolon_are_the_same_group() -> None:
    assert _figures("One gunman was shot dead by police, an officer said; two others died when their "
                    "explosives went off.") == [("killed", 1, "opposition"), ("killed", 2, "opposition")]


def test_people_referred_to_again_are_no_new_toll() -> None:
    assert _figures("The president sent condolences to the families of the eight soldiers.") == []
    assert _figures("The deaths of eight soldiers were confirmed on Sunday.") == [("killed", 8, "syrian_government")]


def test_own_losses_are_the_speakers_fighters() -> None:
    got = _figures("The SDF said it had killed 30 IS fighters, and that its own losses were 4 dead and 7 wounded.")
    assert got[-2:] == [("killed", 4, "sdf"), ("wounded", 7, "sdf")]
