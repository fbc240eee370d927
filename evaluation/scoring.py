"""Matching extracted rows to gold facts, and the scores built on it (pure functions).

Rows are dicts with the warehouse contract's column names (what ``Claim.to_row()`` gives
and what the ``marts.fct_*`` tables hold). Gold facts are dicts in the shape of
``../shared/seeds/gold.yaml``. Nothing here reads files.

How a row matches a gold fact (per article and fact type)
---------------------------------------------------------
A gold value given as a list accepts any of its members; strings compare case-insensitively.
A matching field the gold fact leaves out does not constrain the row.

- control_change: gold ``place`` vs row ``place_name`` (case-insensitive, a leading "the"
  ignored, either containing the other; or both resolving to the same non-null place_id),
  gold ``new_controller`` == ``new_controller``, gold ``change_type`` == ``change_type``.
- casualty_claim: gold ``victim`` == ``victim_actor``; ``outcome`` == ``outcome``; when gold
  ``best`` is given (not null), ``best`` == ``count_best``; else when gold ``low`` is given,
  ``low`` == ``count_low``; else, when gold says ``best: null``, the row's ``count_best``
  must be null too.
- displacement_figure: ``population``; the count as for casualties; ``is_projection``.
- equipment_loss: gold ``model`` vs row ``model`` (case-, space- and hyphen-insensitive,
  "armored" = "armoured"); a *generic* gold model (all lower case, no digit: "tank",
  "armoured recovery vehicle") also matches a row whose model is null; ``category``;
  ``status``.

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

FA-KES (``score_fakes``), per ``../shared/benchmarks/fakes/README.md``: an article *hits*
when it has a ``killed`` casualty row whose ``count_best`` equals one of its non-zero gold
numbers (``nb_civilians``, ``nb_noncivilians``, their sum), or, where ``count_best`` is
null, whose ``count_low``..``count_high`` range contains it (``high`` null: equals low).
The victim type is right when some hit pairs a civilian number with a ``civilian`` or
``mixed`` row, a non-civilian number with a ``combatant`` or ``mixed`` row, or the sum of
two non-zero numbers with a ``mixed`` row. main-toll recall = hits / articles with a
non-zero gold number; victim-type accuracy = right victim type / hits.

Evidence (``check_evidence``): ``article_text[evidence_start:evidence_end]`` must equal
``evidence_text`` for every row.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .gold import FACT_TYPES, GoldArticle

Row = dict[str, Any]
GoldFact = dict[str, Any]
PlaceIdOf = Callable[[str], "str | None"]

# ---------------------------------------------------------------- value comparisons


def as_options(gold_value: Any) -> list[Any]:
    """A gold value as the list of values it accepts."""
    return list(gold_value) if isinstance(gold_value, (list, tuple)) else [gold_value]


def same_value(gold_value: Any, row_value: Any) -> bool:
    """Row value equals the gold value (any member of a list; strings case-insensitive)."""
    for option in as_options(gold_value):
        if isinstance(option, str) and isinstance(row_value, str):
            if option.strip().casefold() == row_value.strip().casefold():
                return True
        elif isinstance(option, bool) or isinstance(row_value, bool):
            if option is row_value:  # True/False only equal themselves (not 1/0)
                return True
        elif option == row_value:
            return True
    return False


def normalise_place(name: str) -> str:
    """Place name for comparison: lower case, no leading "the", single spaces."""
    text = re.sub(r"\s+", " ", name.strip().casefold())
    return re.sub(r"^the ", "", text)


def place_matches(gold_place: Any, row: Row, place_id_of: PlaceIdOf | None = None) -> bool:
    """Gold place vs row place_name: containment either way, or the same resolved place_id."""
    row_name = row.get("place_name")
    row_id = row.get("place_id")
    for option in as_options(gold_place):
        if option is None:
            if not row_name:
                return True
            continue
        gold_name = normalise_place(str(option))
        if row_name:
            name = normalise_place(row_name)
            if name and gold_name and (name in gold_name or gold_name in name):
                return True
        if row_id and place_id_of is not None and place_id_of(str(option)) == row_id:
            return True
    return False


def normalise_model(model: str) -> str:
    """Equipment model for comparison: lower case, no spaces or hyphens, British spelling."""
    text = model.casefold().replace("armored", "armoured")
    return re.sub(r"[\s\-‐‑–_]+", "", text)


def is_generic_model(model: str) -> bool:
    """A generic gold model ("tank", "armoured recovery vehicle"): all lower case, no digit."""
    return model == model.lower() and not any(ch.isdigit() for ch in model)


def model_matches(gold_model: Any, row: Row) -> bool:
    """Gold model vs row model (see module docstring)."""
    row_model = row.get("model")
    for option in as_options(gold_model):
        if option is None:
            if row_model is None:
                return True
            continue
        option = str(option)
        if row_model is not None and normalise_model(option) == normalise_model(str(row_model)):
            return True
        if row_model is None and is_generic_model(option):
            return True
    return False


def count_matches(gold: GoldFact, row: Row) -> bool:
    """Gold best vs count_best, else gold low vs count_low, else best: null vs null."""
    if gold.get("best") is not None:
        return same_value(gold["best"], row.get("count_best"))
    if gold.get("low") is not None:
        return same_value(gold["low"], row.get("count_low"))
    if "best" in gold:
        return row.get("count_best") is None
    return True


# ---------------------------------------------------------------- matching rules as data

# fact type -> [(gold key, row column)] compared with same_value.
PLAIN_MATCH_FIELDS: dict[str, list[tuple[str, str]]] = {
    "control_change": [("new_controller", "new_controller"), ("change_type", "change_type")],
    "casualty_claim": [("victim", "victim_actor"), ("outcome", "outcome")],
    "displacement_figure": [("population", "population"), ("is_projection", "is_projection")],
    "equipment_loss": [("category", "category"), ("status", "status")],
}


def fact_matches(fact_type: str, gold: GoldFact, row: Row, place_id_of: PlaceIdOf | None = None) -> bool:
    """Does ``row`` (of ``fact_type``) state the gold fact? The rules of the module docstring."""
    for gold_key, column in PLAIN_MATCH_FIELDS[fact_type]:
        if gold_key in gold and not same_value(gold[gold_key], row.get(column)):
            return False
    if fact_type == "control_change" and "place" in gold:
        return place_matches(gold["place"], row, place_id_of)
    if fact_type in ("casualty_claim", "displacement_figure"):
        return count_matches(gold, row)
    if fact_type == "equipment_loss" and "model" in gold:
        return model_matches(gold["model"], row)
    return True


# ---------------------------------------------------------------- must_not

# must_not field -> row column, where it differs from the field name.
MUST_NOT_COLUMNS: dict[str, dict[str, str]] = {
    "control_change": {"place": "place_name"},
    "casualty_claim": {"best": "count_best", "low": "count_low", "victim": "victim_actor"},
    "displacement_figure": {"best": "count_best", "low": "count_low"},
    "equipment_loss": {"best": "quantity", "owner": "owner_actor", "captor": "captor_actor"},
}


def violates(entry: GoldFact, fact_type: str, row: Row, place_id_of: PlaceIdOf | None = None) -> bool:
    """Does ``row`` (of ``fact_type``) have every field value a ``must_not`` entry lists?"""
    if entry.get("type") not in (fact_type, "any"):
        return False
    columns = MUST_NOT_COLUMNS[fact_type]
    for key, value in entry.items():
        if key in ("type", "note"):
            continue
        column = columns.get(key, key)
        if column not in row:
            return False
        if key == "place":
            if not place_matches(value, row, place_id_of):
                return False
        elif key == "model":
            if not model_matches(value, row):
                return False
        elif not same_value(value, row[column]):
            return False
    return True


# ---------------------------------------------------------------- attributes


def _year_or_date_bounds(value: Any) -> tuple[date, date] | None:
    """(first day, last day) a gold date value allows; None when it is not a date."""
    if isinstance(value, date):
        return value, value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 2200:
        return date(value, 1, 1), date(value, 12, 31)
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
        return day, day
    return None


def date_matches(gold_value: Any, start: Any, end: Any) -> bool | None:
    """Row span (start, end) vs a gold date / year / [earliest, latest] / null; None if unscorable."""
    if gold_value is None:
        return start is None and end is None
    if isinstance(gold_value, (list, tuple)):
        if len(gold_value) != 2:
            return None
        first, last = _year_or_date_bounds(gold_value[0]), _year_or_date_bounds(gold_value[1])
        if first is None or last is None:
            return None
        low, high = first[0], last[1]
    else:
        bounds = _year_or_date_bounds(gold_value)
        if bounds is None:
            return None
        low, high = bounds
        if low == high:  # a single day: the row must say exactly that day
            return start == low and end == low
    if start is None or end is None:
        return False
    return low <= start <= end <= high


def normalise_words(text: str) -> str:
    """Lower-case words only, single spaces (for claimant comparison)."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def claimant_matches(gold_value: Any, row_claimant: Any) -> bool:
    """Gold claimant vs row claimant: normalised words, either containing the other."""
    for option in as_options(gold_value):
        if option is None:
            if not row_claimant:
                return True
            continue
        if row_claimant:
            gold_words, row_words = normalise_words(str(option)), normalise_words(str(row_claimant))
            if gold_words and row_words and (gold_words in row_words or row_words in gold_words):
                return True
    return False


