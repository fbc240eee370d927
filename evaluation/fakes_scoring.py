"""FA-KES main-toll scoring (pure functions).

FA-KES (``score_fakes``), per ``../shared/benchmarks/fakes/README.md``: an article *hits*
when it has a ``killed`` casualty row whose ``count_best`` equals one of its non-zero gold
numbers (``nb_civilians``, ``nb_noncivilians``, their sum), or, where ``count_best`` is
null, whose ``count_low``..``count_high`` range contains it (``high`` null: equals low).
The victim type is right when some hit pairs a civilian number with a ``civilian`` or
``mixed`` row, a non-civilian number with a ``combatant`` or ``mixed`` row, or the sum of
two non-zero numbers with a ``mixed`` row. main-toll recall = hits / articles with a
non-zero gold number; victim-type accuracy = right victim type / hits.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .matching import Row

# ---------------------------------------------------------------- FA-KES


@dataclass(frozen=True)
class GoldNumber:
    """One FA-KES gold number and the victim types that count as right for it."""

    value: int
    source: str  # nb_civilians, nb_noncivilians, sum
    right_types: frozenset[str]


@dataclass(frozen=True)
class FakesRecord:
    """The labels of one FA-KES article that the scoring uses."""

    unit_id: str
    nb_civilians: int
    nb_noncivilians: int


def fakes_gold_numbers(record: FakesRecord) -> list[GoldNumber]:
    """Non-zero gold numbers of an article: civilians, non-civilians, and their sum."""
    numbers = []
    if record.nb_civilians > 0:
        numbers.append(GoldNumber(record.nb_civilians, "nb_civilians", frozenset({"civilian", "mixed"})))
    if record.nb_noncivilians > 0:
        numbers.append(GoldNumber(record.nb_noncivilians, "nb_noncivilians", frozenset({"combatant", "mixed"})))
    if record.nb_civilians > 0 and record.nb_noncivilians > 0:
        numbers.append(GoldNumber(record.nb_civilians + record.nb_noncivilians, "sum", frozenset({"mixed"})))
    return numbers


def count_equals(row: Row, value: int) -> bool:
    """count_best == value, or (best null) count_low..count_high contains it."""
    best = row.get("count_best")
    if best is not None:
        return best == value
    low, high = row.get("count_low"), row.get("count_high")
    if low is None:
        return False
    return low <= value <= (high if high is not None else low)


@dataclass
class FakesArticleResult:
    """One scored FA-KES article: its gold numbers, killed rows, whether it hit and typed right."""

    unit_id: str
    numbers: list[GoldNumber]
    killed_rows: list[Row]
    hit: bool
    type_right: bool


@dataclass
class FakesReport:
    """FA-KES main-toll scores."""

    results: list[FakesArticleResult] = field(default_factory=list)
    articles_without_number: int = 0
    articles_missing: list[str] = field(default_factory=list)  # in the CSV, not among the rows' articles

    @property
    def articles_scored(self) -> int:
        return len(self.results)

    @property
    def hits(self) -> int:
        return sum(r.hit for r in self.results)

    @property
    def type_right(self) -> int:
        return sum(r.type_right for r in self.results)

    @property
    def recall(self) -> float | None:
        return self.hits / self.articles_scored if self.results else None

    @property
    def victim_type_accuracy(self) -> float | None:
        return self.type_right / self.hits if self.hits else None


def score_fakes_article(record: FakesRecord, casualty_rows: list[Row]) -> FakesArticleResult:
    """Hit and victim-type verdict for one article with at least one non-zero gold number."""
    numbers = fakes_gold_numbers(record)
    killed = [row for row in casualty_rows if row.get("outcome") == "killed"]
    pairs = [(number, row) for number in numbers for row in killed if count_equals(row, number.value)]
    return FakesArticleResult(
        unit_id=record.unit_id, numbers=numbers, killed_rows=killed, hit=bool(pairs),
        type_right=any(row.get("victim_type") in number.right_types for number, row in pairs),
    )


def score_fakes(records: Iterable[FakesRecord], casualty_rows_by_article: Mapping[str, list[Row]],
                known_articles: Iterable[str] | None = None) -> FakesReport:
    """Main-toll recall and victim-type accuracy over FA-KES records.

    ``casualty_rows_by_article`` maps unit_id to its casualty rows. ``known_articles`` lists
    the unit_ids the rows came from (articles with no rows included); records outside it
    are reported as missing, not scored. None means every record is known.
    """
    known = None if known_articles is None else set(known_articles)
    report = FakesReport()
    for record in records:
        if known is not None and record.unit_id not in known:
            report.articles_missing.append(record.unit_id)
            continue
        if not fakes_gold_numbers(record):
            report.articles_without_number += 1
            continue
        report.results.append(score_fakes_article(record, list(casualty_rows_by_article.get(record.unit_id, []))))
    return report
