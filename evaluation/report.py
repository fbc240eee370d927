"""Rendering evaluation results: readable plain text, or JSON-ready dicts."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .gold import FACT_TYPES
from .evidence import EvidenceCheck
from .fakes_scoring import FakesReport
from .matching import Row
from .scoring import GoldReport, TypeScore

# The columns that identify a row of each fact type when it is printed.
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "control_change": ("place_name", "new_controller", "previous_controller", "change_type", "date_start"),
    "casualty_claim": ("victim_actor", "victim_type", "outcome", "count_low", "count_best", "count_high",
                       "qualifier", "claimant"),
    "displacement_figure": ("population", "count_low", "count_best", "count_high", "qualifier", "is_projection"),
    "equipment_loss": ("equipment_text", "model", "category", "status", "quantity", "owner_actor"),
}
EVIDENCE_WIDTH = 400


def ratio(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def key_fields(fact_type: str, row: Row) -> dict[str, Any]:
    """The identifying columns of a row (for printing and JSON)."""
    return {column: row.get(column) for column in KEY_COLUMNS[fact_type]}


def compact(values: Mapping[str, Any]) -> str:
    """``k=v`` pairs, leaving out nulls."""
    return " ".join(f"{key}={_show(value)}" for key, value in values.items() if value is not None)


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + "|".join(_show(v) for v in value) + "]"
    text = str(value)
    return f'"{text}"' if " " in text else text


def shorten(text: str | None, width: int = EVIDENCE_WIDTH) -> str:
    text = re.sub(r"\s+", " ", text or "")
    return text if len(text) <= width else text[: width - 1] + "…"


def total_score(scores: Mapping[str, TypeScore]) -> TypeScore:
    """All fact types summed into one TypeScore."""
    total = TypeScore("all")
    for score in scores.values():
        for name in ("true_rows", "false_rows", "neutral_rows", "gold", "gold_found", "optional_gold", "optional_found"):
            setattr(total, name, getattr(total, name) + getattr(score, name))
    return total


# ---------------------------------------------------------------- text


def gold_text(report: GoldReport, source: str, limit: int | None = None, only_type: str | None = None) -> list[str]:
    """Lines of the gold-file report: scores table, attributes, misses, false rows, violations."""
    lines = [f"== Gold: {source}: {len(report.articles_scored)} articles scored"
             + (f", {len(report.articles_missing)} not found in the corpus" if report.articles_missing else "")]
    if report.articles_missing:
        lines.append("   not found: " + ", ".join(report.articles_missing[:20])
                     + (" …" if len(report.articles_missing) > 20 else ""))
    header = f"{'fact type':<20} {'rows':>5} {'true':>5} {'false':>5} {'opt':>4} {'gold':>5} {'found':>5}  {'P':>5} {'R':>5} {'F1':>5}"
    lines += ["", header, "-" * len(header)]
    for score in [*report.scores.values(), total_score(report.scores)]:
        lines.append(
            f"{score.fact_type:<20} {score.rows:>5} {score.true_rows:>5} {score.false_rows:>5} "
            f"{score.neutral_rows:>4} {score.gold:>5} {score.gold_found:>5}  "
            f"{ratio(score.precision):>5} {ratio(score.recall):>5} {ratio(score.f1):>5}"
        )
    lines += ["", "-- Attribute accuracy (rows matching a gold fact that gives the attribute)"]
    if not report.attributes:
        lines.append("   (none scored)")
    for (fact_type, name), (right, scored) in sorted(report.attributes.items()):
        lines.append(f"   {fact_type:<20} {name:<20} {right:>4}/{scored:<4} {ratio(right / scored)}")

    def wanted(fact_type: str) -> bool:
        return only_type is None or fact_type == only_type

    misses = [m for m in report.misses if wanted(m.fact_type)]
    lines += ["", f"-- Misses: gold facts no row matched ({len(misses)})"]
    for miss in _limited(misses, limit, lines):
        fact = {k: v for k, v in miss.fact.items() if k != "optional"}
        lines.append(f"   {miss.article}  [{miss.fact_type}]  {compact(fact)}")

    false_rows = [f for f in report.false_rows if wanted(f.fact_type)]
    lines += ["", f"-- False rows: rows matching no gold fact ({len(false_rows)})"]
    for item in _limited(false_rows, limit, lines):
        lines.append(f"   {item.article}  [{item.fact_type}]  {compact(key_fields(item.fact_type, item.row))}")
        lines.append(f"      evidence: {shorten(item.row.get('evidence_text'))}")

    violations = [v for v in report.violations if wanted(v.fact_type)]
    lines += ["", f"-- must_not violations ({len(violations)})"]
    for item in _limited(violations, limit, lines):
        lines.append(f"   {item.article}  [{item.fact_type}]  breaks must_not {compact(item.entry)}: "
                     f"{compact(key_fields(item.fact_type, item.row))}")
        lines.append(f"      evidence: {shorten(item.row.get('evidence_text'))}")
    return lines


def _limited(items: list[Any], limit: int | None, lines: list[str]) -> list[Any]:
    if limit is not None and len(items) > limit:
        lines.append(f"   (showing {limit} of {len(items)}; see --limit)")
        return items[:limit]
    return items


def evidence_text_lines(check: EvidenceCheck, limit: int | None = 10) -> list[str]:
    lines = ["", f"== Evidence offsets: {check.checked} rows checked, {len(check.failures)} failures"]
    for row, problem in _limited(check.failures, limit, lines):
        lines.append(f"   {row.get('article_id')}  claim {row.get('claim_id')}: {problem}")
    return lines


def fakes_text(report: FakesReport, source: str, texts: Mapping[str, str], show_misses: int = 0) -> list[str]:
    """Lines of the FA-KES report; ``show_misses`` articles without a hit are listed with the
    sentences of the article that contain a gold number."""
    lines = [
        "", f"== FA-KES: {source}",
        f"   articles scored:       {report.articles_scored}  (CSV rows with a non-zero gold number; "
        f"{report.articles_without_number} without, {len(report.articles_missing)} not in the corpus)",
        f"   main-toll recall:      {ratio(report.recall)}  ({report.hits}/{report.articles_scored})",
        f"   victim-type accuracy:  {ratio(report.victim_type_accuracy)}  ({report.type_right}/{report.hits})",
        "   (FA-KES: Abu Salem et al. 2019, CC BY 4.0)",
    ]
    misses = [r for r in report.results if not r.hit]
    if show_misses:
        lines.append(f"-- Misses ({min(show_misses, len(misses))} of {len(misses)})")
        for result in misses[:show_misses]:
            gold = ", ".join(f"{n.source}={n.value}" for n in result.numbers)
            found = ", ".join(
                f"{r.get('count_best') if r.get('count_best') is not None else r.get('count_low')}"
                f" {r.get('victim_type')}" for r in result.killed_rows
            ) or "none"
            lines.append(f"   {result.unit_id}  gold: {gold}  |  killed rows: {found}")
            for sentence in sentences_with_numbers(texts.get(result.unit_id, ""), [n.value for n in result.numbers]):
                lines.append(f"      text: {shorten(sentence, 300)}")
    return lines


def sentences_with_numbers(text: str, numbers: list[int], at_most: int = 2) -> list[str]:
    """Up to ``at_most`` sentences of ``text`` in which one of ``numbers`` is written in digits."""
    from extractors.text import split_sentences

    patterns = [re.compile(rf"(?<![\d.,]){n}(?![\d])") for n in numbers]
    found = [s.text for s in split_sentences(text) if any(p.search(s.text) for p in patterns)]
    return found[:at_most]


# ---------------------------------------------------------------- JSON


def score_dict(score: TypeScore) -> dict[str, Any]:
    return {
        "rows": score.rows, "true_rows": score.true_rows, "false_rows": score.false_rows,
        "optional_rows": score.neutral_rows, "gold": score.gold, "gold_found": score.gold_found,
        "optional_gold": score.optional_gold, "optional_found": score.optional_found,
        "precision": score.precision, "recall": score.recall, "f1": score.f1,
    }


def gold_json(report: GoldReport) -> dict[str, Any]:
    return {
        "articles_scored": report.articles_scored,
        "articles_missing": report.articles_missing,
        "scores": {t: score_dict(report.scores[t]) for t in FACT_TYPES} | {"all": score_dict(total_score(report.scores))},
        "attributes": [
            {"fact_type": t, "attribute": name, "right": right, "scored": scored, "accuracy": right / scored}
            for (t, name), (right, scored) in sorted(report.attributes.items())
        ],
        "misses": [{"article": m.article, "fact_type": m.fact_type, "fact": m.fact} for m in report.misses],
        "false_rows": [
            {"article": f.article, "fact_type": f.fact_type, "claim_id": f.row.get("claim_id"),
             **key_fields(f.fact_type, f.row), "evidence_text": f.row.get("evidence_text")}
            for f in report.false_rows
        ],
        "must_not_violations": [
            {"article": v.article, "fact_type": v.fact_type, "must_not": v.entry, "claim_id": v.row.get("claim_id"),
             **key_fields(v.fact_type, v.row), "evidence_text": v.row.get("evidence_text")}
            for v in report.violations
        ],
    }


def evidence_json(check: EvidenceCheck) -> dict[str, Any]:
    return {
        "checked": check.checked,
        "failures": [{"article_id": r.get("article_id"), "claim_id": r.get("claim_id"), "problem": p}
                     for r, p in check.failures],
    }


def fakes_json(report: FakesReport, show_misses: int = 0) -> dict[str, Any]:
    misses = [r for r in report.results if not r.hit]
    return {
        "articles_scored": report.articles_scored,
        "articles_without_number": report.articles_without_number,
        "articles_missing": len(report.articles_missing),
        "hits": report.hits, "main_toll_recall": report.recall,
        "victim_type_right": report.type_right, "victim_type_accuracy": report.victim_type_accuracy,
        "misses": [
            {"unit_id": r.unit_id, "gold": {n.source: n.value for n in r.numbers},
             "killed_rows": [key_fields("casualty_claim", row) for row in r.killed_rows]}
            for r in misses[:show_misses]
        ],
        "attribution": "FA-KES: Abu Salem et al. 2019, CC BY 4.0",
    }
