"""Dates: resolve "on Tuesday", "last week", "since November 27"... against published_at
(STUB: owner E1)."""
from __future__ import annotations

from datetime import date

from .claims import UNKNOWN_DATE, DateSpan


def resolve_when(text: str, published_at: date | None) -> DateSpan:
    """When the event told in ``text`` happened; UNKNOWN_DATE (never a guess) without an anchor."""
    return UNKNOWN_DATE


def find_period(text: str, published_at: date | None) -> tuple[date | None, date | None]:
    """Period of a cumulative toll ("since November 27" -> (2024-11-27, None))."""
    return (None, None)
