"""A process pool for CPU-bound pure-Python work on large batches (both cores of the machine).

Workers only compute; every write to the warehouse stays in the calling process. Small
batches run in-process: a spawned worker costs a second or two to start.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """``SITREP_EXTRACT_WORKERS`` (default 2)."""
    return max(1, int(os.environ.get("SITREP_EXTRACT_WORKERS", "2")))


def chunked(items: list[T], size: int) -> list[list[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_chunks(fn: Callable[[list[T]], R], items: list[T], chunk: int, pool_min: int) -> Iterator[R]:
    """``fn`` over chunks of ``items``, results in order; a pool of ``workers()`` processes
    when there are at least ``pool_min`` items."""
    chunks = chunked(items, chunk)
    if len(items) < pool_min or workers() == 1:
        yield from map(fn, chunks)
        return
    with ProcessPoolExecutor(max_workers=workers(), mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(fn, chunks)
