"""Opening the warehouse, creating the raw schema, and replacing tables atomically."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO_ROOT / "data" / "sitrep.duckdb"
DEFAULT_INBOX = REPO_ROOT / "seeds" / "articles"


def db_path() -> Path:
    """The warehouse file: ``SITREP_DB``, default ``data/sitrep.duckdb`` in the repo."""
    return Path(os.environ.get("SITREP_DB") or DEFAULT_DB)


def inbox_path() -> Path:
    """The inbox folder: ``SITREP_INBOX``, default the built-in sample articles."""
    return Path(os.environ.get("SITREP_INBOX") or DEFAULT_INBOX)


def schema_sql() -> str:
    return resources.files("warehouse").joinpath("schema.sql").read_text(encoding="utf-8")


def apply_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create the raw schema and tables if they are missing (idempotent)."""
    conn.execute(schema_sql())


def replace_rows(
    conn: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], where: str | None = None
) -> int:
    """Delete the table's rows (or those matching ``where``) and insert ``rows`` by column name.

    Runs inside the caller's transaction; returns the number of rows inserted.
    """
    conn.execute(f"DELETE FROM {table}" + (f" WHERE {where}" if where else ""))
    if not rows:
        return 0
    frame = pl.DataFrame(rows, infer_schema_length=None)  # noqa: F841 (read by DuckDB below)
    conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame")
    return len(rows)


class Transaction:
    """``with Transaction(conn):`` commits on success and rolls back on any error, so a failed
    step never leaves a half-written warehouse."""

    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self.conn = conn

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        self.conn.execute("BEGIN TRANSACTION")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
