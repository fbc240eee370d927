"""Shared by the storage tests: running a refresh as the scripts do (a real `dagster asset
materialize` process in its own process group), killing it, and reading whole tables."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
DAGSTER = Path(sys.executable).parent / "dagster"
# Columns that hold the wall-clock time of a run: equal builds differ only there.
CLOCK_COLUMNS = {"ingested_at", "seen_at", "extracted_at", "read_at", "first_seen_at"}
BOOKKEEPING = ("raw.build_state",)  # the dbt project fingerprint of the last dbt run


def dagster_home(path: Path) -> Path:
    """A DAGSTER_HOME as scripts/install.sh makes it (our dagster.yaml: pool limit, run monitoring)."""
    path.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", path / "dagster.yaml")
    return path


def refresh_env(inbox: Path, db: Path, home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "SITREP_INBOX": str(inbox), "SITREP_DB": str(db), "DAGSTER_HOME": str(home),
            "PYTHONPATH": str(REPO), **extra}


def start_refresh(inbox: Path, db: Path, home: Path, log: Path, **extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(DAGSTER), "asset", "materialize", "--select", "*", "-m", "orchestration.definitions"],
        cwd=REPO, env=refresh_env(inbox, db, home, **extra), stdout=open(log, "w"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def run_refresh(inbox: Path, db: Path, home: Path, log: Path, timeout: float = 900) -> str:
    """One whole refresh; returns its log, fails the test when the run fails."""
    process = start_refresh(inbox, db, home, log)
    assert process.wait(timeout=timeout) == 0, log.read_text()[-4000:]
    text = log.read_text()
    assert "RUN_SUCCESS" in text, text[-4000:]
    return text


def kill_at(inbox: Path, db: Path, home: Path, log: Path, point: str, timeout: float = 600) -> None:
    """Start a refresh, wait until it reaches pause point ``point``, SIGKILL its whole group."""
    marker = log.with_suffix(".paused")
    marker.unlink(missing_ok=True)
    process = start_refresh(inbox, db, home, log, SITREP_PAUSE_AT=point, SITREP_PAUSE_FILE=str(marker))
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert process.poll() is None, f"the refresh ended before {point}:\n{log.read_text()[-4000:]}"
        assert time.monotonic() < deadline, f"no pause at {point}"
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def snapshot(db: Path, schemas: tuple[str, ...] = ("marts",), skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every table of ``schemas``: its rows, sorted, without the wall-clock columns."""
    with duckdb.connect(str(db), read_only=True) as conn:
        tables = [f"{s}.{t}" for s, t in conn.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name IN "
            f"({', '.join('?' * len(schemas))}) ORDER BY 1, 2", list(schemas)).fetchall()]
        result = {}
        for table in tables:
            if table in skip or table in BOOKKEEPING:
                continue
            columns = [c for c in conn.table(table).columns if c not in CLOCK_COLUMNS]
            result[table] = sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(),
                                   key=repr)
        return result


def refresh_runs(db: Path) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as conn:
        rel = conn.sql("SELECT * FROM marts.refresh_runs ORDER BY started_at")
        return [dict(zip(rel.columns, row)) for row in rel.fetchall()]
