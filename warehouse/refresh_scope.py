"""``raw.refresh_scope``: the articles this refresh changed (new, metadata or near-duplicate
link changed, copies added or removed, extracted), so that the checks of an incremental
refresh (dbt data tests, Dagster asset checks) look only at the rows it wrote. Rows of other
articles were checked by the refresh that wrote them, and are unchanged since.

Filled by ingestion and extraction in the run's build; dropped from the build just before it
is published, so a published warehouse never holds one (and equals a full build).
"""
from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl

TABLE = "raw.refresh_scope"
ENV = "SITREP_CHECK_SCOPE"  # "changed": dbt's data tests look at the scope only (else: every row)
FILTER = f"article_id IN (SELECT article_id FROM {TABLE})"


def mark_changed(conn: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """Add ``article_ids`` to this refresh's scope (caller's transaction)."""
    ids = pl.DataFrame({"article_id": sorted(set(article_ids))}, schema={"article_id": pl.String})  # noqa: F841
    conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (article_id VARCHAR)")
    conn.execute(f"INSERT INTO {TABLE} SELECT article_id FROM ids "
                 f"WHERE article_id NOT IN (SELECT article_id FROM {TABLE})")


def drop_scope(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")


def scope_exists(conn: duckdb.DuckDBPyConnection) -> bool:
    try:
        conn.execute(f"SELECT 1 FROM {TABLE} LIMIT 0")
        return True
    except duckdb.CatalogException:
        return False


def scope_size(conn: duckdb.DuckDBPyConnection) -> int:
    try:
        return conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
    except duckdb.CatalogException:
        return 0
