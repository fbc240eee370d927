"""Dates: resolve "on Tuesday", "last week", "since November 27"... against published_at.

``resolve_when(text, published_at)`` gives the first date expression of ``text`` that is
not the opening of a period ("since November 27"), as a :class:`DateSpan`.
``find_period(text, published_at)`` gives the period of a cumulative toll.

Rules: weekday names mean the most recent such day on or before published_at (so "on
Thursday" in an article published on a Thursday is that day); a month and day without a
year take the year that puts them on or before published_at; relative phrases ("last
week", "yesterday") need published_at. Without published_at only absolute dates (with a
year) resolve; anything else gives UNKNOWN_DATE, never a guess.
Vocabulary: ``seeds/reference/dates_vocabulary.yaml``.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from . import compiled_patterns  # the date expressions: their programs kept on disk
from .patterns import CaseBlindSearch, lowers_exactly, trie_alternation as alternation
from .claims import UNKNOWN_DATE, DateSpan
from .reference import load_yaml
from .records import fast_init


@fast_init
@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text, with what it resolves to."""

    text: str
    start: int
    end: int
    span: DateSpan


Resolver = Callable[[re.Match[str], date | None], DateSpan]


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    return load_yaml("dates_vocabulary.yaml")


def _month(name: str) -> int:
    return int(_vocab()["months"][name.lower().rstrip(".")])


def _weekday(name: str) -> int:
    return int(_vocab()["weekdays"][name.lower().rstrip(".")])


def _day_span(day: date) -> DateSpan:
    return DateSpan(day, day, "day")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int) -> DateSpan:
    last = calendar.monthrange(year, month)[1]
    return DateSpan(date(year, month, 1), date(year, month, last), "month")


def _year_span(first: int, last: int | None = None) -> DateSpan:
    last = last or first
    return DateSpan(date(first, 1, 1), date(last, 12, 31), "year")


def _most_recent_weekday(weekday: int, published_at: date) -> date:
    """The latest day with that weekday on or before published_at."""
    return published_at - timedelta(days=(published_at.weekday() - weekday) % 7)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- resolvers: one per kind of expression -------------------------------------------

def _full_date(m: re.Match[str], published_at: date | None) -> DateSpan:
    day = _safe_date(int(m.group("year")), _month(m.group("month")), int(m.group("day")))
    return _day_span(day) if day else UNKNOWN_DATE


def _iso_date(m: re.Match[str], published_at: date | None) -> DateSpan:
    day = _safe_date(int(m.group("year")), int(m.group("m")), int(m.group("day")))
    return _day_span(day) if day else UNKNOWN_DATE


def _month_day(m: re.Match[str], published_at: date | None) -> DateSpan:
    """"November 30" / "30 November": the year that puts it on or before published_at."""
    if published_at is None:
        return UNKNOWN_DATE
    month, day_number = _month(m.group("month")), int(m.group("day"))
    day = _safe_date(published_at.year, month, day_number)
    if day is None:
        return UNKNOWN_DATE
    if day > published_at + timedelta(days=1):
        day = _safe_date(published_at.year - 1, month, day_number)
    return _day_span(day) if day else UNKNOWN_DATE


def _month_year(m: re.Match[str], published_at: date | None) -> DateSpan:
    return _month_span(int(m.group("year")), _month(m.group("month")))


def _month_only(m: re.Match[str], published_at: date | None) -> DateSpan:
    """"in May", "since March this year": the latest such month up to publication."""
    if published_at is None:
        return UNKNOWN_DATE
    month = _month(m.group("month"))
    year = published_at.year if month <= published_at.month else published_at.year - 1
    span = _month_span(year, month)
    if span.end is not None and span.end > published_at:
        return DateSpan(span.start, published_at, "month")
    return span


def _year_range(m: re.Match[str], published_at: date | None) -> DateSpan:
    first, last = int(m.group("year")), int(m.group("year2"))
    if last < 100:
        last += first // 100 * 100
    return _year_span(first, last) if first <= last else UNKNOWN_DATE


def _year(m: re.Match[str], published_at: date | None) -> DateSpan:
    return _year_span(int(m.group("year")))


