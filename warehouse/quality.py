"""Data-quality rules that dbt cannot see, as SQL over the raw tables.

Each rule returns a ``RuleResult``: how many rows break it and a few of them, so the Dagster
asset checks (``orchestration/checks.py``) can say why in the UI. Rules run read-only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb




@dataclass(frozen=True)
class RuleResult:
    failing: int
    checked: int
    examples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.failing == 0


def _run(conn: duckdb.DuckDBPyConnection, failing_sql: str, checked_sql: str) -> RuleResult:
    rel = conn.sql(failing_sql)
    columns = rel.columns
    rows = rel.fetchall()
    checked = conn.execute(checked_sql).fetchone()[0]
    return RuleResult(
        failing=len(rows), checked=checked,
        examples=[dict(zip(columns, row)) for row in rows[:5]],
    )


def evidence_offsets_match(conn: duckdb.DuckDBPyConnection, table: str) -> RuleResult:
    """Claims whose offsets do not cut their evidence_text out of the article's text."""
    return _run(
        conn,
        f"""
        SELECT c.claim_id, c.article_id, c.evidence_start, c.evidence_end,
               left(c.evidence_text, 80) AS evidence_text,
               left(substring(a.text, c.evidence_start + 1, c.evidence_end - c.evidence_start), 80)
                   AS text_at_offsets
        FROM {table} c JOIN raw.articles a USING (article_id)
        WHERE substring(a.text, c.evidence_start + 1, c.evidence_end - c.evidence_start)
              IS DISTINCT FROM c.evidence_text
        """,
        f"SELECT count(*) FROM {table}",
    )


def claims_have_article(conn: duckdb.DuckDBPyConnection, table: str) -> RuleResult:
    """Claims whose article_id is not in raw.articles."""
    return _run(
        conn,
        f"""
        SELECT c.claim_id, c.article_id FROM {table} c
        WHERE NOT EXISTS (SELECT 1 FROM raw.articles a WHERE a.article_id = c.article_id)
        """,
        f"SELECT count(*) FROM {table}",
    )


def counts_ordered(conn: duckdb.DuckDBPyConnection, table: str) -> RuleResult:
    """Counts that are negative or out of order (need count_low <= count_best <= count_high)."""
    return _run(
        conn,
        f"""
        SELECT claim_id, count_low, count_best, count_high FROM {table}
        WHERE count_low < 0 OR count_best < 0 OR count_high < 0
           OR count_low > count_best OR count_best > count_high OR count_low > count_high
        """,
        f"SELECT count(*) FROM {table}",
    )


def quantities_non_negative(conn: duckdb.DuckDBPyConnection, table: str = "raw.equipment_losses") -> RuleResult:
    return _run(
        conn,
        f"SELECT claim_id, quantity FROM {table} WHERE quantity < 0",
        f"SELECT count(*) FROM {table}",
    )


def not_after_publication(conn: duckdb.DuckDBPyConnection, table: str) -> RuleResult:
    """Claims dated after the article that reports them was published."""
    return _run(
        conn,
        f"""
        SELECT c.claim_id, c.date_start, c.date_end, a.published_at FROM {table} c
        JOIN raw.articles a USING (article_id)
        WHERE a.published_at IS NOT NULL
          AND coalesce(c.date_end, c.date_start) > a.published_at
        """,
        f"SELECT count(*) FROM {table}",
    )


def unresolved_share(conn: duckdb.DuckDBPyConnection, table: str) -> tuple[float, float, int]:
    """(share of articles with a claim in ``table`` naming a place the gazetteer could not
    resolve, share with a claim of unknown date, number of articles with claims in ``table``)."""
    row = conn.execute(
        f"""
        WITH per_article AS (
            SELECT article_id,
                   bool_or(place_name IS NOT NULL AND geo_precision = 'unresolved') AS any_unresolved_place,
                   bool_or(date_precision = 'unknown') AS any_unknown_date
            FROM {table} GROUP BY article_id
        )
        SELECT coalesce(avg(any_unresolved_place::INT), 0), coalesce(avg(any_unknown_date::INT), 0),
               count(*)
        FROM per_article
        """
    ).fetchone()
    return float(row[0]), float(row[1]), int(row[2])


def events_without_claims(conn: duckdb.DuckDBPyConnection) -> RuleResult:
    """Reconciled control events that no claim backs (n_claims < 1 or an empty claim list)."""
    return _run(
        conn,
        "SELECT event_id, place_name, n_claims FROM marts.control_events "
        "WHERE coalesce(n_claims, 0) < 1 OR coalesce(len(claim_ids), 0) < 1",
        "SELECT count(*) FROM marts.control_events",
    )