def attribute_results(fact_type: str, gold: GoldFact, row: Row) -> dict[str, bool]:
    """For each attribute the gold fact gives (and that can be scored): is the row right?"""
    results: dict[str, bool] = {}
    if "event_date" in gold:
        verdict = date_matches(gold["event_date"], row.get("date_start"), row.get("date_end"))
        if verdict is not None:
            results["event_date"] = verdict
    if "period_start" in gold and fact_type == "casualty_claim":
        verdict = date_matches(gold["period_start"], row.get("period_start"), row.get("period_start"))
        if verdict is not None:
            results["period_start"] = verdict
    if "claimant" in gold:
        results["claimant"] = claimant_matches(gold["claimant"], row.get("claimant"))
    plain = {
        "previous_controller": "previous_controller", "qualifier": "qualifier",
        "victim_type": "victim_type", "quantity": "quantity",
        "owner": "owner_actor", "captor": "captor_actor",
    }
    for gold_key, column in plain.items():
        if gold_key in gold and column in row:
            results[gold_key] = same_value(gold[gold_key], row.get(column))
    return results


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


# ---------------------------------------------------------------- evidence offsets


@dataclass
class EvidenceCheck:
    """How many rows had their evidence offsets checked, and the ones that failed (row, reason)."""

    checked: int = 0
    failures: list[tuple[Row, str]] = field(default_factory=list)


def evidence_problem(row: Row, text: str | None) -> str | None:
    """Why ``text[evidence_start:evidence_end]`` does not give back ``evidence_text``; None if it does."""
    if text is None:
        return "article text not available"
    start, end, evidence = row.get("evidence_start"), row.get("evidence_end"), row.get("evidence_text")
    if start is None or end is None or evidence is None:
        return "evidence offsets or text missing"
    if not 0 <= start <= end <= len(text):
        return f"offsets {start}:{end} outside the article ({len(text)} characters)"
    if text[start:end] != evidence:
        return f"text[{start}:{end}] differs from evidence_text"
    return None


def check_evidence(rows: Iterable[Row], texts: Mapping[str, str]) -> EvidenceCheck:
    """Check every row's evidence offsets against its article's text (``texts[article_id]``)."""
    result = EvidenceCheck()
    for row in rows:
        result.checked += 1
        problem = evidence_problem(row, texts.get(row.get("article_id")))
        if problem:
            result.failures.append((row, problem))
    return result


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
