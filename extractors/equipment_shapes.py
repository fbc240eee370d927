"""Equipment recognised by its shape, beyond the catalogue's list (issue 7, item 7):

1. a designation, letters-hyphen-digits ("Su-34", "Tu-22M3", "AH-64", "T-62M", "S-200"),
   is an item of the category its letters name (``designation_prefixes``);
2. a name or designation written before a generic head ("Chieftain tanks", "Pucara
   ground-attack planes", "M24 Chaffee tanks") is one item: the name is its model, the
   head gives the category;
3. a ship's name, after a navy prefix ("HMS Sheffield", "ARA General Belgrano") or a ship
   class noun ("the frigate Admiral Makarov", "the landing ship Caesar Kunikov"), is one
   item of category other, the name its model; catalogue matches inside the name ("Caesar"
   the howitzer) are dropped.

The words are data: ``seeds/reference/equipment_shapes.yaml``. ``reshape`` takes the
catalogue's mentions of a sentence and returns them with these applied; a sentence without
a capital letter followed by a digit or a hyphen, a ship prefix or a ship noun costs one
regex search.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import actors
from .patterns import alternation
from .reference import load_yaml


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return load_yaml("equipment_shapes.yaml")


def _alternation(words: list[str]) -> str:
    """``patterns.alternation`` (escaped, longest first, in a fixed order) with any run of
    spaces between words and a hyphen written as a hyphen or a space ("ground-attack")."""
    return alternation(words, flexible_space=r"\s+").replace(r"\-", r"[-\s]")


@lru_cache(maxsize=1)
def _designation() -> tuple[re.Pattern[str], dict[str, str]]:
    table = _table()
    category_of = {prefix: category for category, prefixes in table["designation_prefixes"].items()
                   for prefix in prefixes}
    prefixes = _alternation(list(category_of))
    pattern = re.compile(
        rf"(?<![\w-])(?P<model>(?P<prefix>{prefixes})-\d{{1,3}}(?:[A-Z]{{1,3}}\d{{0,2}}|\d?[a-z]\b)?"
        rf"(?:\s+(?-i:[A-Z][a-z]{{3,}}))?)(?P<plural>s|'s)?(?![\w-])"
        rf"(?!\s+(?:{_alternation(table['designation_not_before'])})\b)")
    return pattern, category_of


@lru_cache(maxsize=1)
def _ship() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = _table()
    name = r"(?-i:[A-Z][\w'’.-]*(?:(?:\s+(?:of|de|del|la))?\s+(?:[A-Z][\w'’.-]*|\d+)){0,2})"
    prefixed = re.compile(rf"(?:(?:{_alternation(table['ship_nouns'])})\s+)?(?-i:(?P<prefix>{_alternation(table['ship_prefixes'])}))"
                          rf"\s+(?P<name>{name})", re.IGNORECASE)
    named = re.compile(rf"(?<![\w-])(?:{_alternation(table['ship_nouns'])})\s+(?P<name>{name})", re.IGNORECASE)
    # whether a prefixed ship name may stand in a text (only truth is read); with the prefix
    # ("HMS") first the engine skips every character that starts none ("X(?<![\w-]X)" is
    # "(?<![\w-])X", the lookbehind read after the prefix, whole: fixed width, so letters only)
    prefixes = list(table["ship_prefixes"])
    gate = (re.compile("(?:" + "|".join(rf"{re.escape(p)}(?<![\w-]{re.escape(p)})" for p in prefixes) + r")(?=\s+[A-Z])")
            if prefixes and all(p.isalnum() for p in prefixes)
            else re.compile(rf"(?<![\w-])(?:{_alternation(table['ship_prefixes'])})\s+[A-Z]"))
    return prefixed, named, gate


@lru_cache(maxsize=1)
def _named_head() -> re.Pattern[str]:
    """A name right before a head: capitalised words or designations, then up to two
    descriptors ("ground-attack"), at the end of the text before the head."""
    table = _table()
    token = r"(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[A-Z]{1,4}-?\d{1,4}[A-Za-z]{0,3}|\d{1,4}[A-Z]{0,2}|[A-Z]{2,5})"
    return re.compile(rf"(?<![\w'’-])(?P<name>(?-i:{token}(?:\s+{token}){{0,2}}))\s+"
                      rf"(?:(?:{_alternation(table['named_head_descriptors'])})\s+){{0,2}}$")


@lru_cache(maxsize=1)
def _not_a_name() -> frozenset[str]:
    return frozenset(_table()["not_a_name"]) | frozenset(actors.country_forces())


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(w.lower() for w in _table()["named_heads"])


_DESIGNATION_GATE = re.compile(r"[A-Z][A-Za-z]{0,3}-\d")


def _is_name(words: str, first: bool) -> bool:
    """Every word a possible model name: not an owner (an actor, a country, a nationality
    word), a determiner, a month; a plain capitalised word not the first of the sentence."""
    tokens = words.split()
    demonyms = actors.demonym_actors()
    for token in tokens:
        if token in _not_a_name() or token.lower() in demonyms or token.endswith(("-made", "-built", "-supplied", "-era")):
            return False
    if not any(ch.isdigit() for ch in words) and first:
        return False  # "Several tanks", "Rebel tanks": the sentence's first word
    return not actors.find_actors(words)


def reshape(text: str, mentions: list[Any], make: Any) -> list[Any]:
    """The catalogue's mentions with the three shapes applied; ``make(text, start, end,
    model, category)`` builds a mention."""
    out = _ships(text, mentions, make)
    out = _named(text, out, make)
    return _designations(text, out, make) if _DESIGNATION_GATE.search(text) else out


def _ships(text: str, mentions: list[Any], make: Any) -> list[Any]:
    prefixed, named, gate = _ship()
    spans: list[tuple[int, int, str]] = []
    if gate.search(text):
        spans = [(m.start(), m.end("name") - m.group("name").endswith("."), f"{m.group('prefix')} {m.group('name').rstrip('.')}")
                 for m in prefixed.finditer(text)]
    for mention in mentions:  # a ship noun of the catalogue, then a name: "the frigate Admiral Makarov"
        if any(s <= mention.start < e for s, e, _ in spans):
            continue
        m = named.match(text, mention.start)
        if m and _is_name(m.group("name").rstrip("."), False):
            end = m.end() - (m.group("name").endswith("."))
            spans.append((m.start(), end, m.group("name").rstrip(".")))
    if not spans:
        return mentions
    out = [mention for mention in mentions if not any(s <= mention.start < e for s, e, _ in spans)
           and not any(s > mention.end and not text[mention.end:s].strip() for s, _, _ in spans)]  # "the frigates HMS A and HMS B"
    for start, end, name in spans:
        known = [mention.model for mention in mentions
                 if start <= mention.start < end and mention.model and mention.model.casefold() == name.casefold()]
        out.append(make(text[start:end], start, end, known[0] if known else name, "other"))  # "the cruiser Moskva"
    return sorted(out, key=lambda mention: mention.start)


def _named(text: str, mentions: list[Any], make: Any) -> list[Any]:
    out = []
    for mention in mentions:
        if mention.model is None and mention.text.lower() in _heads():
            m = _named_head().search(text, max(0, mention.start - 60), mention.start)
            name = _name_of(m.group("name"), not text[:m.start()].strip()) if m and m.end() == mention.start else None
            if name:
                start = m.start("name") + m.group("name").index(name)
                mention = make(text[start:mention.end], start, mention.end, name, mention.category)
        out.append(mention)
    return out


def _name_of(words: str, first: bool) -> str | None:
    """The model name in the words before a head, without the owner words before it ("US
    M24 Chaffee" -> "M24 Chaffee"); a name begins with a letter ("45 aircraft" is a count)."""
    tokens = words.split()
    while tokens:
        if tokens[0][0].isalpha() and _is_name(" ".join(tokens), first):
            return " ".join(tokens)
        tokens, first = tokens[1:], False
    return None


def _designations(text: str, mentions: list[Any], make: Any) -> list[Any]:
    pattern, category_of = _designation()
    extra = []
    for m in pattern.finditer(text):
        if any(mention.start <= m.start() < mention.end or m.start() <= mention.start < m.end() for mention in mentions):
            continue  # the catalogue's, or inside a name
        model = m.group("model")
        nickname = re.search(r"\s+([A-Z][a-z]+)$", model)
        if nickname and (nickname.group(1) in _not_a_name() or nickname.group(1).lower() in actors.demonym_actors()):
            model = model[:nickname.start()]  # "an F-16 Ukrainian officials said": not a nickname
        end = m.start() + len(model) + (len(m.group("plural") or "") if model == m.group("model") else 0)
        extra.append(make(text[m.start():end], m.start(), end, model, category_of[m.group("prefix")]))
    return sorted([*mentions, *extra], key=lambda mention: mention.start) if extra else mentions


def is_ship_name(mention: Any) -> bool:
    """A ship named by the third shape ("HMS Coventry", "the frigate Admiral Makarov"): one item."""
    if mention.category != "other" or not mention.model or not mention.model[:1].isupper():
        return False
    prefixed, named, _ = _ship()
    return bool(prefixed.fullmatch(mention.text) or named.fullmatch(mention.text))


@lru_cache(maxsize=1)
def ship_nouns() -> frozenset[str]:
    """The ship class nouns ("cruiser", "frigate"), lower case."""
    return frozenset(w.lower() for w in _table()["ship_nouns"])
