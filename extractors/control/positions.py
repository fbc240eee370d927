"""Numbered positions as places: "regained control over point 875 near X and points 9088 901
and 856": one place per number, named "<noun> <number>" (the nouns are ``numbered_positions``
in ``control_vocabulary.yaml``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..claims import Place
from ..mentions.names import PlaceSpan
from .triggers import _alternation, _vocab


_NUMBER = r"\d{2,5}\b(?![\d.,]*\s*(?:%|km|kilomet|met|mile|people|civilians|fighters|soldiers|troops|dead|killed))"


@lru_cache(maxsize=1)
def _numbered_group() -> re.Pattern[str]:
    nouns = _alternation(_vocab()["numbered_positions"])
    return re.compile(
        rf"\b(?P<noun>{nouns})s?\s+(?:no\.?\s+|number\s+)?"
        rf"(?P<numbers>{_NUMBER}(?:(?:\s*,\s*|\s+and\s+|\s+|\s*&\s*){_NUMBER})*)",
        re.IGNORECASE)


def numbered_positions(region: str, start: int) -> list[PlaceSpan]:
    """"regained control over point 875 near X and points 9088 901 8936 ... and points 856
    and 866": one place per number, named "<noun> <number>", when the object begins with
    such a group; later groups count when "and" joins them to the list."""
    pattern = _numbered_group()
    lead = re.match(r"^\s*[\"“”']?\s*(?:the\s+)?(?:(?:strategic|key|important|nearby|dominant|commanding)\s+)?", region)
    first = pattern.match(region, lead.end())
    if first is None:
        return []
    spans: list[PlaceSpan] = []
    group: re.Match[str] | None = first
    while group is not None:
        noun = group.group("noun").lower()
        for num in re.finditer(r"\d+", group.group("numbers")):
            name = f"{noun} {num.group()}"
            s, e = start + group.start("numbers") + num.start(), start + group.start("numbers") + num.end()
            spans.append(PlaceSpan(name, s, e, Place(name=name, place_type="area")))
        nxt = pattern.search(region, group.end())
        gap = region[group.end():nxt.start()] if nxt is not None else ""
        if nxt is None or len(gap) > 60 or not re.search(r"\band\s+(?:the\s+)?$", gap):
            break
        group = nxt
    return spans


def is_numbered_position(span: PlaceSpan) -> bool:
    """A place ``numbered_positions`` made ("point 875"): named by the text, not a gazetteer."""
    noun, _, number = span.name.partition(" ")
    return number.isdigit() and span.place.place_id is None and noun in _vocab()["numbered_positions"]
