"""Scores of extracted rows against a gold file (pure functions; matching in ``matching.py``).

Scores
------
A row is *true* when it matches a non-optional gold fact of its article, *neutral* when it
matches only ``optional: true`` facts, *false* otherwise. Several rows may match the same
gold fact (the fact tables keep every claim as reported): each counts as true.

- precision = true rows / (true + false rows)
- recall = non-optional gold facts matched by at least one row / non-optional gold facts
- F1 = harmonic mean of the two.

Attribute accuracy is scored on true and neutral rows, against the gold fact they match
(the one agreeing on most attributes when several do), for each attribute the gold fact
gives: ``event_date`` (vs date_start/date_end: a single date needs start == end == it; a
year needs both inside it; a list [earliest, latest] needs both inside that range; null
needs both null), ``period_start``, ``previous_controller``, ``claimant`` (normalised words,
either containing the other; null needs null), ``qualifier``, ``victim_type``, and for
equipment ``quantity``, ``owner`` (owner_actor), ``captor`` (captor_actor).

``must_not``: an entry ``{type: T, field: value, ...}`` is violated by every row of type T
(any type for ``any``) in that article whose named fields match the values, compared with
the same field rules as above (``best`` means ``quantity`` for equipment). A row without
one of the named columns (a control change has no count) cannot violate it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .gold import FACT_TYPES, GoldArticle
from .matching import GoldFact, PlaceIdOf, Row, attribute_results, fact_matches, violates

# ---------------------------------------------------------------- scoring one gold file


@dataclass
class TypeScore:
    """Counts for one fact type over all gold articles."""

    fact_type: str
    true_rows: int = 0
    false_rows: int = 0
    neutral_rows: int = 0  # rows matching only optional gold facts
    gold: int = 0  # non-optional gold facts
    gold_found: int = 0
    optional_gold: int = 0
    optional_found: int = 0

    @property
    def rows(self) -> int:
        return self.true_rows + self.false_rows + self.neutral_rows

    @property
    def precision(self) -> float | None:
        scored = self.true_rows + self.false_rows
        return self.true_rows / scored if scored else None

    @property
    def recall(self) -> float | None:
        return self.gold_found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)


@dataclass
class Miss:
    """A non-optional gold fact no row matched."""

    article: str
    fact_type: str
    fact: GoldFact


@dataclass
class FalseRow:
    """A row matching no gold fact of its article."""

    article: str
    fact_type: str
    row: Row


@dataclass
class Violation:
    """A row that states what a ``must_not`` entry says the article does not."""

    article: str
    fact_type: str
    entry: GoldFact
    row: Row


@dataclass
class GoldReport:
    """Everything ``score_gold`` found."""

    scores: dict[str, TypeScore]
    attributes: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # -> [right, scored]
    misses: list[Miss] = field(default_factory=list)
    false_rows: list[FalseRow] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    articles_scored: list[str] = field(default_factory=list)
    articles_missing: list[str] = field(default_factory=list)


def best_gold_match(fact_type: str, row: Row, facts: list[GoldFact],
                    place_id_of: PlaceIdOf | None = None) -> tuple[int, GoldFact] | None:
    """(index, fact) of the gold fact the row matches, preferring non-optional facts and then
    the one agreeing on most attributes; None when it matches none."""
    candidates = [(i, fact) for i, fact in enumerate(facts) if fact_matches(fact_type, fact, row, place_id_of)]
    if not candidates:
        return None

    def rank(item: tuple[int, GoldFact]) -> tuple[int, int]:
        _, fact = item
        agreed = sum(attribute_results(fact_type, fact, row).values())
        return (0 if fact.get("optional") else 1, agreed)

    return max(candidates, key=rank)


def score_article(gold: GoldArticle, rows_by_type: Mapping[str, list[Row]], report: GoldReport,
                  place_id_of: PlaceIdOf | None = None) -> None:
    """Add one article's matches, misses, false rows and violations to ``report``."""
    for fact_type in FACT_TYPES:
        facts = gold.facts.get(fact_type, [])
        rows = rows_by_type.get(fact_type, [])
        score = report.scores[fact_type]
        found: set[int] = set()
        for row in rows:
            match = best_gold_match(fact_type, row, facts, place_id_of)
            if match is None:
                score.false_rows += 1
                report.false_rows.append(FalseRow(gold.key, fact_type, row))
                continue
            index, fact = match
            found.add(index)
            if fact.get("optional"):
                score.neutral_rows += 1
            else:
                score.true_rows += 1
            for name, right in attribute_results(fact_type, fact, row).items():
                tally = report.attributes.setdefault((fact_type, name), [0, 0])
                tally[0] += int(right)
                tally[1] += 1
        # A fact also counts as found when a row matched it but preferred another fact.
        for i, fact in enumerate(facts):
            if i not in found and any(fact_matches(fact_type, fact, row, place_id_of) for row in rows):
                found.add(i)
            if fact.get("optional"):
                score.optional_gold += 1
                score.optional_found += int(i in found)
            else:
                score.gold += 1
                score.gold_found += int(i in found)
                if i not in found:
                    report.misses.append(Miss(gold.key, fact_type, fact))
        for entry in gold.must_not:
            for row in rows:
                if violates(entry, fact_type, row, place_id_of):
                    report.violations.append(Violation(gold.key, fact_type, entry, row))


def score_gold(gold: Mapping[str, GoldArticle], rows_by_article: Mapping[str, Mapping[str, list[Row]]],
               place_id_of: PlaceIdOf | None = None) -> GoldReport:
    """Score rows (grouped by gold article key, then fact type) against a gold file.

    Articles of the gold file absent from ``rows_by_article`` are listed as missing and
    left out of the scores; articles without gold are ignored.
    """
    report = GoldReport(scores={fact_type: TypeScore(fact_type) for fact_type in FACT_TYPES})
    for key, article in gold.items():
        if key not in rows_by_article:
            report.articles_missing.append(key)
            continue
        report.articles_scored.append(key)
        score_article(article, rows_by_article[key], report, place_id_of)
    return report
