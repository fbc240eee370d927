"""Opening the PUBLISHED warehouse for reading, and saying clearly when it cannot be opened.

Every analyst command (query, export, place, article, search, report) reads through
:func:`open_published`, which enters the storage layer's reader
(``warehouse.storage.get_store().reader()``): a read-only connection on what the last
refresh published. A refresh builds a private copy and publishes it atomically, so a
reader never waits for it. Should some other process hold the published file open for
writing (a DuckDB CLI left open on it), the reader retries for a few seconds and then raises
:class:`WarehouseBusy` (exit code 3, with when to retry); a missing or unreadable warehouse
raises :class:`WarehouseMissing` (exit code 2).
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from warehouse.storage import WarehousePermissionError, get_store

EXIT_BUSY = 3
RETRY_AFTER_SECONDS = 60


class WarehouseUnavailable(Exception):
    """The warehouse cannot be read now; ``exit_code`` says why."""

    exit_code = 2


class WarehouseMissing(WarehouseUnavailable):
    exit_code = 2


class WarehouseBusy(WarehouseUnavailable):
    exit_code = EXIT_BUSY


def busy_message(location: str, detail: str) -> str:
    holder = re.search(r"PID (\d+)", detail)
    who = f"process {holder.group(1)}" if holder else "another process"
    return (f"the warehouse {location} is busy: {who} holds it open for writing. Nothing was read. "
            f"Retry in about {RETRY_AFTER_SECONDS} s, or close that process (a DuckDB CLI left open "
            f"on the file); refreshes themselves never block readers.")


@contextmanager
def open_published(database: str | Path | None = None, wait_seconds: float = 5.0,
                   as_of: Any = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """``with open_published() as conn:`` a read-only connection on the published warehouse.

    ``database`` overrides ``SITREP_DB``; ``as_of`` asks a backend with snapshots for an
    earlier state. While a writer holds the file, retries for ``wait_seconds``, then raises
    :class:`WarehouseBusy`.
    """
    store = get_store(database)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            reader = store.reader(as_of) if as_of is not None else store.reader()
            conn = reader.__enter__()
            break
        except FileNotFoundError as error:
            raise WarehouseMissing(f"{error} (or point SITREP_DB at a built warehouse)") from None
        except WarehousePermissionError as error:
            raise WarehouseMissing(str(error)) from None
        except ValueError as error:
            raise WarehouseMissing(str(error)) from None
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise WarehouseMissing(f"cannot open the warehouse {store.location}: {error}") from None
            if time.monotonic() >= deadline:
                raise WarehouseBusy(busy_message(store.location, str(error))) from None
            time.sleep(0.5)
    try:
        yield conn
    except BaseException as error:
        if not reader.__exit__(type(error), error, error.__traceback__):
            raise
    else:
        reader.__exit__(None, None, None)
