"""Evidence offsets: every row's quoted sentence must be the article text at its offsets.

Evidence (``check_evidence``): ``article_text[evidence_start:evidence_end]`` must equal
``evidence_text`` for every row.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .matching import Row

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
