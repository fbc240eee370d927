"""Places: find place names in text and resolve them against the gazetteer (STUB: owner E2)."""
from __future__ import annotations

from dataclasses import dataclass

from .claims import Place


@dataclass(frozen=True)
class PlaceMention:
    name: str  # as written
    start: int  # offsets into the searched text
    end: int
    place: Place  # resolved (precision place/admin1/country) or unresolved


def resolve_place(name: str) -> Place:
    """Gazetteer entry for a name as written; unresolved Place(name) when unknown."""
    return Place(name=name)


def find_places(text: str) -> list[PlaceMention]:
    """Known place names (and "X province" phrases) in ``text``, left to right."""
    return []
