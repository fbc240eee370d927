"""A cheap offline language check, so articles the English extractors cannot read are marked.

No model and no package: other scripts (Arabic, Cyrillic, Hebrew, Greek, CJK, ...) are told
by their letters; Latin-script texts by the share of each language's function words
(``seeds/reference/language_function_words.yaml``). English wins when the evidence is thin
(a short headline with no function word stays ``en``); a long Latin text with neither
English nor another known language's words is ``und`` (undetermined).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

WORDS_FILE = Path(__file__).resolve().parent.parent / "seeds" / "reference" / "language_function_words.yaml"
SAMPLE_CHARS = 800
MIN_WORDS_FOR_UND = 20
ENGLISH_SHARE = 0.2  # English news prose is 28-40 % function words; others stay far below
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F\u1E00-\u1EFF]")

# (first, last code point, language) for scripts that settle the question on their own.
_SCRIPTS = (
    (0x0600, 0x06FF, "ar"), (0x0750, 0x077F, "ar"), (0x0400, 0x04FF, "ru"),
    (0x0590, 0x05FF, "he"), (0x0370, 0x03FF, "el"), (0x0530, 0x058F, "hy"),
    (0x10A0, 0x10FF, "ka"), (0x0900, 0x097F, "hi"), (0x3040, 0x30FF, "ja"),
    (0xAC00, 0xD7AF, "ko"), (0x4E00, 0x9FFF, "zh"),
)
_PERSIAN = set("پچژگکی")
_UKRAINIAN = set("іїєґІЇЄҐ")


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    with WORDS_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in data.items()}


@lru_cache(maxsize=1)
def _language_of_word() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang, words in function_words().items():
        for word in words:
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def _script_language(sample: str) -> str | None:
    """The language a non-Latin script gives away, when such letters are the majority."""
    others = _NON_LATIN.findall(sample)
    if not others:
        return None
    letters = len(_LETTER.findall(sample))
    counts: Counter[str] = Counter()
    for ch in others:
        code = ord(ch)
        for first, last, lang in _SCRIPTS:
            if first <= code <= last:
                counts[lang] += 1
                break
    if not counts:
        return None
    lang, n = counts.most_common(1)[0]
    if n * 2 < letters:
        return None
    if lang == "ar" and any(ch in _PERSIAN for ch in others):
        return "fa"
    if lang == "ru" and any(ch in _UKRAINIAN for ch in others):
        return "uk"
    if lang == "zh" and counts["ja"]:
        return "ja"
    return lang


def detect_language(text: str) -> str:
    """An ISO 639-1 code (``en``, ``fr``, ``ar``, ...) or ``und``, from the first 800
    characters (a few dozen microseconds an article)."""
    sample = text[:SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    lower = sample.lower()
    tokens = lower.split()
    english_hits = sum(map(function_words()["en"].__contains__, tokens))
    if english_hits >= 3 and english_hits >= ENGLISH_SHARE * len(tokens):
        return "en"  # the common case, settled by set look-ups of the bare tokens
    words = _WORD.findall(lower)
    scores: Counter[str] = Counter()
    index = _language_of_word()
    for word in words:
        for lang in index.get(word, ()):
            scores[lang] += 1
    english = scores.pop("en", 0)
    best, best_score = max(scores.items(), key=lambda kv: kv[1], default=("und", 0))
    if best_score >= 2 and best_score > 1.5 * english:
        return best
    if english or len(words) < MIN_WORDS_FOR_UND:
        return "en"
    return "und"


def is_english(language: str | None) -> bool:
    """True for ``en`` and its variants (``en-GB``); an unknown language counts as English,
    the language of the sample inbox and of the extractors."""
    return not language or language.strip().lower().split("-")[0].split("_")[0] in ("en", "eng", "english")


def count_not_english(records: Iterable[Any]) -> int:
    """How many records (anything with a ``language`` attribute or key) the English
    extractors cannot read: the figure for "not read by the English extractors"."""
    total = 0
    for record in records:
        language = record.get("language") if isinstance(record, dict) else getattr(record, "language", None)
        total += not is_english(language)
    return total


NOT_ENGLISH_SQL = ("coalesce(lower(split_part(split_part(language, '-', 1), '_', 1)), 'en') "
                   "NOT IN ('en', 'eng', 'english', '')")


def count_not_english_in(conn: Any, table: str = "raw.articles") -> int:
    """The same count over a DuckDB table with a ``language`` column."""
    return int(conn.execute(f"SELECT count(*) FROM {table} WHERE {NOT_ENGLISH_SQL}").fetchone()[0])
