"""Where an article's events happen, and what its unnamed armies are there.

Words such as "the army", "government forces" or "al-Qaeda" name no country's forces of their
own: in a report from Syria they are the Syrian army and HTS, from Sudan the Sudanese Armed
Forces, from Mali the Malian army and JNIM. ``actors_country_roles.csv`` lists those aliases
with their role; ``theatre_countries.csv`` gives each role's actor per country. The article's
country is the country of most of its place mentions (the project gazetteer is Syria's; a
worldwide GeoNames place or admin1 area carries its country code; a country name counts for
that country); an article with neither reads them as the row "none" says (unknown forces). On
a tie, or in a country the table does not list, every alias keeps the actor
``actor_aliases.csv`` gives it (Syria, the first theatre).

The pipeline opens ``reading(sentences)`` around one article; ``localised`` maps a mention
inside it. The country is read only when an article first meets a role alias.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterator, Sequence

from .reference import load_csv
from .sides import label_of

NO_COUNTRY = "none"  # the row of theatre_countries.csv for an article that names no place or country
_SETTLED = 3  # place mentions of one country, and of no other, that decide without reading on
_WORLD_ID = re.compile(r"^(?:gn|adm1)_([a-z]{2})_")


@dataclass
class _Article:
    sentences: Sequence[str]
    country: str | None = None
    leaders: tuple[str, ...] = ()  # the countries tied for most mentions (their shared war still decides)
    read: bool = False
    busy: bool = False
    # what a reader computed from a text and this article's state (``memo``): kept while the
    # article is read, dropped with it
    memos: dict = field(default_factory=dict)


_CURRENT: ContextVar[_Article | None] = ContextVar("sitrep_article_theatre", default=None)


@contextmanager
def reading(sentences: Sequence[str]) -> Iterator[None]:
    """Within this block, role aliases resolve for the article made of ``sentences``."""
    token = _CURRENT.set(_Article(sentences))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def memo(name: str) -> tuple[dict | None, tuple]:
    """A reader's memo for the article being read and the state it reads (its country, its
    leaders, whether the country is read or being read): (memo, state), or (None, ()) with
    no article open. A text read again in the same state gives the same answer; the state is
    part of the key because reading the country changes it (and may happen on any call)."""
    article = _CURRENT.get()
    if article is None:
        return None, ()
    found = article.memos.get(name)
    if found is None:
        found = article.memos[name] = {}
    return found, (article.read, article.busy, article.country, article.leaders)


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    return {row["alias"].strip().lower(): row["role"].strip() for row in load_csv("actors_country_roles.csv")}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for row in load_csv("theatre_countries.csv"):
        code = row["code"].strip()
        table[code if code == NO_COUNTRY else code.upper()] = {k: (v or "").strip() for k, v in row.items()}
    return table


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Country names, lower-case -> code."""
    return {name.strip().lower(): code for code, row in _countries().items()
            for name in row["names"].split("|") if name.strip()}


@lru_cache(maxsize=1)
def _project_place_ids() -> frozenset[str]:
    """The project gazetteer (``gazetteer.csv``) is Syria's."""
    return frozenset(row["place_id"] for row in load_csv("gazetteer.csv"))


def place_country(place) -> str | None:
    """ISO code of a resolved place (``claims.Place``), or None."""
    if place.precision == "country":
        return _country_names().get(place.name.strip().lower())
    if not place.place_id:
        return None
    if place.place_id in _project_place_ids():
        return "SY"
    found = _WORLD_ID.match(place.place_id)
    return found.group(1).upper() if found else None


def article_country(sentences: Sequence[str]) -> str | None:
    """The country most of the sentences' place mentions lie in (reading stops once the first
    sentences name ``_SETTLED`` places of one country and none of another); where no place resolves,
    the country the text names most; "none" with neither; None on a tie."""
    return _decide(_country_counts(sentences))


def _country_counts(sentences: Sequence[str]) -> dict[str, int]:
    from .places import find_places  # late import: places reads actors, which read this module
    counts: dict[str, int] = {}
    placed: list[tuple[str, str]] = []
    for text in sentences:
        for mention in find_places(text):
            code = place_country(mention.place)
            if code:
                counts[code] = counts.get(code, 0) + 1
                placed.append((mention.name, code))
        if len(counts) == 1 and len({name for name, _ in placed}) >= _SETTLED:
            return counts  # one country only, several of its places: the rest of the article can wait
    from .geo.country import named_country_counts  # the countries it names decide shared names (control8)
    counts = named_country_counts(sentences, placed, counts)
    if not counts:
        for text in sentences:
            for found in _country_words().finditer(text):
                code = _country_names()[found.group().lower()]
                counts[code] = counts.get(code, 0) + 1
    return counts


