"""The DuckLake store on a real PostgreSQL catalog, without dbt (seconds): publication, time
travel, the refresh lock across processes, commit conflicts, offline extensions."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone

import duckdb
import pytest

from warehouse.lake.connect import lake_connection
from warehouse.lake.extensions import extension_directory
from warehouse.lake.retry import is_conflict, with_retries
from warehouse.lake.settings import LakeSettings
from warehouse.storage import RefreshBusyError, get_store

from .helpers import REPO


def quarantine_row(conn, uri: str) -> None:
    conn.execute("INSERT INTO raw.quarantine VALUES (?, 'empty', NULL, now())", [uri])


def n_quarantined(conn) -> int:
    return conn.execute("SELECT count(*) FROM raw.quarantine").fetchone()[0]


def test_readers_see_published_snapshots_only_and_travel_back(lake_env) -> None:
    store = get_store()
    assert type(store).__name__ == "DuckLakeStore" and not store.exists()
    with pytest.raises(FileNotFoundError, match="nothing was published"):
        with store.reader():
            pass
    with store.open_refresh("r1").connect() as conn:
        quarantine_row(conn, "first")
    store.publish("r1")
    between = datetime.now(timezone.utc)
    time.sleep(0.05)
    with store.open_refresh("r2").connect() as conn:  # committed to the lake, not yet published
        quarantine_row(conn, "second")
    with store.reader() as conn:
        assert n_quarantined(conn) == 1
        with pytest.raises(duckdb.Error):
            quarantine_row(conn, "readers cannot write")
    store.publish("r2")
    with store.reader() as conn:
        assert n_quarantined(conn) == 2
    with store.reader(as_of=between) as conn:
        assert n_quarantined(conn) == 1
    with store.reader(as_of=between.replace(tzinfo=None).isoformat()) as conn:  # naive = UTC
        assert n_quarantined(conn) == 1
    with pytest.raises(ValueError, match="not a timestamp"):
        with store.reader(as_of="last tuesday"):
            pass


HOLDER = """
import sys, time
from warehouse.storage import get_store
get_store().open_refresh("holder")
print("holding", flush=True)
time.sleep(120)
"""


def test_refresh_lock_is_held_across_processes_and_freed_when_the_holder_dies(lake_env) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER], cwd=REPO, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout.readline().strip() == "holding"
        store = get_store()
        with pytest.raises(RefreshBusyError):
            store.open_refresh("second", wait=False)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    deadline = time.monotonic() + 20
    while True:  # PostgreSQL notices the dead session within moments
        try:
            store.open_refresh("second", wait=False)
            break
        except RefreshBusyError:
            assert time.monotonic() < deadline, "the dead holder's lock was never freed"
            time.sleep(0.2)
    store.abandon("second")


def test_a_real_commit_conflict_is_retried_with_a_log_line(lake_env, caplog) -> None:
    settings = LakeSettings.from_env()
    store = get_store()
    with store.open_refresh("setup").connect() as conn:
        quarantine_row(conn, "shared")
    store.abandon("setup")
    first, second = lake_connection(settings), lake_connection(settings)
    attempts = []

    def delete_shared_row() -> None:
        attempts.append(1)
        first.execute("BEGIN")
        first.execute("DELETE FROM raw.quarantine WHERE source_uri = 'shared'")
        if len(attempts) == 1:  # another writer deletes the same row and commits first
            second.execute("DELETE FROM raw.quarantine WHERE source_uri = 'shared'")
        try:
            first.execute("COMMIT")
        except duckdb.Error:
            first.execute("ROLLBACK")
            raise

    with caplog.at_level(logging.WARNING, logger="sitrep.lake"):
        with_retries(delete_shared_row, "the test's delete", base_delay=0.01)
    assert len(attempts) == 2
    assert "DuckLake commit conflict in the test's delete" in caplog.text
    assert n_quarantined(first) == 0
    assert not is_conflict(duckdb.CatalogException("no such table"))


def test_extensions_come_from_the_local_packages(tmp_path) -> None:
    root = extension_directory()
    links = sorted(p.name for p in root.rglob("*.duckdb_extension"))
    assert links == ["ducklake.duckdb_extension", "httpfs.duckdb_extension", "postgres_scanner.duckdb_extension"]
    conn = duckdb.connect(config={"extension_directory": str(root), "autoinstall_known_extensions": False})
    conn.execute("LOAD ducklake; LOAD postgres_scanner; LOAD httpfs")
    loaded = {r[0] for r in conn.execute("SELECT extension_name FROM duckdb_extensions() WHERE loaded").fetchall()}
    assert {"ducklake", "postgres_scanner", "httpfs"} <= loaded


def test_settings_need_a_catalog_and_a_data_path() -> None:
    with pytest.raises(RuntimeError, match="SITREP_LAKE_CATALOG"):
        LakeSettings.from_env({"SITREP_LAKE_DATA": "/tmp/x"})
    s3 = LakeSettings.from_env({"SITREP_LAKE_CATALOG": "dbname=l", "SITREP_LAKE_DATA": "s3://b/p",
                                "SITREP_LAKE_S3_ENDPOINT": "127.0.0.1:9000", "AWS_ACCESS_KEY_ID": "KEY-ID-1",
                                "AWS_SECRET_ACCESS_KEY": "TOP-SECRET-2"})
    assert s3.on_s3 and not s3.s3_use_ssl and "SECRET 'TOP-SECRET-2'" in s3.secret_sql() and "SECRET-2" not in repr(s3)
    assert "DATA_PATH 's3://b/p/'" in s3.attach_sql() and "SNAPSHOT_VERSION 7" in s3.attach_sql(snapshot=7)