def _weekday_pair(m: re.Match[str], published_at: date | None) -> DateSpan:
    """"after midnight Tuesday-Wednesday": the night between the two days."""
    if published_at is None:
        return UNKNOWN_DATE
    second = _most_recent_weekday(_weekday(m.group("wd2")), published_at)
    first = second - timedelta(days=(_weekday(m.group("wd2")) - _weekday(m.group("wd1"))) % 7)
    return DateSpan(first, second, "range")


def _weekday_single(m: re.Match[str], published_at: date | None) -> DateSpan:
    if published_at is None:
        return UNKNOWN_DATE
    return _day_span(_most_recent_weekday(_weekday(m.group("wd")), published_at))


def _relative_week(m: re.Match[str], published_at: date | None) -> DateSpan:
    if published_at is None:
        return UNKNOWN_DATE
    monday = _monday(published_at)
    if m.group("which").lower() == "last":
        return DateSpan(monday - timedelta(days=7), monday - timedelta(days=1), "week")
    return DateSpan(monday, published_at, "week")


def _relative_month(m: re.Match[str], published_at: date | None) -> DateSpan:
    if published_at is None:
        return UNKNOWN_DATE
    if m.group("which").lower() == "last":
        previous = published_at.replace(day=1) - timedelta(days=1)
        return _month_span(previous.year, previous.month)
    return DateSpan(published_at.replace(day=1), published_at, "month")


def _relative_year(m: re.Match[str], published_at: date | None) -> DateSpan:
    if published_at is None:
        return UNKNOWN_DATE
    if m.group("which").lower() == "last":
        return _year_span(published_at.year - 1)
    return DateSpan(date(published_at.year, 1, 1), published_at, "year")


def _days_ago(m: re.Match[str], published_at: date | None) -> DateSpan:
    if published_at is None:
        return UNKNOWN_DATE
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else words[raw]
    return _day_span(published_at - timedelta(days=n))


def _relative_days(m: re.Match[str], published_at: date | None) -> DateSpan:
    if published_at is None:
        return UNKNOWN_DATE
    first, last = _vocab()["relative_days"][re.sub(r"\s+", " ", m.group("rel").lower())]
    start, end = published_at + timedelta(days=first), published_at + timedelta(days=last)
    return DateSpan(start, end, "day" if start == end else "range")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], Resolver], ...]:
    """Date expressions, most specific first; each with the function that resolves it."""
    vocab = _vocab()
    month = rf"(?P<month>{alternation(list(vocab['months']))})\.?"
    wd_names = alternation([w for w in vocab["weekdays"] if len(w) > 3])
    rel = alternation(list(vocab["relative_days"]))
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    table: list[tuple[str, Resolver]] = [
        (rf"\b{year}-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b", _iso_date),
        (rf"\b{month}\s+{day},?\s+{year}\b", _full_date),
        (rf"\b{day}\s+(?:of\s+)?{month},?\s+{year}\b", _full_date),
        (rf"\b{month}\s+{day}\b(?!\s*(?:,\s*)?\d)", _month_day),
        (rf"\b{day}\s+(?:of\s+)?{month}\b", _month_day),
        (rf"\b{month},?\s+{year}\b", _month_year),
        (rf"\b(?:in|during|since|by|until|(?:early|late|mid-?)\s*|(?:the\s+)?(?:start|end|beginning|middle)\s+of)\s+"
         rf"(?:early\s+|late\s+|mid-?)?{month}\b(?!\s*[,.]?\s*\d)(?:\s+this\s+year)?", _month_only),
        (rf"\b{year}\s*[-–]\s*(?P<year2>(?:19|20)?\d\d)\b", _year_range),
        (rf"\b(?:in|during|of|by|early|late|mid-?)\s+{year}\b(?!\s*[-–])", _year),
        (rf"\b(?P<wd1>{wd_names})\s*[-–/]\s*(?P<wd2>{wd_names})\b", _weekday_pair),
        (rf"\b(?P<wd>{wd_names})\b", _weekday_single),
        (r"\b(?:earlier\s+)?(?P<which>last|this|past)\s+week\b", _relative_week),
        (r"\b(?P<which>last|this)\s+month\b", _relative_month),
        (r"\b(?P<which>last|this)\s+year\b", _relative_year),
        (r"\b(?P<n>\d+|one|two|three|four|five|six|seven|ten)\s+days?\s+ago\b", _days_ago),
        (rf"\b(?P<rel>{rel})\b", _relative_days),
    ]
    return tuple((compiled_patterns.compile(p, re.IGNORECASE), f) for p, f in table)


