"""Connections on the DuckLake: a writer on the latest state, a reader on a published snapshot."""
from __future__ import annotations

import re

import duckdb

from warehouse.db import schema_sql

from .extensions import load_lake_extensions, offline_config
from .settings import LAKE_ALIAS, LakeSettings


def lake_connection(settings: LakeSettings, snapshot: int | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB session with the DuckLake attached as ``lake`` and in use, so the same
    SQL (``raw.articles``, ``marts.fct_control_changes``) works as on the DuckDB file. With
    ``snapshot`` the lake is attached read-only at that snapshot."""
    conn = duckdb.connect(config=offline_config())
    try:
        load_lake_extensions(conn, with_s3=settings.on_s3)
        if settings.on_s3:
            conn.execute(settings.secret_sql())
        conn.execute(settings.attach_sql(snapshot=snapshot))
        conn.execute(f"USE {LAKE_ALIAS}")
    except BaseException:
        conn.close()
        raise
    return conn


def current_snapshot(conn: duckdb.DuckDBPyConnection) -> int:
    """The lake's latest committed snapshot id as this session sees it."""
    return conn.execute(f"SELECT id FROM {LAKE_ALIAS}.current_snapshot()").fetchone()[0]


def lake_schema_sql() -> str:
    """The raw schema as DuckLake accepts it: DuckLake has no PRIMARY KEY / UNIQUE constraints
    (NOT NULL stays). Uniqueness of ``claim_id`` / ``article_id`` is kept by Sitrep's loaders
    (they replace by key) and checked by dbt's ``unique`` tests on the marts."""
    return re.sub(r"\s+PRIMARY KEY", "", schema_sql())


def apply_lake_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(lake_schema_sql())
