"""The storage interface with real files and real processes: readers see only what is
published, a killed refresh neither publishes nor wedges the next one, leftovers are removed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from warehouse.storage import DuckDbFileStore, RefreshBusyError, WarehousePermissionError, get_store

REPO = Path(__file__).resolve().parents[2]

HOLDER = """
import sys, time
from warehouse.storage import get_store
refresh = get_store(sys.argv[1]).open_refresh("dead-run")
with refresh.connect() as conn:
    conn.execute("CREATE SCHEMA IF NOT EXISTS marts; INSERT INTO marts.t VALUES (99)")
print("holding", flush=True)
time.sleep(600)
"""


def publish_rows(store: DuckDbFileStore, run_id: str, values: list[int]) -> None:
    refresh = store.open_refresh(run_id)
    with refresh.connect() as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS marts; CREATE OR REPLACE TABLE marts.t (v INTEGER)")
        conn.executemany("INSERT INTO marts.t VALUES (?)", [(v,) for v in values])
    store.publish(run_id)


def rows(store: DuckDbFileStore) -> list[int]:
    with store.reader() as conn:
        return sorted(r[0] for r in conn.execute("SELECT v FROM marts.t").fetchall())


def test_readers_see_the_published_state_only(tmp_path: Path) -> None:
    store = get_store(tmp_path / "w.duckdb")
    with pytest.raises(FileNotFoundError, match="no published warehouse"):
        with store.reader():
            pass
    publish_rows(store, "r1", [1])
    with store.reader() as old:  # an open reader keeps the state it opened
        refresh = store.open_refresh("r2")
        with refresh.connect() as conn:
            conn.execute("INSERT INTO marts.t VALUES (2)")
        assert rows(store) == [1]  # the build is invisible until published
        store.publish("r2")
        assert old.execute("SELECT count(*) FROM marts.t").fetchone()[0] == 1
        with pytest.raises(duckdb.Error):
            old.execute("INSERT INTO marts.t VALUES (3)")  # read-only
    assert rows(store) == [1, 2]
    assert not list(store.builds.glob("*.duckdb"))


def test_a_killed_refresh_publishes_nothing_and_never_wedges_the_next(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    store = get_store(db)
    publish_rows(store, "r1", [1])
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=REPO, stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert holder.stdout.readline().strip() == "holding"
    with pytest.raises(RefreshBusyError, match="another refresh"):
        store.open_refresh("r2", wait=False)  # a live refresh holds the lock
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert rows(store) == [1]
    assert (store.builds / "dead-run.duckdb").exists()
    started = time.monotonic()
    publish_rows(store, "r2", [1, 2])  # the lock died with its process
    assert time.monotonic() - started < 5
    assert rows(store) == [1, 2]
    assert [r["run_id"] for r in store.abandoned_runs()] == ["dead-run"]
    assert not (store.builds / "dead-run.duckdb").exists()


def test_an_unwritable_warehouse_folder_fails_at_once(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        started = time.monotonic()
        with pytest.raises(WarehousePermissionError, match="cannot write in the warehouse folder"):
            get_store(folder / "w.duckdb").open_refresh("r1")
        assert time.monotonic() - started < 2
    finally:
        folder.chmod(0o755)


def test_a_warehouse_on_a_read_only_file_system_fails_at_once() -> None:
    """Works as root too: /sys refuses new files whoever asks."""
    if not Path("/sys").is_dir():
        pytest.skip("no /sys here")
    started = time.monotonic()
    with pytest.raises(WarehousePermissionError, match="cannot write in the warehouse folder /sys"):
        get_store("/sys/w.duckdb").open_refresh("r1")
    assert time.monotonic() - started < 2


def test_unknown_backend_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setenv("SITREP_WAREHOUSE", "nosuch")
    with pytest.raises(ValueError, match="unknown SITREP_WAREHOUSE='nosuch'"):
        get_store()