def _decide(counts: dict[str, int]) -> str | None:
    ranked = sorted(counts.values(), reverse=True)
    if not ranked:
        return NO_COUNTRY
    if len(ranked) > 1 and ranked[1] == ranked[0]:
        return None
    return max(counts, key=counts.__getitem__)


def _leaders(counts: dict[str, int]) -> tuple[str, ...]:
    """The countries named most (several on a tie)."""
    top = max(counts.values(), default=0)
    return tuple(code for code, n in counts.items() if n == top)


@lru_cache(maxsize=1)
def _country_words() -> re.Pattern[str]:
    words = sorted(_country_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


def current_country() -> str | None:
    """The country of the article being read (``article_country``, read once per article): an
    ISO code, "none" when it names neither place nor country, or None (no article open, a tie,
    or the article still being read for its country)."""
    article = _CURRENT.get()
    if article is None or article.busy:
        return None
    if not article.read:
        article.busy = True  # finding places finds actors: those keep their table ids meanwhile
        try:
            counts = _country_counts(article.sentences)
            article.country, article.leaders = _decide(counts), _leaders(counts)
        finally:
            article.busy = False
        article.read = True
    return article.country


@lru_cache(maxsize=16384)  # asked for every actor mention found
def _role(alias: str) -> str | None:
    return _roles().get(alias.strip().lower().replace("’", "'"))


def role_actor(alias: str) -> str | None:
    """The actor a role alias stands for in the current article's country; None when the
    alias has no role, no article is being read, or its country is not in the table."""
    role = _role(alias)
    if role is None:
        return None
    country = current_country()
    row = _countries().get(country) if country else None
    return (row or {}).get(role) or None


@lru_cache(maxsize=1)
def _theatre_aliases() -> dict[str, dict[str, str]]:
    """Lower-case alias -> {theatre: actor} (``actor_aliases_by_theatre.csv``)."""
    table: dict[str, dict[str, str]] = {}
    for row in load_csv("actor_aliases_by_theatre.csv"):
        table.setdefault(row["alias"].strip().lower(), {})[row["theatre"].strip()] = row["actor_id"].strip()
    return table


def country_theatres(code: str | None) -> tuple[str, ...]:
    """The wars fought in a country (``theatre_countries.csv``, first listed first)."""
    row = _countries().get(code) if code else None
    return tuple(t.strip() for t in ((row or {}).get("theatre") or "").split("|") if t.strip())


@lru_cache(maxsize=16384)  # asked for every actor mention found
def _theatre_entries(alias: str) -> dict[str, str] | None:
    return _theatre_aliases().get(alias.strip().lower().replace("’", "'"))


def theatre_actor(alias: str) -> str | None:
    """The actor an alias of ``actor_aliases_by_theatre.csv`` names in the current article's
    war ("SNA" in Somalia: somalia); None when it has no entry for that war."""
    entries = _theatre_entries(alias)
    if not entries:
        return None
    return next((entries[t] for t in _current_theatres() if t in entries), None)


def _current_theatres() -> tuple[str, ...]:
    """The current article's wars: its country's, or on a tie the wars all tied countries share
    ("DR Congo" and "Rwanda" named as often: the war in the DR Congo)."""
    country = current_country()
    if country is not None:
        return country_theatres(country)
    article = _CURRENT.get()
    if article is None or not article.leaders:
        return ()
    first, *others = (country_theatres(code) for code in article.leaders)
    return tuple(t for t in first if all(t in wars for wars in others))


def localised(mention):
    """``mention`` (an ``actors.ActorMention``) with the actor its alias stands for in the
    current article's war (``actor_aliases_by_theatre.csv``) or country (a role alias). An alias
    known only in other wars keeps actor id "" (the caller drops it)."""
    actor = theatre_actor(mention.label) or role_actor(mention.label)
    return mention if actor is None or actor == mention.actor_id else replace(mention, actor_id=actor)


def local_claimant(alias: str) -> str | None:
    """A claimant's name for a role alias ("the army said") where the current article's
    country reads it otherwise than the default theatre does: that actor's label in
    ``actors.csv`` ("Sudanese Armed Forces"), or the words as written when the country's
    forces have no id; None where the alias table's own claimant holds."""
    actor = role_actor(alias)
    default = _countries().get(NO_COUNTRY, {}).get(_role(alias) or "")
    if actor is None or actor == default:
        return None
    return alias.strip() if actor == "unknown" else label_of(actor) or alias.strip()

