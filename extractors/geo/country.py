"""Places of the article's own country, for countries outside the free-text list.

``places_types.yaml`` ``free_text_countries`` names the countries whose GeoNames places are
looked for in any text (Syria, Ukraine, Sudan, ...). Those of every other country are read
only in an article about that country: once ``theatre.current_country`` says a report is
from Libya, Somalia or DR Congo, the cities1000 places of that country are looked for in its
sentences as well, and a name several countries share ("Tripoli", "Goma", "Palma") is the
article's country's place. Before the article's country is known, the countries the article
names (a country name or a nationality word, ``actors_nationalities.csv``, and the city of
its dateline, "MOGADISHU, Aug 25 -") decide between the countries a shared name belongs to,
and their places count towards the article's country (``named_country_counts``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..reference import load_csv
from ..theatre import current_country
from .variants import extra_keys, loose_key
from .world import WorldPlace, _key, _table, free_text_countries, is_english_word, lookup_world

_FIELD, _RECORD = "\x1f", "\x1e"


@lru_cache(maxsize=None)  # a reference table (one per country met), not a text cache
def _country_index(cc: str) -> tuple[dict[str, tuple[int, ...]], dict[str, int]]:
    """(folded name -> row numbers, first token -> most tokens) of the places of ``cc``;
    built when an article of that country is first read (one scan of the packed rows)."""
    rows = _table()[1]
    packed, starts = rows._packed, rows._starts  # noqa: SLF001 - the packed table of world.py
    marker = f"{_FIELD}{cc}{_FIELD}"
    index: dict[str, list[int]] = {}
    firsts: dict[str, int] = {}
    row_of = {start: i for i, start in enumerate(starts)}
    at = packed.find(marker)
    while at >= 0:
        begin = packed.rfind(_RECORD, 0, at) + 1
        i = row_of[begin]
        name, admin1 = rows[i][0], rows[i][1]
        key = _key(name)
        for k in (key, *extra_keys(name, admin1, cc, key, _key)):
            if k:
                index.setdefault(k, []).append(i)
                first = k.split()[0]
                firsts[first] = max(firsts.get(first, 0), len(k.split()))
        at = packed.find(marker, at + len(marker))
    return {k: tuple(v) for k, v in index.items()}, firsts


def country_head_tokens(cc: str | None, head_key: str) -> int:
    """Most tokens of a place name of ``cc`` whose first folded token is ``head_key`` (0: none)."""
    if not cc:
        return 0
    return _country_index(cc)[1].get(head_key, 0)


@lru_cache(maxsize=8192)
def lookup_in_country(name: str, cc: str | None, free_text: bool = False) -> WorldPlace | None:
    """The cities1000 place of that name in country ``cc`` (None if it has none); in free
    text a name made only of English words ("Hotel", "Police") is none."""
    if not cc or len(name) < 3 or name.isupper():
        return None
    index = _country_index(cc)[0]
    key = _key(name)
    numbers = index.get(key) or index.get(loose_key(key))
    if not numbers:
        return None
    if free_text and all(is_english_word(w) for w in name.replace("-", " ").split()):
        return None
    _, admin1, country, lat, lon = _table()[1][numbers[0]]
    return WorldPlace(_table()[1][numbers[0]][0], admin1, country, float(lat), float(lon), "settlement")


def world_place_for(name: str, country: str | None) -> WorldPlace | None:
    """The worldwide place a name gives in an article of ``country``: that country's place
    first; a place of another country outside the free-text list is a namesake ("Palma" of
    Majorca in a report from Mozambique), so none."""
    found = lookup_in_country(name, country)
    if found is not None:
        return found
    found = lookup_world(name)
    if found is not None and country and found.country != country and found.country not in free_text_countries():
        return None
    return found


def local_country() -> str | None:
    """The article's country when its places are not searched in every text anyway (a
    country outside ``free_text_countries``), else None."""
    code = current_country()  # asked for at every find_places: imported once, above
    if not code or len(code) != 2 or code in free_text_countries():
        return None
    return code


# ---------------------------------------------------------------- the article's country

@lru_cache(maxsize=1)
def _country_words() -> dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]]:
    """First word (lower case) -> (the words, ISO code, is a country name) of every country
    name (``theatre_countries.csv``) and nationality word (``actors_nationalities.csv``)
    starting with it, longest first."""
    words: dict[str, tuple[str, bool]] = {}
    for row in load_csv("theatre_countries.csv"):
        code = row["code"].strip().upper()
        if len(code) == 2:
            for name in row["names"].split("|"):
                if name.strip():
                    words[name.strip().lower()] = (code, True)
    for row in load_csv("actors_nationalities.csv"):
        words.setdefault(row["demonym"].strip().lower(), (row["country"].strip().upper(), False))
    by_first: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for phrase, (code, is_name) in words.items():
        parts = tuple(phrase.split())
        by_first.setdefault(parts[0], []).append((parts, code, is_name))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in by_first.items()}


def is_country_name(name: str) -> bool:
    """True for a country's name as the article tables write it ("Congo", "DR Congo", "Libya")."""
    parts = tuple(name.lower().split())
    return bool(parts) and any(p == parts and is_name for p, _, is_name in _country_words().get(parts[0], ()))


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w.'’-]*")


