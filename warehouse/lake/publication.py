"""Publication and serialisation of refreshes, kept in the PostgreSQL catalog database.

DuckLake gives every commit a snapshot; a refresh makes many commits (raw tables, then one per
dbt model), so the latest snapshot may be half a refresh. Sitrep therefore *publishes* a
snapshot at the end of a refresh: a row in ``sitrep_publications`` (snapshot id, time, refresh
id). Readers attach the lake at the latest published snapshot, or at the last one published
before a given time (``as_of``), and never see a refresh in progress.

A refresh holds a PostgreSQL advisory lock from its start to its publication, so refreshes of
one lake take turns wherever the workers run (see store.py for why). PostgreSQL releases the
lock when the holder's connection ends, so a killed worker frees it.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import psycopg2

log = logging.getLogger("sitrep.lake")

REFRESH_LOCK_KEY = 0x5174_7265_7000  # any constant shared by every Sitrep worker of this catalog
TABLE_SQL = """
CREATE TABLE IF NOT EXISTS sitrep_publications (
    publication_id  BIGSERIAL PRIMARY KEY,
    snapshot_id     BIGINT NOT NULL,
    published_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    refresh_id      TEXT,
    note            TEXT
)"""


@dataclass(frozen=True)
class Publication:
    snapshot_id: int
    published_at: datetime
    refresh_id: str | None


@contextmanager
def catalog_connection(catalog: str) -> Iterator["psycopg2.extensions.connection"]:
    conn = psycopg2.connect(catalog, application_name="sitrep", options="-c TimeZone=UTC")
    conn.autocommit = True
    try:
        yield conn
    finally:
        conn.close()


def ensure_table(catalog: str) -> None:
    with catalog_connection(catalog) as conn, conn.cursor() as cur:
        cur.execute(TABLE_SQL)


class RefreshLock:
    """The catalog-wide refresh lock: a PostgreSQL session advisory lock, held by this
    object's own connection until :meth:`release` (or until the process dies)."""

    def __init__(self, catalog: str) -> None:
        self.catalog = catalog
        self.conn = None

    @property
    def held(self) -> bool:
        return self.conn is not None and not self.conn.closed

    def acquire(self, who: str, wait: bool = True) -> bool:
        if self.held:
            return True
        conn = psycopg2.connect(self.catalog, application_name=f"sitrep {who}")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT pg_try_advisory_lock(%s)", (REFRESH_LOCK_KEY,))
            got = cur.fetchone()[0]
            if not got and wait:
                log.warning("%s: another refresh of this lake is running; waiting for it to publish", who)
                cur.execute("SELECT pg_advisory_lock(%s)", (REFRESH_LOCK_KEY,))
                got = True
        if not got:
            conn.close()
            return False
        self.conn = conn
        return True

    def release(self) -> None:
        if self.conn is not None:
            self.conn.close()  # ending the session frees the lock, as a killed worker's does
            self.conn = None


def publish(catalog: str, snapshot_id: int, refresh_id: str | None = None, note: str | None = None) -> Publication:
    """Make ``snapshot_id`` what readers see from now on."""
    with catalog_connection(catalog) as conn, conn.cursor() as cur:
        cur.execute(TABLE_SQL)
        cur.execute("INSERT INTO sitrep_publications (snapshot_id, refresh_id, note) VALUES (%s, %s, %s) "
                    "RETURNING snapshot_id, published_at, refresh_id", (snapshot_id, refresh_id, note))
        row = cur.fetchone()
    log.info("published DuckLake snapshot %s (refresh %s)", snapshot_id, refresh_id)
    return Publication(*row)


def published(catalog: str, as_of: datetime | str | None = None) -> Publication | None:
    """The publication readers see now, or the last one made at or before ``as_of``; None when
    nothing was published (yet, or before that time)."""
    with catalog_connection(catalog) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regclass('sitrep_publications') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        if as_of is None:
            cur.execute("SELECT snapshot_id, published_at, refresh_id FROM sitrep_publications "
                        "ORDER BY publication_id DESC LIMIT 1")
        else:
            cur.execute("SELECT snapshot_id, published_at, refresh_id FROM sitrep_publications "
                        "WHERE published_at <= %s::timestamptz ORDER BY published_at DESC, "
                        "publication_id DESC LIMIT 1", (as_of,))
        row = cur.fetchone()
    return Publication(*row) if row else None
