"""Where the warehouse lives, how a refresh writes it and how readers see it.

One interface, several backends (``SITREP_WAREHOUSE``): ``duckdb`` (default) is one DuckDB file
at ``SITREP_DB``; other backends register themselves with :func:`register_store` (e.g.
``ducklake`` in its own module, imported on demand as ``warehouse.<name>``).

Readers::

    with get_store().reader() as conn:       # read-only, on the PUBLISHED state
        conn.sql("SELECT count(*) FROM marts.dim_articles")

A refresh (possibly several Dagster steps of one run)::

    store = get_store()
    refresh = store.open_refresh(run_id)     # first call: takes the refresh lock, prepares a build
    with refresh.connect() as conn: ...      # writable, private to this run
    env = refresh.dbt_env()                  # environment for dbt to write the same build
    store.publish(run_id)                    # atomically: readers now see the new state

A refresh killed at any point publishes nothing; the next refresh removes what it left.

The DuckDB-file backend (:class:`DuckDbFileStore`) builds in a private copy of the published
file (``<folder>/.<name>.builds/<run_id>.duckdb``) and publishes it with ``os.replace``: a
reader's open connection keeps the old file (its inode) until it reconnects, and nobody ever
opens the published file for writing, so readers and a refresh never wait for each other.
Refreshes are serialised by an OS file lock (``fcntl.flock``) that dies with its process, so
a killed run can never wedge the next one.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from .build_files import _fsync, _now, _write_json, connect_build, settle_wal  # noqa: F401 (settle_wal, _write_json: re-exported)
from .db import db_path

LOCK_TIMEOUT_ENV = "SITREP_REFRESH_LOCK_TIMEOUT"  # seconds a refresh waits for a running one (default 3600)
# Refreshes that published nothing (abandoned, or nothing new), recorded by the next publication.
UNRECORDED = "abandoned.jsonl"


class WarehousePermissionError(PermissionError):
    """The warehouse folder or file cannot be read or written: fail at once, say where."""


class RefreshBusyError(RuntimeError):
    """Another live refresh holds the lock (raised only when not waiting)."""


@dataclass
class Refresh:
    """One run's writable build target."""

    run_id: str
    path: Path  # the build (a DuckDB file for the duckdb backend)
    status_path: Path  # JSON: pid, start time and figures of this refresh
    env: dict[str, str] = field(default_factory=dict)
    # Nothing new: no build was made; every step is a no-op and ``connect`` reads the
    # published warehouse, read-only (see ``Store.open_refresh_unless``).
    unchanged: bool = False

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A writable connection to this run's build (schemas raw and marts by their usual names);
        read-only on the published warehouse when the refresh found nothing new."""
        conn = connect_build(self.path, read_only=self.unchanged)
        try:
            yield conn
        finally:
            conn.close()

    def dbt_env(self) -> dict[str, str]:
        """Environment variables that point dbt's profile at this build."""
        return dict(self.env)

    def status(self) -> dict[str, Any]:
        try:
            return json.loads(self.status_path.read_text())
        except (OSError, ValueError):
            return {}

    def record(self, **figures: Any) -> dict[str, Any]:
        """Merge ``figures`` into this refresh's status (shown in ``marts.refresh_runs``)."""
        status = self.status()
        status.setdefault("figures", {}).update(figures)
        _write_json(self.status_path, status)
        return status


