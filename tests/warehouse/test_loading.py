"""Storing the inbox in DuckDB: content-hash ids, copies, near duplicates, atomic replace."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from warehouse.dedupe import article_id_for, near_duplicates, Candidate
from warehouse.inbox import read_inbox
from warehouse.loading import store_claims, store_inbox
from warehouse.records import Quarantined

STORY = ("Opposition fighters captured the town of Kafr Zita after dawn on Monday, a monitoring group "
         "said, adding that government troops pulled back towards the provincial capital. Residents "
         "reported heavy shelling overnight and said many families had left the town before the "
         "assault began. The group said it could not yet confirm the number of dead.")


def test_same_text_twice_is_stored_once_and_the_copy_recorded(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(STORY)
    (inbox / "two.txt").write_text("  " + STORY.replace(". ", ".\n") + "\n")  # spacing differs only
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        summary = store_inbox(conn, read_inbox(inbox))
        assert (summary.articles, summary.copies) == (1, 1)
        (article_id,) = conn.execute("SELECT article_id FROM raw.articles").fetchone()
        assert article_id == article_id_for(STORY)
        copy = conn.execute("SELECT source_uri, article_id FROM raw.article_copies").fetchone()
        assert copy[0].endswith("two.txt") and copy[1] == article_id


def test_syndicated_copy_with_small_edits_points_to_the_original() -> None:
    edited = STORY.replace("a monitoring group said", "a UK-based monitoring group said") + " (Wire copy.)"
    other = "Aid agencies said food prices in the city had doubled since the winter, and bakeries closed."
    copies = near_duplicates([
        Candidate("orig", STORY, datetime(2025, 1, 1).date(), "a"),
        Candidate("copy", edited, datetime(2025, 1, 2).date(), "b"),
        Candidate("other", other, datetime(2025, 1, 2).date(), "c"),
    ])
    assert copies == {"copy": "orig"}


def test_rerun_keeps_first_ingestion_time(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(STORY)
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        store_inbox(conn, read_inbox(inbox), now=datetime(2025, 1, 1, 12))
        store_inbox(conn, read_inbox(inbox), now=datetime(2025, 1, 2, 12))
        assert conn.execute("SELECT ingested_at FROM raw.articles").fetchone()[0] == datetime(2025, 1, 1, 12)


def test_a_failed_write_leaves_the_previous_claims_in_place(tmp_path: Path) -> None:
    row = {"claim_id": "c1", "article_id": "a1", "evidence_text": "x", "evidence_start": 0,
           "evidence_end": 1, "extractor_version": "t", "population": "displaced", "count_best": 5}
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        store_claims(conn, {"displacement_figures": [row]}, [])
        broken = {**row, "claim_id": "c2", "evidence_text": None}  # violates NOT NULL
        with pytest.raises(duckdb.ConstraintException):
            store_claims(conn, {"displacement_figures": [broken], "casualty_claims": []},
                         [Quarantined("article:a1", "extraction_error", "boom")])
        assert conn.execute("SELECT claim_id FROM raw.displacement_figures").fetchall() == [("c1",)]
        assert conn.execute("SELECT count(*) FROM raw.quarantine").fetchone()[0] == 0
