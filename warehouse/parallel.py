"""A process pool for CPU-bound pure-Python work on large batches (both cores of the machine).

Workers only compute; every write to the warehouse stays in the calling process. Small
batches run in-process: a spawned worker costs a second or two to start (it re-imports the
program that started it, e.g. the Dagster CLI).

Work is streamed: at most a few chunks are in flight, so a batch of any size never sits
whole in memory (``map_ordered``).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """``SITREP_EXTRACT_WORKERS`` (default 2)."""
    return max(1, int(os.environ.get("SITREP_EXTRACT_WORKERS", "2")))


def chunked(items: list[T], size: int) -> list[list[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _exit_with_owner(owner: int) -> None:
    """Pool initializer: a worker whose owner is gone (a SIGKILLed run cannot shut its pool
    down) exits, instead of waiting for work for ever."""
    def watch() -> None:
        while os.getppid() == owner:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-owner", daemon=True).start()


def spawn_pool(max_workers: int) -> ProcessPoolExecutor:
    """A pool of spawned workers that end with the process that started them."""
    return ProcessPoolExecutor(max_workers=max_workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_exit_with_owner, initargs=(os.getpid(),))


@contextmanager
def worker_pool(wanted: bool = True) -> Iterator[Executor | None]:
    """A pool of ``workers()`` processes, or None (run in-process) when not ``wanted`` or
    when there is one worker."""
    if not wanted or workers() == 1:
        yield None
        return
    with spawn_pool(workers()) as pool:
        yield pool


def map_ordered(fn: Callable[[T], R], chunks: Iterable[T], pool: Executor | None) -> Iterator[R]:
    """``fn`` over ``chunks``, results in order; with a pool, at most two chunks per worker
    are in flight (the next chunks are read only as results are taken)."""
    if pool is None:
        yield from map(fn, chunks)
        return
    pending: deque = deque()
    for chunk in chunks:
        pending.append(pool.submit(fn, chunk))
        if len(pending) >= 2 * workers():
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def map_chunks(fn: Callable[[list[T]], R], items: list[T], chunk: int, pool_min: int) -> Iterator[R]:
    """``fn`` over chunks of ``items``, results in order; a pool of ``workers()`` processes
    when there are at least ``pool_min`` items."""
    with worker_pool(len(items) >= pool_min) as pool:
        yield from map_ordered(fn, chunked(items, chunk), pool)