class Store(ABC):
    """A warehouse backend: a published state for readers and private builds for refreshes."""

    name: str = "abstract"

    @abstractmethod
    def reader(self, as_of: Any = None):
        """Context manager: a read-only connection on the published state."""

    @abstractmethod
    def open_refresh(self, run_id: str, wait: bool = True) -> Refresh:
        """This run's build target (created, with the refresh lock taken, on the first call)."""

    @abstractmethod
    def publish(self, run_id: str, runs_table: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> None:
        """Make the run's build the published state in one step, then release the lock."""

    @abstractmethod
    def abandon(self, run_id: str) -> None:
        """Drop the run's build and release the lock; the published state is untouched."""

    @abstractmethod
    def exists(self) -> bool:
        """Whether anything has been published yet."""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the published state is, for messages."""

    def abandoned_runs(self) -> list[dict[str, Any]]:
        """Status of refreshes that published nothing (died: outcome ``abandoned``; found nothing
        new: ``nothing_new``), not yet recorded in marts.refresh_runs."""
        return []

    def forget_abandoned(self) -> None:
        """Called once the abandoned runs are recorded in the published state."""

    def open_refresh_unless(self, run_id: str, nothing_new: Callable[[duckdb.DuckDBPyConnection], bool],
                            wait: bool = True) -> Refresh:
        """``open_refresh``, except that a backend may first ask ``nothing_new`` (on a read-only
        connection to the published state, with the refresh lock held) and, when it answers
        True, make no build at all: the refresh is then ``unchanged``. Default: always build."""
        return self.open_refresh(run_id, wait)

    def finish_unchanged(self, run_id: str, status: dict[str, Any]) -> None:
        """End an ``unchanged`` refresh: publish nothing, keep its row for marts.refresh_runs."""
        raise NotImplementedError(f"{self.name} makes no unchanged refreshes")


# ------------------------------------------------------------------ the DuckDB-file backend

# Locks held by this process: lock path -> (file descriptor, run id). A run's later steps
# (in-process executor) find their lock here; it is released at publication or process death.
_HELD: dict[str, tuple[int, str]] = {}


class DuckDbFileStore(Store):
    name = "duckdb"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).absolute()
        self.builds = self.path.parent / f".{self.path.name}.builds"
        self.lock_path = self.path.parent / f".{self.path.name}.lock"

    @property
    def location(self) -> str:
        return str(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    # -- readers

    @contextmanager
    def reader(self, as_of: Any = None) -> Iterator[duckdb.DuckDBPyConnection]:
        if as_of is not None:
            raise ValueError("the duckdb file warehouse keeps only the published state; "
                             "as_of needs a backend with snapshots (SITREP_WAREHOUSE=ducklake)")
        if not self.path.exists():
            raise FileNotFoundError(f"no published warehouse at {self.path}; run a refresh first "
                                    "(scripts/setup.sh)")
        try:
            conn = duckdb.connect(str(self.path), read_only=True)
        except duckdb.IOException as exc:
            if not os.access(self.path, os.R_OK):
                raise WarehousePermissionError(f"cannot read the warehouse {self.path}: permission denied") from exc
            raise
        try:
            yield conn
        finally:
            conn.close()

    # -- refreshes

    def open_refresh(self, run_id: str, wait: bool = True) -> Refresh:
        return self.open_refresh_unless(run_id, lambda conn: False, wait)

    def open_refresh_unless(self, run_id: str, nothing_new: Callable[[duckdb.DuckDBPyConnection], bool],
                            wait: bool = True) -> Refresh:
        held = _HELD.get(str(self.lock_path))
        if held and held[1] == run_id:
            refresh = self._refresh(run_id)
            if not refresh.unchanged and not refresh.path.exists():
                raise RuntimeError(f"the build of run {run_id} is gone ({refresh.path})")
            return refresh
        if held:  # an earlier run of this process ended without publishing: it is over
            self._release()
        self._check_writable()
        self._lock(run_id, wait)
        try:
            self._clean_leftovers(keep=run_id)
            status = {"run_id": run_id, "pid": os.getpid(), "started_at": _now(), "figures": {}}
            self.builds.mkdir(exist_ok=True)
            if self.path.exists():
                with self.reader() as conn:
                    status["unchanged"] = bool(nothing_new(conn))
            if not status.get("unchanged"):  # a private copy to build in (the published file is never written)
                build = self._refresh(run_id).path
                if self.path.exists():
                    shutil.copyfile(self.path, build)
                self._point_dbt_at(build)
            _write_json(self._refresh(run_id).status_path, status)
        except BaseException:
            self._release()
            raise
        return self._refresh(run_id)

    def finish_unchanged(self, run_id: str, status: dict[str, Any]) -> None:
        held = _HELD.get(str(self.lock_path))
        if not held or held[1] != run_id:
            raise RuntimeError(f"run {run_id} holds no refresh of {self.path}")
        with open(self.builds / UNRECORDED, "a") as out:
            out.write(json.dumps({**status, "outcome": "nothing_new"}, default=str) + "\n")
        self._refresh(run_id).status_path.unlink(missing_ok=True)
        self._release()

    def publish(self, run_id: str, runs_table: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> None:
        held = _HELD.get(str(self.lock_path))
        if not held or held[1] != run_id:
            raise RuntimeError(f"run {run_id} holds no refresh of {self.path}; nothing to publish")
        refresh = self._refresh(run_id)
        if refresh.unchanged:
            raise RuntimeError(f"run {run_id} found nothing new and made no build: finish_unchanged, not publish")
        settle_wal(self.dbt_path)
        with refresh.connect() as conn:
            if runs_table is not None:
                runs_table(conn)
            conn.execute("CHECKPOINT")
        _fsync(refresh.path)
        self.dbt_path.unlink(missing_ok=True)  # dbt's name for the build: the published file has one name
        os.replace(refresh.path, self.path)
        _fsync(self.path.parent)
        refresh.status_path.unlink(missing_ok=True)
        self._release()

    def abandon(self, run_id: str) -> None:
        held = _HELD.get(str(self.lock_path))
        if held and held[1] == run_id:
            refresh = self._refresh(run_id)
            if not refresh.unchanged:  # an unchanged refresh's path is the published file
                refresh.path.unlink(missing_ok=True)
                self.dbt_path.unlink(missing_ok=True)
            refresh.status_path.unlink(missing_ok=True)
            self._release()

    def abandoned_runs(self) -> list[dict[str, Any]]:
        """Status of refreshes that published nothing (kept until the next publication)."""
        path = self.builds / UNRECORDED
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def forget_abandoned(self) -> None:
        (self.builds / UNRECORDED).unlink(missing_ok=True)

    # -- internals

    def _refresh(self, run_id: str) -> Refresh:
        build = self.builds / f"{run_id}.duckdb"
        refresh = Refresh(run_id, build, self.builds / f"{run_id}.json", env={"SITREP_DB": str(self.dbt_path)})
        if refresh.status().get("unchanged"):
            refresh.path, refresh.unchanged = self.path, True
        return refresh

    @property
    def dbt_path(self) -> Path:
        """dbt reaches every build through this one name, a hard link to the build (a symbolic
        link would not do: DuckDB names the database after the file it resolves to): dbt
        re-parses the whole project when its profile changes (the path and the database name
        it gives), and a path per run would make every refresh pay for a full parse."""
        return self.builds / "dbt.duckdb"

    def _point_dbt_at(self, build: Path) -> None:
        if not build.exists():
            duckdb.connect(str(build)).close()  # the first build of a new warehouse
        link = self.builds / f".dbt.{os.getpid()}.link"
        link.unlink(missing_ok=True)
        os.link(build, link)
        os.replace(link, self.dbt_path)

    def _check_writable(self) -> None:
        """Fail at once, saying where, when the folder cannot take a new file (a refresh builds
        beside the published file) or the published file cannot be read: never retry."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=folder, prefix=".sitrep-probe-"):
                pass
        except OSError as exc:
            raise WarehousePermissionError(
                f"cannot write in the warehouse folder {folder} ({exc.strerror}); a refresh builds "
                "a new file beside the published one, so that folder must be writable") from exc
        if self.path.exists() and not os.access(self.path, os.R_OK):
            raise WarehousePermissionError(f"cannot read the published warehouse {self.path} (permission denied)")

    def _lock(self, run_id: str, wait: bool) -> None:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError as exc:
            raise WarehousePermissionError(f"cannot open the refresh lock {self.lock_path}: {exc.strerror}") from exc
        deadline = time.monotonic() + float(os.environ.get(LOCK_TIMEOUT_ENV, "3600"))
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait or time.monotonic() > deadline:
                    owner = os.pread(fd, 200, 0).decode(errors="replace").strip()
                    os.close(fd)
                    raise RefreshBusyError(f"another refresh of {self.path} is running ({owner})") from None
                time.sleep(0.5)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"run {run_id}, pid {os.getpid()}".encode(), 0)
        _HELD[str(self.lock_path)] = (fd, run_id)

    def _release(self) -> None:
        held = _HELD.pop(str(self.lock_path), None)
        if held:
            os.close(held[0])  # closing the descriptor drops the flock

    def _clean_leftovers(self, keep: str) -> None:
        """With the lock held no other refresh is alive: every other build is a dead run's."""
        if not self.builds.is_dir():
            return
        for status in sorted(self.builds.glob("*.json")):
            if status.stem == keep:
                continue
            try:
                record = json.loads(status.read_text())
            except (OSError, ValueError):
                record = {"run_id": status.stem}
            record.update(outcome="abandoned", ended_at=record.get("updated_at") or record.get("started_at"))
            with open(self.builds / UNRECORDED, "a") as out:
                out.write(json.dumps(record) + "\n")
            status.unlink(missing_ok=True)
        for leftover in self.builds.iterdir():
            if leftover.suffix in {".duckdb", ".wal", ".tmp", ".link"} and not leftover.name.startswith(keep):
                leftover.unlink(missing_ok=True)
            elif leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)


# ------------------------------------------------------------------ choosing the backend

_FACTORIES: dict[str, Callable[[Path | None], Store]] = {
    "duckdb": lambda path: DuckDbFileStore(path or db_path()),
}


def register_store(name: str, factory: Callable[[Path | None], Store]) -> None:
    """Make ``SITREP_WAREHOUSE=<name>`` build its store with ``factory(database_path_or_None)``."""
    _FACTORIES[name] = factory


def backend_name() -> str:
    return (os.environ.get("SITREP_WAREHOUSE") or "duckdb").strip().lower()


def get_store(database: Path | str | None = None) -> Store:
    """The store ``SITREP_WAREHOUSE`` names (default ``duckdb``: the file at ``SITREP_DB``,
    or ``database`` when given)."""
    name = backend_name()
    if name not in _FACTORIES:
        import importlib

        try:
            importlib.import_module(f"warehouse.{name}")
        except ImportError:
            pass
    if name not in _FACTORIES:
        raise ValueError(f"unknown SITREP_WAREHOUSE={name!r}; known: {', '.join(sorted(_FACTORIES))}")
    return _FACTORIES[name](Path(database) if database else None)
