"""Whether a refresh would change anything, asked of the PUBLISHED warehouse before any build
is made: when nothing is new, a refresh copies nothing, builds nothing and publishes nothing
(``Store.open_refresh_unless``), so "nothing new" costs a directory scan and a few queries
whatever the size of the warehouse.

Nothing is new when every inbox file is stored with the same size and mtime, the inbox-level
refusals (links out of the inbox, manifest problems) are the ones stored, every article was
read by the current extractor version, and the raw schema and the dbt project are the ones
that built the warehouse. Anything else, or any doubt (a table missing), means a refresh.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from .db import schema_sql
from .inbox import inbox_problems, read_manifest, scan_inbox
from .inbox_state import scan, unchanged

RAW_SCHEMA_KEY = "raw_schema"


def raw_schema_fingerprint() -> str:
    return hashlib.sha256(schema_sql().encode()).hexdigest()[:20]


def remember_raw_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS raw.build_state (key VARCHAR, value VARCHAR)")  # no keys on DuckLake
    conn.execute("DELETE FROM raw.build_state WHERE key = ?", [RAW_SCHEMA_KEY])
    conn.execute("INSERT INTO raw.build_state VALUES (?, ?)", [RAW_SCHEMA_KEY, raw_schema_fingerprint()])


def same_inbox_problems(conn: duckdb.DuckDBPyConnection, inbox: Path) -> bool:
    result = scan_inbox(inbox)
    now = {(q.source_uri, q.reason, q.detail) for q in inbox_problems(result, read_manifest(result.root))}
    stored = set(conn.execute(r"""
        SELECT source_uri, reason, detail FROM raw.quarantine
        WHERE reason <> 'extraction_error'
          AND (split_part(source_uri, '#', 1) NOT IN (SELECT path FROM raw.inbox_files)
               OR regexp_matches(source_uri, '/manifest\.csv(#|$)'))
    """).fetchall())
    return now == stored


def all_extracted(conn: duckdb.DuckDBPyConnection, version: str) -> bool:
    return conn.execute("""
        SELECT NOT EXISTS (SELECT 1 FROM raw.articles a WHERE NOT EXISTS (
                   SELECT 1 FROM raw.extracted_articles e
                   WHERE e.article_id = a.article_id AND e.extractor_version = ?))
           AND NOT EXISTS (SELECT 1 FROM raw.extracted_articles WHERE extractor_version <> ?)
    """, [version, version]).fetchone()[0]


def nothing_new(conn: duckdb.DuckDBPyConnection, inbox: Path, version: str, dbt_fingerprint: str) -> bool:
    """True when a refresh of the published warehouse behind ``conn`` (read-only) would change
    nothing."""
    try:
        state = dict(conn.execute("SELECT key, value FROM raw.build_state").fetchall())
        return (state.get(RAW_SCHEMA_KEY) == raw_schema_fingerprint()
                and state.get("dbt_project") == dbt_fingerprint
                and unchanged(conn, scan(inbox))
                and same_inbox_problems(conn, inbox)
                and all_extracted(conn, version))
    except (duckdb.CatalogException, duckdb.BinderException, FileNotFoundError):
        return False