@lru_cache(maxsize=1)
def _lowered_patterns() -> tuple[tuple[re.Pattern[str], Resolver], ...]:
    """``_patterns`` for lower-cased text: the same expressions without IGNORECASE (every
    letter in them is lower case, as checked here)."""
    out = []
    for pattern, resolver in _patterns():
        letters = re.sub(r"\\[a-z]|\(\?P<\w+>", "", pattern.pattern)
        if letters != letters.lower():
            raise ValueError(f"date pattern with capitals: {pattern.pattern[:60]}")
        out.append((compiled_patterns.compile(pattern.pattern), resolver))
    return tuple(out)


_DIGIT = re.compile(r"\d")
_MONTH_STEM = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")

# resolvers whose expressions always contain digits (a day of the month or a year)
_NEEDS_DIGIT = frozenset({_iso_date, _full_date, _month_day, _month_year, _year_range, _year})
# resolvers whose expressions always contain a month name
_NEEDS_MONTH = frozenset({_full_date, _month_day, _month_year, _month_only})

@lru_cache(maxsize=1)
def _gates() -> dict[Resolver, tuple[str, ...]]:
    """Words one of which every expression of a resolver contains (substring tests are far
    cheaper than running its pattern)."""
    relative = {phrase.split()[-1] for phrase in _vocab()["relative_days"]}
    return {
        _weekday_pair: ("day",),
        _weekday_single: ("day",),
        _relative_week: ("week",),
        _relative_month: ("month",),
        _relative_year: ("year",),
        _days_ago: ("ago",),
        _relative_days: tuple(sorted(relative)),
    }


_PREFILTER = CaseBlindSearch(  # a prefix tree, searched in the lower-cased text when exact
    r"\d|" + alternation(
        "day week month year night ago since tonight morning evening afternoon "
        "jan feb mar apr may jun jul aug sep oct nov dec".split()))
# resolvers whose expressions always contain a year (19xx, 20xx)
_NEEDS_YEAR = frozenset({_iso_date, _full_date, _month_year, _year_range, _year})
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # the year of those expressions, as _patterns writes it


@lru_cache(maxsize=1)
def _month_word() -> CaseBlindSearch:
    """A month name as a word start: every expression of _NEEDS_MONTH holds one."""
    return CaseBlindSearch(rf"\b(?:{alternation(list(_vocab()['months']))})")


def find_dates(text: str, published_at: date | None) -> list[DateMention]:
    """Every date expression in ``text`` (non-overlapping, most specific first), left to
    right, resolved against published_at (unresolvable ones have an unknown span)."""
    return list(_find_dates(text, published_at))


@lru_cache(maxsize=16384)  # a pure function of the text and date, read by several extractors
def _find_dates(text: str, published_at: date | None) -> tuple[DateMention, ...]:
    if not _PREFILTER.found_in(text):
        return ()
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    has_digit = _DIGIT.search(text) is not None
    lowered = text.lower()
    has_month = _MONTH_STEM.search(lowered) is not None and _month_word().found_in(text, lowered)
    has_year = has_digit and _YEAR_DIGITS.search(text) is not None
    gates = _gates()
    # the patterns' letters are lower case: on the lower-cased text (when that is exact) they
    # find the same expressions without case-blind comparisons; resolvers read their groups
    # case-blind, and a mention keeps the text as written
    exact = lowers_exactly(text)
    scanned = lowered if exact else text
    for pattern, resolver in (_lowered_patterns() if exact else _patterns()):
        if not has_digit and resolver in _NEEDS_DIGIT:
            continue  # cheap skip: these expressions all contain a day or a year
        if not has_year and resolver in _NEEDS_YEAR:
            continue  # cheap skip: no 19xx / 20xx
        if not has_month and resolver in _NEEDS_MONTH:
            continue  # cheap skip: no month name at all
        gate = gates.get(resolver)
        if gate and not any(word in lowered for word in gate):
            continue  # cheap skip: the expression's key word is absent
        for m in pattern.finditer(scanned):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(text[m.start():m.end()], m.start(), m.end(), resolver(m, published_at)))
    return tuple(sorted(found, key=lambda d: d.start))


