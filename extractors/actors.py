"""Armed actors: find the article's words for them and map them onto contract actor ids.

The alias table is ``seeds/reference/actor_aliases.csv``. The article's own words are kept
(``label``) next to the normalised id, so framing ("terrorists", "rebels") is never lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .reference import load_csv


@dataclass(frozen=True)
class ActorMention:
    label: str  # as written
    actor_id: str
    start: int  # offsets into the searched text
    end: int


@lru_cache(maxsize=1)
def _aliases() -> tuple[dict[str, str], re.Pattern[str]]:
    table = {row["alias"].strip().lower(): row["actor_id"].strip() for row in load_csv("actor_aliases.csv")}
    ordered = sorted(table, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])", re.IGNORECASE
    )
    return table, pattern


def resolve_actor(label: str) -> str | None:
    """Actor id for a phrase as written, or None when the alias table does not know it."""
    table, _ = _aliases()
    key = label.strip().lower().replace("’", "'")
    if key in table:
        return table[key]
    mentions = find_actors(key)
    return mentions[0].actor_id if mentions else None


def find_actors(text: str) -> list[ActorMention]:
    """Every alias in ``text``, longest match first, left to right, non-overlapping."""
    table, pattern = _aliases()
    normalised = text.replace("’", "'")  # same length, so offsets still hold
    return [
        ActorMention(text[m.start():m.end()], table[m.group().lower()], m.start(), m.end())
        for m in pattern.finditer(normalised)
    ]
