"""``DuckLakeStore``: the Store interface (warehouse/storage.py) on a DuckLake.

How a refresh goes on the lake, and which part gives which guarantee:

1. ``open_refresh`` takes the lake's refresh lock (Sitrep: a PostgreSQL advisory lock in the
   catalog database, so it holds across machines; a second worker waits, with a log line) and
   creates the raw schema if missing.
2. The steps write the raw tables and dbt builds the marts *in the shared lake*; every
   ``COMMIT`` is a DuckLake snapshot (DuckLake: atomic, snapshot-isolated commits, optimistic
   with its own retries; Sitrep re-runs a transaction that still conflicts, ``retry.py``).
   Nobody reads these intermediate snapshots.
3. ``publish`` writes the run record, notes the lake's snapshot id in ``sitrep_publications``
   (Sitrep) and frees the lock. Readers attach the lake *at the last published snapshot*
   (DuckLake time travel), so they always see one whole refresh and never wait for a writer;
   ``reader(as_of=...)`` attaches at the last snapshot published at or before that time.

Why refreshes of one lake take turns: under snapshot isolation, two refreshes that each
replace or extend the claim tables from what they saw both insert the claims of articles the
other ingested. DuckLake has no primary keys to refuse the second copy and sees no conflict
(inserts never conflict), so claims were doubled when we let two refreshes write at once
(measured: 13 duplicate claim ids). The lock makes the second refresh start from the first
one's committed rows, so both inboxes land once each.

A worker killed at any point: PostgreSQL ends its session and frees the lock; nothing it did
is published; its raw rows stay and the next refresh (incremental) builds on them.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from warehouse.storage import Refresh, RefreshBusyError, Store, _write_json

from .connect import apply_lake_schema, current_snapshot, lake_connection
from .extensions import extension_directory
from .publication import RefreshLock, ensure_table, publish, published
from .retry import with_retries
from .settings import LakeSettings

# Per-process state of the runs this process is refreshing: run id -> lock
_LOCKS: dict[str, RefreshLock] = {}


def parse_as_of(value: Any) -> datetime | None:
    """A datetime (naive = UTC) from a datetime or an ISO string; ValueError otherwise."""
    if value is None or isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"as of {value!r}: not a timestamp; give ISO, e.g. 2026-12-01T18:00 "
                             "(UTC unless a zone is given)") from None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


class LakeRefresh(Refresh):
    """One run's writes: straight into the shared lake (not visible to readers until published).
    ``dbt_env()`` selects the profile's ``ducklake`` target (``dbt_project/profiles.yml``)."""

    store: "DuckLakeStore"

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        conn = lake_connection(self.store.settings)
        try:
            yield conn
        finally:
            conn.close()


class DuckLakeStore(Store):
    name = "ducklake"

    def __init__(self, settings: LakeSettings) -> None:
        self.settings = settings
        self.runs_dir = Path(tempfile.gettempdir()) / f"sitrep-lake-runs-{os.getuid()}"

    @classmethod
    def from_env(cls) -> "DuckLakeStore":
        return cls(LakeSettings.from_env())

    @property
    def location(self) -> str:
        catalog = " ".join(p for p in self.settings.catalog.split() if not p.startswith("password="))
        return f"DuckLake (catalog: {catalog}; data: {self.settings.data_path})"

    def exists(self) -> bool:
        return published(self.settings.catalog) is not None

    # -- readers

    @contextmanager
    def reader(self, as_of: Any = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """Read-only, on the last published snapshot (or the last one published at or before
        ``as_of``, a datetime or an ISO timestamp; without a zone it is UTC)."""
        as_of = parse_as_of(as_of)
        publication = published(self.settings.catalog, as_of)
        if publication is None:
            when = f" at or before {as_of}" if as_of is not None else ""
            hint = "" if as_of is not None else "; run a refresh first"
            raise FileNotFoundError(f"nothing was published{when} in {self.location}{hint}")
        conn = lake_connection(self.settings, snapshot=publication.snapshot_id)
        try:
            yield conn
        finally:
            conn.close()

    def published_snapshot(self, as_of: Any = None) -> int | None:
        publication = published(self.settings.catalog, as_of)
        return publication.snapshot_id if publication else None

    # -- refreshes

    def open_refresh(self, run_id: str, wait: bool = True) -> Refresh:
        if not self.lock(run_id, wait=wait):
            raise RefreshBusyError(f"another refresh of {self.location} is running")
        refresh = self._refresh(run_id)
        if not refresh.status_path.exists():
            self.runs_dir.mkdir(parents=True, exist_ok=True)
            ensure_table(self.settings.catalog)

            def create_schema() -> None:
                with refresh.connect() as conn:
                    apply_lake_schema(conn)

            with_retries(create_schema, "creating the raw schema")
            _write_json(refresh.status_path, {"run_id": run_id, "pid": os.getpid(),
                                              "started_at": datetime.now().isoformat(timespec="seconds"),
                                              "figures": {}})
        return refresh

    def lock(self, run_id: str, wait: bool = True) -> bool:
        """Take the lake's refresh lock for ``run_id`` (idempotent within this process)."""
        lock = _LOCKS.setdefault(run_id, RefreshLock(self.settings.catalog))
        return lock.acquire(f"run {run_id}", wait=wait)

    def publish(self, run_id: str, runs_table: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> None:
        refresh = self._refresh(run_id)
        self.lock(run_id)
        try:
            def record_and_snapshot() -> int:
                with refresh.connect() as conn:
                    if runs_table is not None:
                        runs_table(conn)
                    return current_snapshot(conn)

            snapshot = with_retries(record_and_snapshot, f"publishing run {run_id}")
            publish(self.settings.catalog, snapshot, refresh_id=run_id)
            refresh.status_path.unlink(missing_ok=True)
        finally:
            self._unlock(run_id)

    def abandon(self, run_id: str) -> None:
        self._refresh(run_id).status_path.unlink(missing_ok=True)
        self._unlock(run_id)

    # -- internals

    def _refresh(self, run_id: str) -> LakeRefresh:
        refresh = LakeRefresh(run_id, Path(self.settings.data_path), self.runs_dir / f"{run_id}.json",
                              env=self.dbt_environment())
        refresh.store = self
        return refresh

    def dbt_environment(self) -> dict[str, str]:
        """What dbt's profile needs to build into this lake (the ``ducklake`` target)."""
        s = self.settings
        env = {"SITREP_WAREHOUSE": "ducklake", "SITREP_LAKE_CATALOG": s.catalog,
               "SITREP_LAKE_DATA": s.data_path_dir, "SITREP_DUCKDB_EXTENSIONS": str(extension_directory()),
               "AWS_REGION": s.s3_region}
        if s.s3_endpoint:
            env.update(SITREP_LAKE_S3_ENDPOINT=s.s3_endpoint, SITREP_LAKE_S3_USE_SSL=str(s.s3_use_ssl).lower())
        if s.s3_key_id:
            env.update(AWS_ACCESS_KEY_ID=s.s3_key_id, AWS_SECRET_ACCESS_KEY=s.s3_secret or "")
        return env

    @staticmethod
    def _unlock(run_id: str) -> None:
        lock = _LOCKS.pop(run_id, None)
        if lock is not None:
            lock.release()