_SINCE = re.compile(r"\b(?:ever\s+)?since\b", re.IGNORECASE)
_SINCE_LOWER = re.compile(_SINCE.pattern)  # the same, for the lower-cased text (offsets only are read)


def _period_openings(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Date mentions that open a period: the first date within 90 characters after "since"
    with no sentence break between."""
    openings = []
    exact = lowers_exactly(text)
    if exact and "since" not in text.lower():
        return openings  # most sentences: no "since" to scan for
    for m in (_SINCE_LOWER.finditer(text.lower()) if exact else _SINCE.finditer(text)):
        for mention in mentions:
            if mention.start >= m.end() and mention.start - m.end() <= 90:
                if not re.search(r"[;:]", text[m.end():mention.start]):
                    openings.append(mention)
                break
    return openings


def resolve_when(text: str, published_at: date | None) -> DateSpan:
    """When the event told in ``text`` happened; UNKNOWN_DATE (never a guess) without an anchor."""
    mentions = find_dates(text, published_at)
    openings = {id(m) for m in _period_openings(text, mentions)}
    for mention in mentions:
        if id(mention) in openings or mention.span.precision == "unknown":
            continue
        return mention.span
    return UNKNOWN_DATE


def _conflict_start(text: str) -> date | None:
    """Start date of a named opening ("since the start of the war"), from the vocabulary."""
    lowered = text.lower()
    for phrase, day in _vocab().get("conflict_starts", {}).items():
        if f"since {phrase}" in lowered:
            return day if isinstance(day, date) else date.fromisoformat(str(day))
    return None


_CUMULATIVE_RELATIVE = re.compile(
    r"\b(?:(?:so\s+far\s+)?this\s+(?P<unit>week|month|year)|(?:in|over|during)\s+the\s+"
    r"(?:past|last)\s+(?P<n>\d+|24|48|seven|few)?\s*(?P<unit2>hours|days|weeks|week|day))\b",
    re.IGNORECASE,
)


_CUMULATIVE_RELATIVE_LOWER = re.compile(_CUMULATIVE_RELATIVE.pattern)


def find_period(text: str, published_at: date | None) -> tuple[date | None, date | None]:
    """Period of a cumulative toll ("since November 27" -> (2024-11-27, None);
    "this week" -> (Monday of that week, published_at)); (None, None) when none."""
    mentions = find_dates(text, published_at)
    for opening in _period_openings(text, mentions):
        if opening.span.start is not None:
            return (opening.span.start, None)
    started = _conflict_start(text)
    if started:
        return (started, None)
    # groups are read lower-cased: the lower-cased text gives the same answer, faster; a
    # match holds "this", "past" or "last" (most sentences hold none: no scan)
    lowered = text.lower()
    if lowers_exactly(text):
        m = (_CUMULATIVE_RELATIVE_LOWER.search(lowered)
             if "this" in lowered or "past" in lowered or "last" in lowered else None)
    else:
        m = _CUMULATIVE_RELATIVE.search(text)
    if m and published_at is not None:
        unit = (m.group("unit") or "").lower()
        if unit == "week":
            return (_monday(published_at), published_at)
        if unit == "month":
            return (published_at.replace(day=1), published_at)
        if unit == "year":
            return (date(published_at.year, 1, 1), published_at)
        unit2 = (m.group("unit2") or "").lower()
        raw = (m.group("n") or "1").lower()
        n = int(raw) if raw.isdigit() else {"seven": 7, "few": 7}.get(raw, 1)
        days = {"hours": n / 24, "days": n, "day": 1, "weeks": 7 * n, "week": 7}.get(unit2, 1)
        return (published_at - timedelta(days=max(1, round(days))), published_at)
    return (None, None)
