"""Writing the report file atomically (a reader never sees half a report)."""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import duckdb

from .data import load
from .page import render


def write_report(conn: duckdb.DuckDBPyConnection, out: str | Path, source: str | None = None) -> str:
    """Write the HTML report for the warehouse behind ``conn``; returns a one-line summary."""
    data = load(conn)
    if source is None:
        source = conn.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()[0] or "the warehouse"
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    html = render(data, generated, str(source))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=out.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(html)
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)
    return (f"{len(html) // 1024} KB; {len(data.places)} places, {len(data.control_events)} control events, "
            f"{len(data.casualty_estimates)} casualty estimates, {len(data.claims)} claims")
