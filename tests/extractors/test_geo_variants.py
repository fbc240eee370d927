"""Places of other wars under the names the press uses: renamed towns (a data file) and
transliteration variants (a loose key), for theatre countries other than Syria. Sentences of
our own wording."""
import datetime

import pytest

from extractors.geo.variants import loose_key, world_aliases
from extractors.geo.world import lookup_world
from extractors.pipeline import extract_article


@pytest.mark.parametrize("press, geonames", [
    ("Bakhmut", "Artemivs'k"),      # renamed in 2016: data
    ("Pokrovsk", "Krasnoarmiys'k"),  # not the Pokrovsk in Sakha, Russia
    ("Avdiivka", "Avdiyivka"),      # transliteration: loose key
    ("Kupiansk", "Kupjansk"),
    ("Izium", "Izyum"),
    ("Wad Madani", "Wad Medani"),
])
def test_press_names_find_the_geonames_place(press: str, geonames: str) -> None:
    place = lookup_world(press, free_text=True)
    assert place is not None and place.name == geonames


def test_loose_key_folds_glides_but_not_every_j() -> None:
    assert loose_key("kupjansk") == loose_key("kupiansk")
    assert loose_key("avdiyivka") == loose_key("avdiivka")
    assert loose_key("mijlad") != loose_key("milad")  # "Milad" is no Sudanese Al Mijlad


def test_syrian_names_match_only_exactly() -> None:
    assert lookup_world("Milad", free_text=True) is None


def test_every_alias_row_names_a_real_geonames_place() -> None:
    for (name, admin1, country), aliases in world_aliases().items():
        place = lookup_world(aliases[0])
        assert place is not None, aliases[0]
        assert (place.name, place.admin1, place.country) == (name, admin1, country)


@pytest.mark.parametrize("text, places", [
    ("Russian troops took Toretsk and Kurakhove on Monday.", ["Toretsk", "Kurakhove"]),
    ("Ukrainian forces liberated Kupiansk and Izium.", ["Kupiansk", "Izium"]),
])
def test_renamed_places_in_a_list_are_each_a_control_change(text: str, places: list) -> None:
    claims = extract_article(text, "t", datetime.date(2024, 10, 1))
    rows = [(c.place.name, c.place.precision) for c in claims.control_changes]
    assert rows == [(p, "place") for p in places]
