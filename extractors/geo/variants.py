"""Other names for GeoNames places in the theatre countries: renamed towns and other
languages' forms (``seeds/reference/places_world_aliases.csv``: Bakhmut is listed as
Artemivs'k), and a loose transliteration key so the press's spelling finds GeoNames' one
(Avdiivka / Avdiyivka, Kupiansk / Kupjansk, Izium / Izyum): ``y`` and a palatal ``j`` read as ``i``
and a doubled letter as one, after ``places.name_key``'s own folding. Syria keeps its curated
project gazetteer: neither applies there.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..reference import load_csv

NOT_LOOSE = frozenset({"SY"})  # countries whose names match exactly (a curated gazetteer)
_REPEATS = re.compile(r"(.)\1+")
_PALATAL_J = re.compile(r"(?<=[bcdfghklmnpqrstvwxz])j(?=[aeiou])")  # Kupjansk, not Mijlad


def loose_key(key: str) -> str:
    """A ``name_key`` with the vowels and glides transliterations disagree on folded: "y"
    as "i", a "j" between a consonant and a vowel as "i", a doubled letter as one."""
    return _REPEATS.sub(r"\1", _PALATAL_J.sub("i", key).replace("y", "i"))


@lru_cache(maxsize=1)
def world_aliases() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(GeoNames name, admin1, country) -> the other names it goes by."""
    return {
        (row["geonames_name"], row["admin1"], row["country"]): tuple(
            a.strip() for a in row["aliases"].split("|") if a.strip())
        for row in load_csv("places_world_aliases.csv")
    }


def extra_keys(name: str, admin1: str, country: str, key: str, key_of) -> tuple[str, ...]:
    """The index keys besides ``key`` (the row's own) under which a theatre place is found:
    its aliases' keys and its loose key; none in NOT_LOOSE countries."""
    if country in NOT_LOOSE:
        return ()
    keys = [key_of(alias) for alias in world_aliases().get((name, admin1, country), ())]
    keys.append(loose_key(key))
    return tuple(dict.fromkeys(k for k in keys if k and k != key))
