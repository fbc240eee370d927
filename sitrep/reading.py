"""Opening the PUBLISHED warehouse for reading, and saying clearly when it cannot be opened.

Every analyst command (query, export, place, article, search, report) reads through
:func:`open_published`. It prefers the storage layer's reader (``warehouse.storage
.get_store().reader()``: a read-only connection on what is published, never blocked by a
refresh) and falls back to opening ``SITREP_DB`` read-only. A warehouse that a refresh holds
locked raises :class:`WarehouseBusy` (exit code 3, with when to retry); a missing one raises
:class:`WarehouseMissing` (exit code 2).
"""
from __future__ import annotations

import re
import time
from importlib import import_module
from pathlib import Path

import duckdb

from warehouse.db import db_path

EXIT_BUSY = 3
RETRY_AFTER_SECONDS = 60  # a refresh of the sample articles takes about a minute here


class WarehouseUnavailable(Exception):
    """The warehouse cannot be read now; ``exit_code`` says why."""

    exit_code = 2


class WarehouseMissing(WarehouseUnavailable):
    exit_code = 2


class WarehouseBusy(WarehouseUnavailable):
    exit_code = EXIT_BUSY


def busy_message(path: Path | str, detail: str) -> str:
    holder = re.search(r"PID (\d+)", detail)
    who = f"process {holder.group(1)}" if holder else "another process"
    return (f"the warehouse {path} is busy: {who} is writing it (a refresh). "
            f"Nothing was read. Retry in about {RETRY_AFTER_SECONDS} s, when the refresh has published.")


def storage_reader(as_of: str | None = None) -> duckdb.DuckDBPyConnection | None:
    """The storage layer's reader when it exists (``warehouse.storage``), else None."""
    try:
        storage = import_module("warehouse.storage")
    except ImportError:
        return None
    get_store = getattr(storage, "get_store", None)
    if get_store is None:
        return None
    store = get_store()
    return store.reader(as_of=as_of) if as_of is not None else store.reader()


def open_published(database: str | Path | None = None, wait_seconds: float = 5.0,
                   as_of: str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection on the published warehouse.

    ``database`` overrides ``SITREP_DB`` (and bypasses the storage layer). While a writer
    holds the file, retries for ``wait_seconds`` and then raises :class:`WarehouseBusy`.
    """
    if database is None:
        try:
            reader = storage_reader(as_of)
        except duckdb.IOException as error:
            raise WarehouseBusy(busy_message(db_path(), str(error))) from None
        if reader is not None:
            return reader
    path = Path(database) if database is not None else db_path()
    if not path.exists():
        raise WarehouseMissing(
            f"no warehouse at {path}: build it first (bash scripts/setup.sh, or the Dagster "
            f"materialize command in the README), or point SITREP_DB at one")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise WarehouseMissing(f"cannot open the warehouse {path}: {error}") from None
            if time.monotonic() >= deadline:
                raise WarehouseBusy(busy_message(path, str(error))) from None
            time.sleep(0.5)
