"""The held-out FA-KES gold file (tests/gold/fakes_holdout_gold.yaml) is well formed and honest.

Checks: it loads with the project's gold loader, holds at least 20 articles, shares no
article with fakes_dev_gold.yaml (the set rules are tuned on), names only unit_ids of
FA-KES dev.csv, and every non-vague number it annotates is written in its article (as
digits or as words: "Seventy-six", "nine million", "2.6 million").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluation.gold import GoldArticle, load_gold
from evaluation.sources import load_fakes_articles

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
HOLDOUT = GOLD_DIR / "fakes_holdout_gold.yaml"
DEV_GOLD = GOLD_DIR / "fakes_dev_gold.yaml"
MIN_ARTICLES = 20
COUNT_FIELDS = ("best", "low", "high", "quantity")  # gold keys holding counts

# Number words -> value; "hundred" etc. multiply what precedes them.
UNITS: dict[str, int] = {
    word: value for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS: dict[str, int] = {
    word: 10 * (i + 2) for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+")


def _tokens(text: str) -> list[str]:
    """Lower-case tokens: numbers (with an optional decimal part) and words."""
    return TOKEN.findall(text.casefold())


def numbers_in_text(text: str) -> set[int]:
    """Every whole number the text writes: digit groups, a digit group times a scale word
    ("2.6 million"), and runs of number words ("seventy-six", "nine million")."""
    found: set[int] = set()
    tokens = _tokens(text)
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = float(token)
            found.add(int(value))
            if i + 1 < len(tokens) and tokens[i + 1] in SCALES:
                found.add(round(value * SCALES[tokens[i + 1]]))
    total, current, in_run = 0, 0, False
    for token in [*tokens, "<end>"]:
        if token in UNITS or token in TENS:
            current += UNITS.get(token, 0) + TENS.get(token, 0)
            in_run = True
        elif token in SCALES and in_run:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, 0
            found.add(total + current)
        else:
            if in_run:
                found.add(total + current)
            total, current, in_run = 0, 0, False
    return found


def annotated_counts(article: GoldArticle) -> Iterator[tuple[str, int]]:
    """(fact description, count) for every non-vague count the article's facts give.
    A count of 1 is left out: "a woman was killed" states it without a numeral."""
    for fact_type, facts in article.facts.items():
        for fact in facts:
            if "vague" in _as_list(fact.get("qualifier")):
                continue
            for key in COUNT_FIELDS:
                for value in _as_list(fact.get(key)):
                    if isinstance(value, int) and value != 1:
                        yield f"{fact_type} {key}={value} {fact}", value


def _as_list(value: object) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


@pytest.fixture(scope="module")
def holdout() -> dict[str, GoldArticle]:
    return load_gold(HOLDOUT)


@pytest.fixture
def dev_texts(shared_dir: Path) -> dict[str, str]:
    """unit_id -> article text of FA-KES dev.csv (skipped when ../shared is absent)."""
    return {a.article_id: a.text for a in load_fakes_articles(shared_dir / "benchmarks" / "fakes" / "dev.csv")}


def test_number_reader_understands_digits_words_and_scales():
    text = "Seventy-six died, 2.6 million fled, nine million left and 5812 were hurt; 1,200 too."
    assert {76, 2_600_000, 9_000_000, 5812, 1, 200} <= numbers_in_text(text)
    assert 77 not in numbers_in_text(text)


def test_holdout_has_enough_articles(holdout):
    assert len(holdout) >= MIN_ARTICLES


def test_holdout_shares_no_article_with_the_dev_gold(holdout):
    shared = set(holdout) & set(load_gold(DEV_GOLD))
    assert not shared, f"held-out articles also in fakes_dev_gold.yaml: {sorted(shared)}"


def test_every_holdout_article_is_in_dev_csv(holdout, dev_texts):
    unknown = sorted(set(holdout) - set(dev_texts))
    assert not unknown, f"unit_ids not in dev.csv: {unknown}"


def test_every_annotated_number_is_written_in_its_article(holdout, dev_texts):
    missing = [
        f"{key}: {description}"
        for key, article in holdout.items() if key in dev_texts
        for description, count in annotated_counts(article)
        if count not in numbers_in_text(dev_texts[key])
    ]
    assert not missing, "counts not found in the article text:\n" + "\n".join(missing)


def test_holdout_covers_every_fact_type(holdout):
    """The set was chosen to hold control changes, displacement figures and equipment losses."""
    def articles_with(fact_type: str) -> int:
        return sum(
            any(not fact.get("optional") for fact in article.facts.get(fact_type, []))
            for article in holdout.values()
        )

    assert articles_with("control_change") >= 5
    assert articles_with("displacement_figure") >= 3
    assert articles_with("equipment_loss") >= 2
