"""Small file operations of a refresh's build: opening it for writing, status JSON written
atomically, fsync, and folding a write-ahead log left under the build's second name (dbt's)
into the file."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from .lake.settings import sql_string


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    data = {**data, "updated_at": _now()}
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, default=str))
    os.replace(tmp, path)


# Rows per row group when a refresh writes the build. DuckDB appends new rows to the last row
# group of a table and, at the next checkpoint, rewrites that whole row group: with its
# default of 122,880 rows, 100 new articles rewrote the one row group holding all 100,000
# article texts (2.4 s) and the last ~100,000 claims (1.8 s). With 16,384, a small refresh
# rewrites at most 16,384 rows per table; a table's existing larger row groups stay as they
# are (new rows start a new group). DuckDB keeps the setting per connection, not in the file.
ROW_GROUP_SIZE = 16_384


def connect_build(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the DuckDB file ``path`` as its default database, named as
    ``duckdb.connect(path)`` names it (the file name's first dot-separated part: the SQL dbt
    compiles names the build ``dbt``); written with row groups of ``ROW_GROUP_SIZE`` rows
    (dbt opens the build itself, with DuckDB's default row groups: attaching it in dbt's
    profile kept dbt's connection open for the whole build, which held 2.2 GB in a full
    rebuild at 100,000 articles)."""
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    # the file's own spill folder, as duckdb.connect(path) would use (not ./.tmp)
    conn = duckdb.connect(config={"temp_directory": f"{path}.tmp"})
    try:
        name = Path(path).name.lstrip(".").split(".")[0].replace('"', '""')
        conn.execute(f"ATTACH {sql_string(str(path))} AS \"{name}\" (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        conn.execute(f'USE "{name}"')
    except BaseException:
        conn.close()
        raise
    return conn


def settle_wal(path: Path) -> None:
    """Fold a write-ahead log left under the name ``path`` (dbt's name for the build) into the
    file, so the build's other name sees every write (DuckDB does it when a connection closes
    cleanly; this covers one that did not)."""
    if Path(f"{path}.wal").exists() and path.exists():
        with connect_build(path) as conn:
            conn.execute("CHECKPOINT")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
