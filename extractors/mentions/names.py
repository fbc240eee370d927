"""Proper names read as places: the capitalised runs of a sentence ("Tell Rifaat",
"al-Bab", "eastern Ghouta", "Deir ez-Zor city"), cleaned of words that never start a
place ("The", "Syrian", weekdays), resolved against the gazetteers, or kept as written
(precision ``unresolved``, type read from the words) when no gazetteer knows them. Actor
names ("Hayat Tahrir al-Sham") and countries are no place names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..actors import find_actors
from ..claims import Place
from ..geo import is_metonym
from ..patterns import alternation
from ..places import resolve_place
from ..reference import load_yaml
from ..records import fast_init


@fast_init
@dataclass(frozen=True)
class PlaceSpan:
    """A place read from a sentence (offsets into the sentence text)."""

    name: str
    start: int
    end: int
    place: Place


def _alternation(phrases: list[str]) -> str:
    return alternation(phrases, flexible_space=r"[\"”“']?\s+")


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    """The name words of the control vocabulary (name tails, words that start no place)."""
    return load_yaml("control_vocabulary.yaml")


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    art = r"(?:al|el|an|ar|as|ash|at|az|ad|ez|ed|ath)"
    spaced = r"(?:al|el)"  # "al Bab"; "at Kasab", "as Syria" are English
    part = r"(?:[A-Z][\w'’ʼ`]*|\d+[A-Za-z]*)"
    tails = _alternation(_vocab()["name_tails"])
    # lower-case particles inside a hyphenated name: "Sar-e Pul", "Mazar-i-Sharif",
    # "Saut-d'Eau", "Port-au-Prince" (control8)
    joint = r"-(?:e|i|o|u|y|au|de|du|la|le|ul|d['’]|l['’])-?"
    return re.compile(
        rf"(?<![\w'’-])(?:{art}-|{spaced}\s)?[A-Z][\w'’ʼ`]*"
        rf"(?:(?:-|\s|\s{art}-|\s{spaced}\s|-{art}-|{joint}\s?){part})*"
        rf"(?:\s(?:{tails})(?![\w-]))?"
    )


@lru_cache(maxsize=1)
def _not_place_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _vocab()["not_place_words"]) | {"city", "town", "village", "country"}


def clean_name(name: str) -> str | None:
    """Drop leading words that never start a place ("The", "Syrian"); None if nothing is left."""
    tokens = name.split()
    while tokens and tokens[0].lower().strip("'’") in _not_place_words():
        tokens = tokens[1:]
    for i, token in enumerate(tokens):  # "Sarrin Monday": the name stops at such a word
        if i and token.lower().strip("'’") in _not_place_words():
            tokens = tokens[:i]
            break
    if not tokens:
        return None
    cleaned = " ".join(tokens)
    if len(tokens) == 1 and re.fullmatch(r"[A-Z][a-z]+(?:ian|ish|ese)", cleaned):
        return None  # a demonym ("Russian equipment")
    if re.fullmatch(r"[\d\s]+", cleaned):
        return None
    return cleaned


def is_actor_name(name: str) -> bool:
    """True when the whole name is an armed actor's name ("HTS", "Hayat Tahrir al-Sham"),
    also as a possessive with its apostrophe lost ("Nusra Fronts strongholds")."""
    for form in (name, re.sub(r"['’]?s$", "", name)):
        mentions = find_actors(form)
        if mentions and mentions[0].start == 0 and mentions[-1].end >= len(form.rstrip()) - 1:
            return True
    return False


_DIRECTION_BEFORE = re.compile(
    r"(?<![\w-])(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+$")


def names_in(text: str, offset: int) -> list[PlaceSpan]:
    """Candidate place names in ``text`` (offsets shifted by ``offset``)."""
    spans: list[PlaceSpan] = []
    for m in _name_pattern().finditer(text):
        raw = m.group()
        cleaned = clean_name(raw)
        if cleaned is None:
            continue
        start = m.start() + raw.index(cleaned)
        direction = _DIRECTION_BEFORE.search(text[:start])
        if direction:  # "eastern Ghouta", "northern Hama"
            cleaned, start = text[direction.start():start + len(cleaned)], direction.start()
        place = resolve_place(cleaned)
        if place.precision == "unresolved" and is_actor_name(cleaned):
            continue
        if place.precision == "country" or is_metonym(cleaned, text[start + len(cleaned):start + len(cleaned) + 30]):
            continue  # a country is no place of control; "Damascus said" is the government
        spans.append(PlaceSpan(cleaned, offset + start, offset + start + len(cleaned), place))
    return spans


