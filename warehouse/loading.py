"""Loading the inbox and the extracted claims into the raw tables."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from .db import Transaction, apply_schema, replace_rows
from .dedupe import Candidate, article_id_for, content_sha256, near_duplicates
from .inbox import InboxBatch
from .records import ArticleRecord, Quarantined

CLAIM_TABLES = {
    "control_changes": "raw.control_changes",
    "casualty_claims": "raw.casualty_claims",
    "displacement_figures": "raw.displacement_figures",
    "equipment_losses": "raw.equipment_losses",
}


@dataclass(frozen=True)
class IngestSummary:
    articles: int
    copies: int
    near_duplicates: int
    quarantined: int
    files_seen: int


def article_rows(batch: InboxBatch, now: datetime, known: dict[str, datetime]) -> tuple[
    list[dict[str, Any]], list[dict[str, Any]]
]:
    """(one row per distinct text, one row per further exact copy). The first copy read wins;
    ``known`` keeps the first ``ingested_at`` of articles already in the warehouse."""
    firsts: dict[str, ArticleRecord] = {}
    copies: list[dict[str, Any]] = []
    for record in batch.records:
        article_id = article_id_for(record.text)
        if article_id in firsts:
            copies.append({"source_uri": record.source_uri, "article_id": article_id, "seen_at": now})
        else:
            firsts[article_id] = record
    near = near_duplicates([
        Candidate(aid, r.text, r.published_at, r.source_uri) for aid, r in firsts.items()
    ])
    rows = [
        {
            "article_id": aid,
            "external_id": r.external_id,
            "title": r.title,
            "outlet": r.outlet,
            "published_at": r.published_at,
            "published_at_raw": r.published_at_raw,
            "url": r.url,
            "source_uri": r.source_uri,
            "content_sha256": content_sha256(r.text),
            "n_chars": len(r.text),
            "language": r.language,
            "text": r.text,
            "duplicate_of": near.get(aid),
            "ingested_at": known.get(aid, now),
        }
        for aid, r in firsts.items()
    ]
    return rows, copies


def quarantine_rows(items: list[Quarantined], now: datetime) -> list[dict[str, Any]]:
    return [
        {"source_uri": q.source_uri, "reason": q.reason, "detail": q.detail, "seen_at": now}
        for q in items
    ]


def store_inbox(conn: duckdb.DuckDBPyConnection, batch: InboxBatch, now: datetime | None = None) -> IngestSummary:
    """Replace the raw article tables with the inbox's current content, in one transaction."""
    now = now or datetime.now().replace(microsecond=0)
    apply_schema(conn)
    known = dict(conn.execute("SELECT article_id, ingested_at FROM raw.articles").fetchall())
    rows, copies = article_rows(batch, now, known)
    with Transaction(conn):
        replace_rows(conn, "raw.articles", rows)
        replace_rows(conn, "raw.article_copies", copies)
        replace_rows(conn, "raw.quarantine", quarantine_rows(batch.quarantined, now),
                     where="reason <> 'extraction_error'")
    return IngestSummary(
        articles=len(rows), copies=len(copies),
        near_duplicates=sum(1 for r in rows if r["duplicate_of"]),
        quarantined=len(batch.quarantined), files_seen=batch.files_seen,
    )


def store_claims(
    conn: duckdb.DuckDBPyConnection,
    rows_by_type: dict[str, list[dict[str, Any]]],
    errors: list[Quarantined],
    now: datetime | None = None,
) -> dict[str, int]:
    """Replace every raw claim table (and the extraction-error quarantine rows) at once."""
    now = now or datetime.now().replace(microsecond=0)
    apply_schema(conn)
    with Transaction(conn):
        counts = {
            name: replace_rows(conn, table, rows_by_type.get(name, []))
            for name, table in CLAIM_TABLES.items()
        }
        replace_rows(conn, "raw.quarantine", quarantine_rows(errors, now),
                     where="reason = 'extraction_error'")
    return counts


def articles_to_extract(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str, Any]]:
    """(article_id, text, published_at) of every stored article, in a stable order."""
    return conn.execute(
        "SELECT article_id, text, published_at FROM raw.articles ORDER BY article_id"
    ).fetchall()