def _words_in(text: str, named: dict[str, list[int]], places: dict[str, int]) -> None:
    """Add the country names and nationality words of ``text`` to ``named`` (ISO code ->
    [by name, by nationality word]) and, to ``places``, the countries of each capitalised
    word or pair of words that names a cities1000 place (no English word: "Police")."""
    table = _country_words()
    runs = list(_CAPITALISED.finditer(text))
    for k, m in enumerate(runs):
        word = m.group().lower().rstrip(".")
        word = word[:-2] if word.endswith(("'s", "’s")) else word
        entries = table.get(word)
        if entries:
            rest = text[m.end():m.end() + 40].lower().split()
            for parts, code, is_name in entries:
                if tuple(w.strip(",.;:") for w in rest[:len(parts) - 1]) == parts[1:]:
                    named.setdefault(code, [0, 0])[0 if is_name else 1] += 1
                    break
            continue
        candidates = [word]
        if k + 1 < len(runs) and runs[k + 1].start() == m.end() + 1:
            candidates.insert(0, f"{word} {runs[k + 1].group().lower()}")  # "Lashkar Gah"
        for candidate in candidates:
            codes = _place_countries(candidate)
            if codes is not None:
                for code in codes:
                    places[code] = places.get(code, 0) + 1
                break


@lru_cache(maxsize=16384)  # the same capitalised words recur in every article
def _place_countries(word: str) -> tuple[str, ...] | None:
    """The countries of the cities1000 places named ``word`` (lower case), or None when
    it is an English word ("Police") or names none."""
    from .world import _rows_of, _simple
    if is_english_word(word):
        return None
    found = _rows_of(_simple(word))
    if not found:
        return None
    rows = _table()[1]
    return tuple({rows[i][2] for i in found})


def _all_named(name: str) -> tuple[WorldPlace, ...]:
    from .world import _place, _rows_of, _simple
    rows = set(_rows_of(_key(name))) | set(_rows_of(_simple(name)))
    return tuple(_place(i) for i in rows)


def named_country_counts(sentences: Sequence[str], placed: Sequence[tuple[str, str]],
                         counts: dict[str, int]) -> dict[str, int]:
    """Place counts by country read with the countries the article names: a place name a
    named country shares counts for that country ("Tripoli" in a report that names Libya and
    not Lebanon), the places of a country named by name outside the free-text list count too,
    and between as many places the named country wins; with no place at all, the country it names most by name, else by its places and
    nationality words ("MOGADISHU - Somali forces ...").
    ``placed``: (name, country) of each place mention counted; ``counts``: those counts."""
    tally: dict[str, list[int]] = {}
    places: dict[str, int] = {}
    for text in sentences:
        _words_in(text, tally, places)
    named = {code: n + p for code, (n, p) in tally.items()}
    if not named:  # only places of other countries: the one most of them lie in, if twice or more
        return counts or {code: n for code, n in places.items() if n >= 2}
    out: dict[str, int] = {}
    for name, code in placed:
        if code not in named:
            shared = {p.country for p in _all_named(name)}
            code = next((c for c in sorted(named, key=named.__getitem__, reverse=True) if c in shared), code)
        out[code] = out.get(code, 0) + 1
    unnamed = out and not any(code in named for code in out)  # only places of countries never named
    dated = _dateline_country(sentences) if unnamed else None
    if dated is not None and dated not in out:  # "MARAWI, Philippines, Oct 17 -": the dateline's country
        return {dated: 1000 * (max(out.values()) + 1)}  # wins over a namesake of an unnamed country (control8b)
    most = max(out.values(), default=0)
    for code, (n, _) in tally.items():  # then those of a country named by name that no text search finds
        if unnamed and n and code not in free_text_countries() and places.get(code, 0) > most:
            out[code] = out.get(code, 0) + places[code]  # ("MAIDUGURI, Nigeria": not Niger's namesake "Kolo")
    if out:  # most places; between as many, the country the article names
        return {code: 1000 * n + named.get(code, 0) for code, n in out.items()}
    # no place of a free-text country: the country it names most by name, then the one with
    # most places and nationality words ("NAIROBI - Tigrayan forces ... Ethiopian soldiers
    # ... Mekelle, Shire and Axum": Ethiopia; "Israeli troops" in a report from Lebanon)
    return {code: 1000 * n + p + places.get(code, 0) for code, (n, p) in tally.items()}


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,40},\s+(?P<country>[A-Z][\w.'’ -]{1,40}?),\s+"
                       r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b")


def _dateline_country(sentences: Sequence[str]) -> str | None:
    """The country a dateline names by name ("MARAWI, Philippines, Oct 17 -"), in the first
    three sentences (the title comes first); None without one."""
    for text in sentences[:3]:
        m = _DATELINE.match(text)
        if m:
            parts = tuple(m.group("country").lower().split())
            return next((code for words, code, is_name in _country_words().get(parts[0], ())
                         if is_name and words == parts), None)
    return None
