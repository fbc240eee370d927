"""Counts of people or things in text: digits, words, scales, vague amounts (STUB: owner E1)."""
from __future__ import annotations

from dataclasses import dataclass

from .claims import Count


@dataclass(frozen=True)
class CountMention:
    text: str  # as written ("more than 1,600", "dozens")
    start: int  # offsets into the searched text
    end: int
    count: Count


def find_counts(text: str) -> list[CountMention]:
    """Number phrases in ``text`` that could count people or things (not years, distances...)."""
    return []
