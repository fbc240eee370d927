"""Counts of people or things in text: digits, words, scales, vague amounts, ranges.

``find_counts(text)`` returns every number phrase that could count people or things, with
its qualifier ("at least", "more than", "nearly"...) folded into a UCDP-style
:class:`Count`. Numbers that are something else (distances, years, ages, percentages,
money, times, dates, unit names, populations) are left out. The vocabulary lives in
``seeds/reference/numbers_vocabulary.yaml``.

Count shape by qualifier (low, best, high):
exact (n, n, n); at_least (n, n, None); more_than (n, None, None);
approximately (None, n, None); up_to (None, n, n); vague (low bound, None, None);
a range "between 10 and 15" (10, None, 15).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import compiled_patterns  # the count pattern is large: its program is kept on disk
from .claims import Count
from .reference import load_yaml
from .patterns import CaseBlindSearch, lowers_exactly, trie_alternation as _alternation
from .records import fast_init


@fast_init
@dataclass(frozen=True)
class CountMention:
    text: str  # as written ("more than 1,600", "dozens")
    start: int  # offsets into the searched text
    end: int
    count: Count


@fast_init
@dataclass(frozen=True)
class _Vocabulary:
    """The YAML vocabulary with its compiled patterns."""

    data: dict[str, Any]
    word_values: dict[str, tuple[str, int]]  # word -> (kind: unit/ten/scale, value)
    vague: dict[str, int]
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    year_before: frozenset[str]
    count_nouns: frozenset[str]
    year_range: tuple[int, int]
    fraction: re.Pattern[str]  # "half a million": (fraction words, scale word)
    fractions: dict[str, float]
    population_before: re.Pattern[str]
    population_last_letter: re.Pattern[str]  # the last letters of population_before's phrases
    population_longest: int  # characters in its longest phrase
    population_unless_after: re.Pattern[str]
    pattern: re.Pattern[str]
    pattern_lowered: re.Pattern[str] | None  # ``pattern`` for text.lower(), when exact


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = load_yaml("numbers_vocabulary.yaml")
    word_values: dict[str, tuple[str, int]] = {}
    for kind in ("units", "tens", "scales"):
        for word, value in data[kind].items():
            word_values[word] = (kind, int(value))
    words = _alternation(list(word_values))
    scales = _alternation(list(data["scales"]))
    singular = _alternation(data["singular_people"])
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    digit_number = rf"(?:{digits})(?:\s*-?\s*(?:{scales})\b|(?:m|bn)\b)?"
    starters = _alternation([w for w, (kind, _) in word_values.items() if kind != "scales"])
    word_run = (
        rf"(?:\b(?:an?\s+(?=(?:{scales})\b)|(?=(?:{starters})\b))(?:{words})\b"
        rf"(?:(?:\s+and\s+|\s+|-)(?:{words})\b)*)"
    )
    a_person = rf"\ban?(?=\s+(?:(?:{_singular_modifiers(data)})[\s-]+){{0,2}}(?:{singular})\b(?![''’]s\b))"
    fraction = rf"\b(?:{_alternation(list(data.get('fractions', {})))})\s+(?:of\s+)?an?\s+(?:{scales})\b"
    number = rf"(?:(?<![\w.,:/$€£-]){digit_number}|{fraction}|{word_run}|{a_person})"
    vague = rf"\b(?:{_alternation(list(data['vague']))})\b"
    qualifier = rf"\b(?P<qual>{_alternation(list(data['qualifiers_before']))})\s+"
    after = rf"(?:\s*(?P<after>{_alternation(list(data['qualifiers_after']))})\b|(?P<plus>\+))?"
    # every match starts at a word start with a digit or the first letter of one of these
    # words: a cheap lookahead lets the engine skip all other positions at once
    openers = [*word_values, *data.get("fractions", {}), *data["vague"], *data["qualifiers_before"],
               "between", "a", "an"]
    first = "".join(sorted({w[0].lower() for w in openers if w} | {w[0].upper() for w in openers if w}))
    # and a second lookahead, as cheap, that rejects most words sharing a first letter with
    # an opener ("the", "army"): a digit, "a"/"an" before a space, or an opener's own letters
    opening = rf"(?=\d|an?\s|{_alternation([w for w in openers if w.lower() not in ('a', 'an')])})"
    source = (
        rf"\b(?=[\d{re.escape(first)}]){opening}(?:{qualifier})?(?:(?P<between>between\s+)?(?P<a>{number})\s*(?P<sep>[-–](?=\s*\d)|\bto\b|\bor\b|(?(between)\band\b|(?!)))\s*(?P<b>{number})"
        rf"|(?P<vague>{vague})|(?P<n>{number})){after}"
    )
    pattern = compiled_patterns.compile(source, re.IGNORECASE)
    # the same pattern for lower-cased text (no case-blind comparisons): every letter in it
    # is lower case but the first-letter class, whose capitals then simply never meet one
    letters = re.sub(r"\\[a-zA-Z]|\(\?P<\w+>|\(\?\(\w+\)", "", source.replace(f"[\\d{re.escape(first)}]", ""))
    exact = all(c == c.lower() and (c.isascii() or c == c.upper()) for c in letters)
    lowered = compiled_patterns.compile(source) if exact else None
    population = rf"(?:{_alternation(data.get('population_before', []))})\s*$"
    return _Vocabulary(
        data=data,
        word_values=word_values,
        vague={k: int(v) for k, v in data["vague"].items()},
        qualifiers_before=dict(data["qualifiers_before"]),
        qualifiers_after=dict(data["qualifiers_after"]),
        not_after=frozenset(w.lower() for w in data["not_count_after"]),
        not_before=frozenset(w.lower() for w in data["not_count_before"]),
        year_before=frozenset(w.lower() for w in data["year_before"]),
        count_nouns=frozenset(w.lower() for w in data["count_nouns_for_years"]),
        year_range=(int(data["year_range"][0]), int(data["year_range"][1])),
        fraction=re.compile(rf"^({_alternation(list(data.get('fractions', {})))})\s+(?:of\s+)?an?\s+(\w+)$"),
        fractions={k: float(v) for k, v in data.get("fractions", {}).items()},
        population_before=compiled_patterns.compile(population, re.IGNORECASE),
        population_last_letter=re.compile(
            "[" + re.escape("".join({p[-1] for p in data.get("population_before", []) if p})) + "]", re.IGNORECASE),
        population_longest=max((len(p) for p in data.get("population_before", [])), default=0),
        population_unless_after=re.compile(
            rf"^(?:\s+(?:of\s+)?[\w-]+){{0,3}}?\s+(?:{_alternation(data.get('population_unless_after', []))})\b",
            re.IGNORECASE),
        pattern=pattern,
        pattern_lowered=lowered,
    )


def _singular_modifiers(data: dict[str, Any]) -> str:
    """Words between "a"/"an" and a singular people noun that keep it one person: the
    nationality adjectives ("a Ukrainian soldier") and ``singular_modifiers`` ("a police
    officer", "a crew member"), lower case (the count pattern is case-blind)."""
    from .actors import nationality_words  # lazily: actors reads the theatre tables
    words = {w.lower() for w in nationality_words("adjective")} | {w.lower() for w in data["singular_modifiers"]}
    return _alternation(sorted(words))


_DIGIT_PHRASE = re.compile(r"^(\d+(?:\.\d+)?)\s*-?\s*([a-z]*)$")
_TOKEN_BREAK = re.compile(r"[\s-]+")


@lru_cache(maxsize=8192)  # a pure function of the phrase; a count's phrase is read twice (filter, value)
def parse_number(phrase: str) -> int | None:
    """Value of one number phrase: "1,600" -> 1600, "1.5 million" -> 1500000,
    "twenty-five" -> 25, "a hundred" -> 100, "a" -> 1. None when it is not a number."""
    vocab = _vocabulary()
    cleaned = phrase.lower().replace(",", "").strip()
    part = vocab.fraction.match(re.sub(r"\s+", " ", cleaned))
    if part:
        kind_value = vocab.word_values.get(part.group(2))
        if not kind_value or kind_value[0] != "scales":
            return None
        return int(round(vocab.fractions[part.group(1)] * kind_value[1]))
    digit = _DIGIT_PHRASE.match(cleaned)
    if digit:
        value = float(digit.group(1))
        scale = digit.group(2)
        if scale == "m":
            scale = "million"
        if scale:
            kind_value = vocab.word_values.get(scale)
            if not kind_value or kind_value[0] != "scales":
                return None
            value *= kind_value[1]
        return int(round(value))
    total, current = 0, 0
    for token in _TOKEN_BREAK.split(cleaned):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = max(current, 1)
            continue
        kind_value = vocab.word_values.get(token)
        if kind_value is None:
            return None
        kind, value = kind_value
        if kind in ("units", "tens"):
            current += value
        elif value < 1000:  # hundred, dozen: multiply what came before
            current = (current or 1) * value
        else:
            total += (current or 1) * value
            current = 0
    return total + current


_NEXT_WORD = re.compile(r"\s*-?\s*([%$]|[A-Za-z][A-Za-z.'’]*(?:-[A-Za-z]+)*)")


def _next_word(text: str, end: int) -> str:
    """The word right after a number (attached units like "200km" included), lower case."""
    match = _NEXT_WORD.match(text[end:end + 40])
    return match.group(1).lower().rstrip(".") if match else ""


_PREVIOUS_WORD = re.compile(r"([A-Za-z$€£.]+|[-–])\s*$")  # what _previous_word reads, as a pattern
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$€£.")


def _previous_word(text: str, start: int) -> str:
    """The word (letters, "$", "."; or a dash) right before ``start``, lower case: the last
    match of ``_PREVIOUS_WORD`` in the 40 characters before, read backwards from the end
    (a regex search for an end-anchored pattern retries at every position)."""
    window = text[max(0, start - 40):start].rstrip()  # str.isspace is the pattern's \s
    if not window:
        return ""
    end = i = len(window)
    while i and window[i - 1] in _WORD_CHARS:
        i -= 1
    if i < end:
        return window[i:].lower()
    return window[-1] if window[-1] in "-–" else ""


_YEAR_PREPOSITIONS = frozenset({"in", "since", "during", "until", "till", "by", "early", "late", "mid",
                                 "from", "before", "after", "spring", "summer", "autumn", "fall", "winter"})


_MONTH_DAY_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+$", re.IGNORECASE)


def _is_year(value: int, raw: str, text: str, start: int, end: int, qualified: bool) -> bool:
    """A bare four-digit number in the year range reads as a year unless a qualifier or
    a people noun right after it makes it a count ("at least 2000", "2000 people")."""
    vocab = _vocabulary()
    low, high = vocab.year_range
    if not (_FOUR_DIGITS.fullmatch(raw) and low <= value <= high):
        return False
    if qualified:
        return False
    if _previous_word(text, start) in _YEAR_PREPOSITIONS:
        return True  # "in 2015 civilians fled"
    if _MONTH_DAY_BEFORE.search(text[max(0, start - 16):start]):
        return True  # "September 15 2016 Twenty-three civilians": a date without its comma
    following = re.findall(r"[A-Za-z][\w-]*", text[end:end + 40])[:2]  # "2000 Syrian refugees"
    return not any(word.lower().split("-")[0] in vocab.count_nouns for word in following)


_TIME_OR_DECADE = re.compile(r"[:/]\d|[’']?s\b")
_DOTTED_DATE_AFTER = re.compile(r"\.\d{1,2}\.\d{2,4}\b")
_DAY_DOT_MONTH = re.compile(r"\d{1,2}\.\d{1,2}")
_DOT_YEAR = re.compile(r"\.\d{2,4}\b")
_DAY_DOT_MONTH_DOT = re.compile(r"\b\d{1,2}\.\d{1,2}\.$")
_LEADING_ZERO = re.compile(r"0\d+")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _excluded(raw: str, text: str, start: int, end: int, qualified: bool) -> bool:
    """True when the number at text[start:end] is not a count (unit, date, age, time...)."""
    vocab = _vocabulary()
    following = text[end:end + 3]
    if _TIME_OR_DECADE.match(following):  # 9:14, 4/5/17, the 1990s
        return True
    if _DOTTED_DATE_AFTER.match(text[end:end + 8]) or (
            _DAY_DOT_MONTH.fullmatch(raw) and _DOT_YEAR.match(text[end:end + 6])) or _DAY_DOT_MONTH_DOT.search(text[max(0, start - 6):start]):
        return True  # 16.05.2017: a date written with dots
    if _LEADING_ZERO.fullmatch(raw.replace(",", "")):  # "at 0914": a clock time or code
        return True
    nxt = _next_word(text, end)
    if nxt and (nxt in vocab.not_after or nxt.split("-")[0] in vocab.not_after):
        return True
    if nxt.startswith("year") or nxt.startswith("-year"):
        return True
    prev = _previous_word(text, start)
    if prev in vocab.not_before:
        return True
    if _is_population(text, start, end):
        return True
    value = parse_number(raw)
    if value is not None and raw[:1].isdigit() and _is_year(value, raw, text, start, end, qualified):
        return True
    if value is not None and raw[:1].isdigit() and prev in ("at",) and _FOUR_DIGITS.fullmatch(raw):
        return True
    return False


def _is_population(text: str, start: int, end: int) -> bool:
    """True when a population phrase ends right before the number ("home to 50,000") and
    no displacement word follows it ("home to 50,000 displaced people" is a count)."""
    vocab = _vocabulary()
    window = text[max(0, start - 40):start]
    stripped = len(window.rstrip())
    # a match ends with a phrase's last letter right before the trailing space: test that
    # letter first, then search only where a phrase that long can start
    if not stripped or not vocab.population_last_letter.match(window, stripped - 1):
        return False
    found = vocab.population_before.search(window, max(0, stripped - vocab.population_longest))
    if not found:
        return False
    if "population" in found.group().lower():
        return True  # "a pre-war population of 22 million has been displaced": still the population
    return not vocab.population_unless_after.match(text[end:end + 60])


def _make_count(value: int, qualifier: str) -> Count:
    if qualifier == "at_least":
        return Count(value, value, None, qualifier)
    if qualifier == "more_than":
        return Count(value, None, None, qualifier)
    if qualifier == "approximately":
        return Count(None, value, None, qualifier)
    if qualifier == "up_to":
        return Count(None, value, value, qualifier)
    return Count(value, value, value, "exact")


def _scale_of(phrase: str) -> int:
    """The scale word a number phrase ends with ("2 million" -> 1000000), else 1."""
    vocab = _vocabulary()
    last = re.split(r"[\s-]+", phrase.lower().strip())[-1]
    kind_value = vocab.word_values.get(last)
    return kind_value[1] if kind_value and kind_value[0] == "scales" and kind_value[1] >= 1000 else 1


_SPACES = re.compile(r"\s+")


def _mention(text: str, match: re.Match[str]) -> list[CountMention]:
    """Turn one regex match into zero, one or two count mentions."""
    vocab = _vocabulary()
    qual_word, after, plus = match.group("qual", "after", "plus")
    qual_word = qual_word.lower() if qual_word else ""
    qualifier = vocab.qualifiers_before.get(_SPACES.sub(" ", qual_word), "exact") if qual_word else "exact"
    if after:
        qualifier = vocab.qualifiers_after[after.lower()]
    elif plus:
        qualifier = "at_least"
    qualified = bool(qual_word) or qualifier != "exact"
    start, end = match.start(), match.end()
    if _is_population(text, start, end):
        return []  # "home to nearly a million residents": a population, not a count
    if match.group("vague"):
        low = vocab.vague[_SPACES.sub(" ", match.group("vague").lower())]
        nxt = _next_word(text, match.end("vague"))
        if nxt in vocab.not_after:
            return []
        return [CountMention(text[start:end], start, end, Count(low, None, None, "vague"))]
    if match.group("n"):
        raw = match.group("n")
        if _excluded(raw, text, match.start("n"), match.end("n"), qualified):
            return []
        value = parse_number(raw)
        if value is None:
            return []
        return [CountMention(text[start:end], start, end, _make_count(value, qualifier))]
    # a range, or two numbers joined by a word that does not make a range
    a_raw, b_raw, sep = match.group("a"), match.group("b"), match.group("sep").lower()
    a_value, b_value = parse_number(a_raw), parse_number(b_raw)
    prev = _previous_word(text, match.start())
    is_range = (
        a_value is not None and b_value is not None
        and (sep != "and" or match.group("between"))
        and prev != "from"
    )
    if is_range and a_value is not None and b_value is not None:
        if a_value < b_value and _scale_of(a_raw) == 1 and _scale_of(b_raw) > 1 and a_value < 1000:
            a_value *= _scale_of(b_raw)  # "1.5 to 2 million"
        a_raw_clean = a_raw.replace(",", "")
        both_years = all(
            _is_year(v, r.replace(",", ""), text, s, e, False)
            for v, r, s, e in ((a_value, a_raw_clean, match.start("a"), match.end("b")),
                               (b_value, b_raw, match.start("b"), match.end("b")))
        )
        if both_years or _excluded(b_raw, text, match.start("b"), match.end("b"), qualified):
            return []
        if a_value < b_value:
            return [CountMention(text[start:end], start, end, Count(a_value, None, b_value, qualifier))]
    # not a range: read each number on its own
    out = []
    for group in ("a", "b"):
        raw, s, e = match.group(group), match.start(group), match.end(group)
        value = parse_number(raw)
        if value is None or _excluded(raw, text, s, e, False):
            continue
        q = qualifier if group == "a" else "exact"
        m_start = start if group == "a" else s
        out.append(CountMention(text[m_start:e], m_start, e, _make_count(value, q)))
    return out


@lru_cache(maxsize=1)
def _prefilter() -> CaseBlindSearch:
    """Cheap test: does the text hold a digit or any number / vague / singular-people word?
    (A prefix tree, searched in the lower-cased text when that is exact.)"""
    data = _vocabulary().data
    words = [*data["units"], *data["tens"], *data["scales"], *data["vague"], *data["singular_people"]]
    stems = {w.split()[-1] for w in words}
    return CaseBlindSearch(r"\d|\b(?:" + _alternation(list(stems)) + r")")


def find_counts(text: str) -> list[CountMention]:
    """Number phrases in ``text`` that could count people or things (not years, distances...)."""
    return list(_find_counts(text))


@lru_cache(maxsize=16384)  # a pure function of the text: a sentence met again (a repeated article, a wire copy) is free
def _find_counts(text: str) -> tuple[CountMention, ...]:
    if not _prefilter().found_in(text):
        return ()
    vocab = _vocabulary()
    mentions: list[CountMention] = []
    # the groups of a match are read case-blind (values, qualifiers) and a mention's text is
    # cut from ``text`` itself, so matches found in the lower-cased text serve as well
    if vocab.pattern_lowered is not None and lowers_exactly(text):
        matches = vocab.pattern_lowered.finditer(text.lower())
    else:
        matches = vocab.pattern.finditer(text)
    for match in matches:
        mentions.extend(_mention(text, match))
    return tuple(mentions)
