"""Small file operations of a refresh's build: status JSON written atomically, fsync, and
folding a write-ahead log left under the build's second name (dbt's) into the file."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    data = {**data, "updated_at": _now()}
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, default=str))
    os.replace(tmp, path)


def settle_wal(path: Path) -> None:
    """Fold a write-ahead log left under the name ``path`` (dbt's name for the build) into the
    file, so the build's other name sees every write (DuckDB does it when a connection closes
    cleanly; this covers one that did not)."""
    if Path(f"{path}.wal").exists() and path.exists():
        with duckdb.connect(str(path)) as conn:
            conn.execute("CHECKPOINT")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
