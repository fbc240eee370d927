"""Extraction of a batch of articles, on both cores when the batch is large.

Workers (a process pool of ``SITREP_EXTRACT_WORKERS``, default 2) only run the pure-Python
extractors; every write to the warehouse stays in the calling process, one chunk at a time.

A small batch runs in one worker started while ingestion still runs (:func:`prewarm`): a new
process pays ~2 CPU s to load the extractors' tables and 2-4 more compiling control's trigger
patterns for the words the articles use, before its first claims. The warm worker pays that on
the other core, extracting a few of the warehouse's latest articles (their words are the
corpus's), while ingestion reads the inbox; the claims it then returns are the same as
in-process extraction gives (the extractors are pure functions of the text).
``SITREP_EXTRACT_WARM=0`` turns it off.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from typing import Any

from extractors import EXTRACTOR_VERSION, extract_article
from warehouse.loading import CLAIM_TABLES
from warehouse.parallel import map_ordered, spawn_pool, worker_pool, workers  # noqa: F401 (workers: re-exported)
from warehouse.records import Quarantined

CHUNK = 500  # articles per task, and per write
POOL_MIN_ARTICLES = 400  # below this the pool's start-up costs more than it saves
WARM_ENV = "SITREP_EXTRACT_WARM"
WARM_ARTICLES = 30  # the warehouse's latest articles the warm worker extracts (and throws away)
_WARM: dict[str, Executor] = {}  # run id -> its one warm worker

Chunk = tuple[dict[str, list[dict]], list[Quarantined], list[tuple[str, str, int]]]


def extract_chunk(articles: list[tuple[str, str, Any]]) -> Chunk:
    """Claim rows by fact type, the articles the extractors failed on, and per article
    (id, extractor version, number of claims)."""
    rows: dict[str, list[dict]] = {name: [] for name in CLAIM_TABLES}
    errors: list[Quarantined] = []
    extracted: list[tuple[str, str, int]] = []
    for article_id, text, published_at in articles:
        try:
            claims = extract_article(text, article_id, published_at)
        except Exception as exc:  # one broken article never stops the batch
            errors.append(Quarantined(f"article:{article_id}", "extraction_error", repr(exc)[:500]))
            extracted.append((article_id, EXTRACTOR_VERSION, 0))
            continue
        n = 0
        for name in CLAIM_TABLES:
            found = getattr(claims, name)
            rows[name].extend(c.to_row() for c in found)
            n += len(found)
        extracted.append((article_id, EXTRACTOR_VERSION, n))
    return rows, errors, extracted


def extract_chunks(chunks: Iterable[list[tuple[str, str, Any]]], n_articles: int,
                   run_id: str | None = None) -> Iterator[Chunk]:
    """Results chunk by chunk, in order; a process pool when the batch (``n_articles`` in all)
    is large enough, else the run's warm worker if it has one, else in-process. Chunks are
    taken from ``chunks`` only as workers free up."""
    warm = _WARM.pop(run_id, None) if run_id else None
    if warm is not None and n_articles < POOL_MIN_ARTICLES:
        try:
            yield from map_ordered(extract_chunk, chunks, warm)
        finally:
            warm.shutdown(wait=False, cancel_futures=True)
        return
    if warm is not None:
        warm.shutdown(wait=False, cancel_futures=True)
    with worker_pool(n_articles >= POOL_MIN_ARTICLES) as pool:
        yield from map_ordered(extract_chunk, chunks, pool)


def prewarm(run_id: str, texts: list[tuple[str, str, Any]]) -> None:
    """Start this run's warm worker, extracting ``texts`` (article id, text, published_at) to
    load and compile what the extractors need; the results are thrown away."""
    for other in [r for r in _WARM if r != run_id]:  # an earlier run of this process that never extracted
        _WARM.pop(other).shutdown(wait=False, cancel_futures=True)
    if run_id in _WARM or os.environ.get(WARM_ENV, "1") == "0" or workers() == 1:
        return
    pool = spawn_pool(1)
    pool.submit(warm_up, texts)
    _WARM[run_id] = pool


def warm_up(texts: list[tuple[str, str, Any]]) -> int:
    return len(extract_chunk(texts)[2])
