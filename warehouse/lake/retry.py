"""Optimistic commits: DuckLake lets concurrent writers work and refuses the later commit when
two transactions touched the same thing. The refused writer retries its whole transaction."""
from __future__ import annotations

import logging
import random
import time
from typing import Callable, TypeVar

import duckdb

log = logging.getLogger("sitrep.lake")
T = TypeVar("T")


def is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit conflict (another writer committed first), as opposed to a real error."""
    if isinstance(exc, duckdb.TransactionException):
        return True
    return isinstance(exc, duckdb.Error) and "conflict" in str(exc).lower()


def with_retries(work: Callable[[], T], what: str, attempts: int = 8, base_delay: float = 0.2) -> T:
    """Run ``work`` (one whole transaction); on a commit conflict, log it and run it again."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as exc:  # noqa: BLE001 (filtered just below)
            if not is_conflict(exc) or attempt == attempts:
                raise
            delay = base_delay * attempt * (1 + random.random())
            log.warning("DuckLake commit conflict in %s (attempt %d/%d), retrying in %.1fs: %s",
                        what, attempt, attempts, delay, str(exc).splitlines()[0][:200])
            time.sleep(delay)
    raise AssertionError("unreachable")
