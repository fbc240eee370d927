"""``marts.refresh_runs``: one row per refresh, written into the build just before it is
published (and, for a refresh that died before publishing, by the next one, as 'abandoned')."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb
import polars as pl

COLUMNS = {
    "run_id": pl.String, "started_at": pl.Datetime("us"), "ended_at": pl.Datetime("us"),
    "outcome": pl.String, "files_seen": pl.Int64, "files_new": pl.Int64, "files_changed": pl.Int64,
    "articles_new": pl.Int64, "articles_extracted": pl.Int64, "quarantined": pl.Int64,
    "claims_added": pl.Int64, "extraction_errors": pl.Int64, "extractor_version": pl.String,
    "ingestion_seconds": pl.Float64, "extraction_seconds": pl.Float64, "dbt_seconds": pl.Float64,
}

DDL = ("CREATE SCHEMA IF NOT EXISTS marts; CREATE TABLE IF NOT EXISTS marts.refresh_runs ("
       + ", ".join(f"{name} {duck}" for name, duck in [
           ("run_id", "VARCHAR"), ("started_at", "TIMESTAMP"), ("ended_at", "TIMESTAMP"), ("outcome", "VARCHAR"),
           ("files_seen", "BIGINT"), ("files_new", "BIGINT"), ("files_changed", "BIGINT"),
           ("articles_new", "BIGINT"), ("articles_extracted", "BIGINT"), ("quarantined", "BIGINT"),
           ("claims_added", "BIGINT"), ("extraction_errors", "BIGINT"), ("extractor_version", "VARCHAR"),
           ("ingestion_seconds", "DOUBLE"), ("extraction_seconds", "DOUBLE"), ("dbt_seconds", "DOUBLE")])
       + ")")


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def run_row(status: dict[str, Any], outcome: str, ended_at: datetime | None = None) -> dict[str, Any]:
    """A ``marts.refresh_runs`` row from a refresh's status (``Refresh.status()``)."""
    figures = status.get("figures", {})
    row = {name: figures.get(name) for name in COLUMNS}
    row.update(run_id=status.get("run_id"), started_at=_time(status.get("started_at")),
               ended_at=ended_at or _time(status.get("ended_at")), outcome=outcome)
    return row


def append_runs(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    conn.execute(DDL)
    if rows:
        frame = pl.DataFrame(rows, schema=COLUMNS)  # noqa: F841 (read by DuckDB below)
        conn.execute("INSERT INTO marts.refresh_runs BY NAME SELECT * FROM frame")
