"""Loading the inbox and the extracted claims into the raw tables, incrementally.

Ingestion adds what is new: articles never seen, further exact copies, quarantine entries of
the files read again; it never deletes an article (a file that leaves the inbox keeps its
articles). Near duplicates are re-decided only for the new articles and the LSH neighbourhood
they join, so the result equals deciding them over the whole corpus at once.
All writes go through Arrow (Polars frames), never row by row.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from .db import Transaction, apply_schema
from .dedupe import Candidate, article_id_for, assign_copies, content_sha256, lsh_bands_many
from .inbox import InboxBatch
from .inbox_state import plan, read_paths, scan, store_states
from .parallel import map_chunks
from .records import ArticleRecord, Quarantined

CLAIM_TABLES = {
    "control_changes": "raw.control_changes",
    "casualty_claims": "raw.casualty_claims",
    "displacement_figures": "raw.displacement_figures",
    "equipment_losses": "raw.equipment_losses",
}
METADATA = ("external_id", "title", "outlet", "published_at", "published_at_raw", "url", "language")


@dataclass(frozen=True)
class IngestSummary:
    articles: int  # articles now stored
    articles_new: int
    copies: int  # exact copies recorded by this refresh
    near_duplicates: int  # articles now marked as syndicated copies
    quarantined: int  # quarantine entries of the files read by this refresh
    files_seen: int
    files_new: int = 0
    files_changed: int = 0
    files_read: int = 0


def insert_frame(conn: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> int:
    """Append ``rows`` to ``table`` by column name, through Arrow."""
    if not rows:
        return 0
    frame = pl.DataFrame(rows, infer_schema_length=None)  # noqa: F841 (read by DuckDB below)
    conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame")
    return len(rows)


def _under(files: list[str]) -> pl.DataFrame:
    return pl.DataFrame({"path": files}, schema={"path": pl.String})


def article_row(record: ArticleRecord, article_id: str, now: datetime) -> dict[str, Any]:
    return {
        "article_id": article_id, "external_id": record.external_id, "title": record.title,
        "outlet": record.outlet, "published_at": record.published_at, "url": record.url,
        "published_at_raw": record.published_at_raw,
        "source_uri": record.source_uri, "content_sha256": content_sha256(record.text),
        "n_chars": len(record.text), "language": record.language, "text": record.text,
        "duplicate_of": None, "ingested_at": now,
    }


def ingest(conn: duckdb.DuckDBPyConnection, inbox: Path, now: datetime | None = None) -> IngestSummary:
    """Read the new and changed inbox files into the raw tables, in one transaction."""
    now = now or datetime.now().replace(microsecond=0)
    apply_schema(conn)
    inbox_plan = plan(conn, scan(inbox))
    batch, counts = read_paths(inbox, inbox_plan.to_read)
    with Transaction(conn):
        summary = store_batch(conn, batch, [s.path for s in inbox_plan.to_read], now)
        store_states(conn, inbox_plan, counts, now)
    return IngestSummary(**{**summary.__dict__, "files_seen": len(inbox_plan.seen),
                            "files_new": len(inbox_plan.new), "files_changed": len(inbox_plan.changed),
                            "files_read": len(inbox_plan.to_read)})


def store_batch(conn: duckdb.DuckDBPyConnection, batch: InboxBatch, files_read: list[str], now: datetime) -> IngestSummary:
    """Add ``batch`` (the records of ``files_read``) to the raw tables (caller's transaction)."""
    read = _under(files_read)  # noqa: F841 (read by DuckDB below)
    in_read = "split_part(source_uri, '#', 1) IN (SELECT path FROM read)"
    # inbox-level rows (links out of the inbox, manifest problems) are recomputed on every refresh
    conn.execute(f"DELETE FROM raw.quarantine WHERE reason <> 'extraction_error' AND ({in_read} OR "
                 "split_part(source_uri, '#', 1) NOT IN (SELECT path FROM raw.inbox_files) OR "
                 "regexp_matches(source_uri, '/manifest\\.csv(#|$)'))")
    conn.execute(f"DELETE FROM raw.article_copies WHERE {in_read}")

    ids = [article_id_for(r.text) for r in batch.records]
    batch_ids = pl.DataFrame({"article_id": list(set(ids))}, schema={"article_id": pl.String})  # noqa: F841
    known = {aid: (uri, *meta) for aid, uri, *meta in conn.execute(
        f"SELECT article_id, source_uri, {', '.join(METADATA)} FROM raw.articles "
        "WHERE article_id IN (SELECT article_id FROM batch_ids)").fetchall()}

    new_rows: dict[str, dict[str, Any]] = {}
    copies: list[dict[str, Any]] = []
    updated: list[dict[str, Any]] = []
    for record, aid in zip(batch.records, ids):
        if aid in new_rows or (aid in known and known[aid][0] != record.source_uri):
            copies.append({"source_uri": record.source_uri, "article_id": aid, "seen_at": now})
        elif aid in known:  # read again from where it was first read: its metadata may have changed
            fresh = tuple(getattr(record, m) for m in METADATA)
            if fresh != tuple(known[aid][1:]):
                updated.append({"article_id": aid, **dict(zip(METADATA, fresh))})
        else:
            new_rows[aid] = article_row(record, aid, now)

    insert_frame(conn, "raw.articles", list(new_rows.values()))
    insert_frame(conn, "raw.article_copies", copies)
    insert_frame(conn, "raw.quarantine", quarantine_rows(batch.quarantined, now))
    if updated:
        changes = pl.DataFrame(updated, infer_schema_length=None)  # noqa: F841
        conn.execute("UPDATE raw.articles a SET " + ", ".join(f"{m} = c.{m}" for m in METADATA)
                     + " FROM changes c WHERE a.article_id = c.article_id")
        conn.execute("DELETE FROM raw.extracted_articles WHERE article_id IN (SELECT article_id FROM changes)")
    new_ids = list(new_rows)
    bands = [b for part in map_chunks(lsh_bands_many, [new_rows[a]["text"] for a in new_ids], 1000, 4000) for b in part]
    insert_bands(conn, new_ids, bands)
    redecide_near_duplicates(conn, set(new_rows) | {u["article_id"] for u in updated})
    total, near = conn.execute(
        "SELECT count(*), count(duplicate_of) FROM raw.articles").fetchone()
    return IngestSummary(articles=total, articles_new=len(new_rows), copies=len(copies), near_duplicates=near,
                         quarantined=len(batch.quarantined), files_seen=batch.files_seen)


def insert_bands(conn: duckdb.DuckDBPyConnection, ids: list[str], bands: list[list[int]]) -> None:
    """Store each article's LSH band keys (one row per article and band)."""
    if not ids:
        return
    frame = pl.DataFrame(  # noqa: F841 (read by DuckDB below)
        {"article_id": ids, "bucket": bands}, schema={"article_id": pl.String, "bucket": pl.List(pl.Int64)})
    conn.execute("INSERT INTO raw.article_lsh_bands SELECT article_id, CAST(b.band - 1 AS SMALLINT), b.bucket "
                 "FROM frame, unnest(bucket) WITH ORDINALITY AS b(bucket, band)")


def redecide_near_duplicates(conn: duckdb.DuckDBPyConnection, changed: set[str]) -> int:
    """Re-decide ``duplicate_of`` for the changed articles and everything their LSH
    neighbourhood reaches (candidates, and the copies and originals linked to them)."""
    if not changed:
        return 0
    component: set[str] = set()
    neighbours: dict[str, set[str]] = {}
    frontier = set(changed)
    while frontier:
        component |= frontier
        front = pl.DataFrame({"article_id": list(frontier)}, schema={"article_id": pl.String})  # noqa: F841
        pairs = conn.execute("""
            SELECT DISTINCT b1.article_id, b2.article_id
            FROM raw.article_lsh_bands b1 JOIN raw.article_lsh_bands b2 USING (band, bucket)
            WHERE b1.article_id IN (SELECT article_id FROM front) AND b1.article_id <> b2.article_id
        """).fetchall()
        linked = conn.execute("""
            SELECT article_id, duplicate_of FROM raw.articles
            WHERE duplicate_of IN (SELECT article_id FROM front)
               OR (article_id IN (SELECT article_id FROM front) AND duplicate_of IS NOT NULL)
        """).fetchall()
        for a, b in pairs:
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
        frontier = ({b for _, b in pairs} | {x for pair in linked for x in pair}) - component
    members = pl.DataFrame(  # noqa: F841 (read by DuckDB below); texts only where there are candidates
        {"article_id": list(component), "involved": [bool(neighbours.get(a)) for a in component]},
        schema={"article_id": pl.String, "involved": pl.Boolean})
    articles = [
        Candidate(aid, text or "", published_at, uri)
        for aid, text, published_at, uri in conn.execute(
            "SELECT a.article_id, CASE WHEN m.involved THEN a.text END, a.published_at, a.source_uri "
            "FROM raw.articles a JOIN members m USING (article_id)").fetchall()
    ]
    copies = assign_copies(articles, lambda aid: neighbours.get(aid, set()))
    decided = pl.DataFrame(  # noqa: F841
        {"article_id": [a.article_id for a in articles], "duplicate_of": [copies.get(a.article_id) for a in articles]},
        schema={"article_id": pl.String, "duplicate_of": pl.String})
    conn.execute("""
        UPDATE raw.articles a SET duplicate_of = d.duplicate_of FROM decided d
        WHERE a.article_id = d.article_id AND a.duplicate_of IS DISTINCT FROM d.duplicate_of
    """)
    return len(copies)


def quarantine_rows(items: list[Quarantined], now: datetime) -> list[dict[str, Any]]:
    return [
        {"source_uri": q.source_uri, "reason": q.reason, "detail": q.detail, "seen_at": now}
        for q in items
    ]


def store_claims(
    conn: duckdb.DuckDBPyConnection,
    rows_by_type: dict[str, list[dict[str, Any]]],
    errors: list[Quarantined],
    extracted: list[tuple[str, str, int]],
    now: datetime | None = None,
) -> dict[str, int]:
    """Replace the claims of the articles just extracted (``extracted``: article id, extractor
    version, claim count) and their extraction-error rows, in one transaction."""
    now = now or datetime.now().replace(microsecond=0)
    apply_schema(conn)
    done = pl.DataFrame(  # noqa: F841 (read by DuckDB below)
        {"article_id": [e[0] for e in extracted], "extractor_version": [e[1] for e in extracted],
         "n_claims": [e[2] for e in extracted], "extracted_at": [now] * len(extracted)},
        schema={"article_id": pl.String, "extractor_version": pl.String, "n_claims": pl.Int32,
                "extracted_at": pl.Datetime("us")})
    with Transaction(conn):
        for table in CLAIM_TABLES.values():
            conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM done)")
        conn.execute("DELETE FROM raw.quarantine WHERE reason = 'extraction_error' "
                     "AND substr(source_uri, 9) IN (SELECT article_id FROM done)")
        counts = {name: insert_frame(conn, table, rows_by_type.get(name, [])) for name, table in CLAIM_TABLES.items()}
        insert_frame(conn, "raw.quarantine", quarantine_rows(errors, now))
        # delete + insert, not INSERT OR REPLACE: DuckLake tables have no keys
        conn.execute("DELETE FROM raw.extracted_articles WHERE article_id IN (SELECT article_id FROM done)")
        conn.execute("INSERT INTO raw.extracted_articles SELECT * FROM done")
    return counts


def drop_other_versions(conn: duckdb.DuckDBPyConnection, version: str) -> int:
    """Delete claims of any other extractor version (a new version re-extracts everything)."""
    apply_schema(conn)
    with Transaction(conn):
        stale = conn.execute("SELECT count(*) FROM raw.extracted_articles WHERE extractor_version <> ?",
                             [version]).fetchone()[0]
        for table in CLAIM_TABLES.values():
            conn.execute(f"DELETE FROM {table} WHERE extractor_version <> ?", [version])
        conn.execute("DELETE FROM raw.extracted_articles WHERE extractor_version <> ?", [version])
    return stale


def articles_to_extract(conn: duckdb.DuckDBPyConnection, version: str) -> list[tuple[str, str, Any]]:
    """(article_id, text, published_at) of every article the current extractor version has
    not read yet, in a stable order."""
    return conn.execute("""
        SELECT a.article_id, a.text, a.published_at FROM raw.articles a
        WHERE NOT EXISTS (SELECT 1 FROM raw.extracted_articles e
                          WHERE e.article_id = a.article_id AND e.extractor_version = ?)
        ORDER BY a.article_id
    """, [version]).fetchall()
