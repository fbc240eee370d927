"""Whether a casualty figure is the toll of an event over a year before the article: "In a
similar attack in June 2023, gunmen killed six civilians" in a 2024 story about another
attack, "the 2012 rebellion killed thousands", "two years ago, the same group killed 40
villagers". Such a figure is background of another event; it is left out (a fact we are
unsure of is better missing than wrong).

A year (with its month, day or season) as the time of a clause, or "N years ago", is an
earlier time when its last day is more than ``earlier_min_days`` before publication. A year
that opens a period ("since 2011", "the war, which began in 2011") makes a running total, not
an earlier event, and is no anchor. When the sentence also names a time of the article's own
days ("on Sunday", "this week"), a figure stays unless it is nearer to the earlier time.
The event a war began with, told before the count ("the war, which began when gunmen killed
about 1,200 people", "launched its offensive after gunmen stormed the south, killing ...") is
an earlier event too, whatever its date. Words: ``seeds/reference/casualty_gates.yaml``.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from . import compiled_patterns
from .reference import load_yaml

_MONTHS = {name: i for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    data = load_yaml("casualty_gates.yaml")
    flags = re.IGNORECASE
    return {
        "min_days": int(data["earlier_min_days"]),
        "year_anchor": compiled_patterns.compile(data["year_anchor"], flags),
        "years_ago": compiled_patterns.compile(data["years_ago"], flags),
        "period_words": compiled_patterns.compile(data["period_words"], flags),
        "recent_anchor": compiled_patterns.compile(data["recent_anchor"], flags),
        "origin_before": compiled_patterns.compile(data["origin_before"], flags),
    }


def _last_day(m: re.Match[str]) -> date:
    year = int(m.group("year") or m.group("year2"))
    month = _MONTHS.get((m.group("month") or "")[:3].lower()) if m.group("year") else None
    if month is None:
        return date(year, 12, 31)
    return date(year, month, calendar.monthrange(year, month)[1])


def earlier_anchors(sentence: str, published_at: date | None) -> list[int]:
    """Offsets of the sentence's times over a year before publication (none without a date)."""
    if published_at is None or not any(ch.isdigit() for ch in sentence) and "years" not in sentence:
        return []
    vocab = _vocabulary()
    found: list[int] = []
    for m in vocab["year_anchor"].finditer(sentence):
        if vocab["period_words"].search(sentence, max(0, m.start() - 90), m.start()):
            continue  # "since 2011", "the war that began in 2011": a period, not an earlier event
        if (published_at - _last_day(m)).days > vocab["min_days"]:
            found.append(m.start())
    if "years" in sentence or "decade" in sentence:
        found.extend(m.start() for m in vocab["years_ago"].finditer(sentence))
    return found


def earlier_event(sentence: str, count_start: int, published_at: date | None) -> bool:
    """The figure at ``count_start`` belongs to an event over a year before the article, or
    to the event that started the war ("the war, which began when gunmen killed 1,200")."""
    if _vocabulary()["origin_before"].search(sentence, 0, count_start):
        return True
    anchors = earlier_anchors(sentence, published_at)
    if not anchors:
        return False
    recent = [m.start() for m in _vocabulary()["recent_anchor"].finditer(sentence)]
    nearest_old = min(abs(a - count_start) for a in anchors)
    return not recent or nearest_old < min(abs(r - count_start) for r in recent)
