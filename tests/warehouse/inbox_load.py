"""Loading an inbox into a real DuckDB file the way a refresh does, for the inbox tests."""
from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse import loading
from warehouse.inbox import read_inbox


def load_inbox(conn: duckdb.DuckDBPyConnection, inbox: Path) -> object:
    """The ingestion step's own entry point: ``ingest`` (incremental refresh) when the
    warehouse has it, else the whole-inbox ``store_inbox``."""
    if hasattr(loading, "ingest"):
        return loading.ingest(conn, inbox)
    return loading.store_inbox(conn, read_inbox(inbox))
