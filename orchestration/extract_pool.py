"""Extraction of a batch of articles, on both cores when the batch is large.

Workers (a process pool of ``SITREP_EXTRACT_WORKERS``, default 2) only run the pure-Python
extractors; every write to the warehouse stays in the calling process, one chunk at a time.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from extractors import EXTRACTOR_VERSION, extract_article
from warehouse.loading import CLAIM_TABLES
from warehouse.parallel import map_ordered, worker_pool, workers  # noqa: F401 (workers: re-exported)
from warehouse.records import Quarantined

CHUNK = 500  # articles per task, and per write
POOL_MIN_ARTICLES = 400  # below this the pool's start-up costs more than it saves

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


def extract_chunks(chunks: Iterable[list[tuple[str, str, Any]]], n_articles: int) -> Iterator[Chunk]:
    """Results chunk by chunk, in order; a process pool when the batch (``n_articles`` in all)
    is large enough. Chunks are taken from ``chunks`` only as workers free up."""
    with worker_pool(n_articles >= POOL_MIN_ARTICLES) as pool:
        yield from map_ordered(extract_chunk, chunks, pool)
