"""Storing the inbox in DuckDB, incrementally: content-hash ids, copies, near duplicates
(MinHash LSH confirmed by exact Jaccard), files read once, claims per extractor version."""
from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from warehouse.dedupe import Candidate, article_id_for, near_duplicates
from warehouse.loading import articles_to_extract, drop_other_versions, ingest, store_claims
from warehouse.records import Quarantined

STORY = ("Opposition fighters captured the town of Kafr Zita after dawn on Monday, a monitoring group "
         "said, adding that government troops pulled back towards the provincial capital. Residents "
         "reported heavy shelling overnight and said many families had left the town before the "
         "assault began. The group said it could not yet confirm the number of dead.")
EDITED = STORY.replace("a monitoring group said", "a UK-based monitoring group said") + " (Wire copy.)"


def test_same_text_twice_is_stored_once_and_the_copy_recorded(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(STORY)
    (inbox / "two.txt").write_text("  " + STORY.replace(". ", ".\n") + "\n")  # spacing differs only
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        summary = ingest(conn, inbox)
        assert (summary.articles, summary.articles_new, summary.copies) == (1, 1, 1)
        (article_id,) = conn.execute("SELECT article_id FROM raw.articles").fetchone()
        assert article_id == article_id_for(STORY)
        copy = conn.execute("SELECT source_uri, article_id FROM raw.article_copies").fetchone()
        assert copy[0].endswith("two.txt") and copy[1] == article_id


def test_syndicated_copy_with_small_edits_points_to_the_original() -> None:
    other = "Aid agencies said food prices in the city had doubled since the winter, and bakeries closed."
    copies = near_duplicates([
        Candidate("orig", STORY, datetime(2025, 1, 1).date(), "a"),
        Candidate("copy", EDITED, datetime(2025, 1, 2).date(), "b"),
        Candidate("other", other, datetime(2025, 1, 2).date(), "c"),
    ])
    assert copies == {"copy": "orig"}


def test_short_items_that_differ_only_in_the_day_or_a_number_are_not_merged() -> None:
    friday = "Shelling killed four civilians in the town of Ariha on Friday, a local monitoring group said."
    copies = near_duplicates([
        Candidate("fri", friday, date(2025, 1, 3), "a"),
        Candidate("sat", friday.replace("Friday", "Saturday"), date(2025, 1, 4), "b"),
        Candidate("num", friday.replace("four", "4").replace("Ariha", "Ariha 2"), date(2025, 1, 4), "c"),
        Candidate("same", friday + " ", date(2025, 1, 5), "d"),
    ])
    assert copies == {"same": "fri"}


def test_unchanged_files_are_not_read_again_and_keep_their_first_ingestion_time(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(STORY)
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        ingest(conn, inbox, now=datetime(2025, 1, 1, 12))
        again = ingest(conn, inbox, now=datetime(2025, 1, 2, 12))
        assert (again.files_seen, again.files_read, again.articles_new) == (1, 0, 0)
        os.utime(inbox / "one.txt", ns=(1, 1))  # touched, same content: not read either
        assert ingest(conn, inbox).files_read == 0
        (inbox / "one.txt").unlink()  # a file that leaves the inbox keeps its articles
        assert ingest(conn, inbox).articles == 1
        assert conn.execute("SELECT ingested_at FROM raw.articles").fetchone()[0] == datetime(2025, 1, 1, 12)


def test_a_later_file_with_an_earlier_copy_gives_the_same_links_as_a_full_build(tmp_path: Path) -> None:
    """The original is the earliest published: an earlier copy arriving later takes its place."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(json.dumps({"text": STORY, "published_at": "2025-01-05"}) + "\n")
    with duckdb.connect(str(tmp_path / "incremental.duckdb")) as conn:
        ingest(conn, inbox)
        (inbox / "b.jsonl").write_text(json.dumps({"text": EDITED, "published_at": "2025-01-02"}) + "\n")
        ingest(conn, inbox)
        incremental = conn.execute("SELECT article_id, duplicate_of FROM raw.articles ORDER BY 1").fetchall()
    with duckdb.connect(str(tmp_path / "full.duckdb")) as conn:
        ingest(conn, inbox)
        full = conn.execute("SELECT article_id, duplicate_of FROM raw.articles ORDER BY 1").fetchall()
    assert incremental == full
    assert dict(full)[article_id_for(STORY)] == article_id_for(EDITED)


ROW = {"claim_id": "c1", "article_id": "a1", "evidence_text": "x", "evidence_start": 0,
       "evidence_end": 1, "extractor_version": "v1", "population": "displaced", "count_best": 5}


def test_a_failed_write_leaves_the_previous_claims_in_place(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        store_claims(conn, {"displacement_figures": [ROW]}, [], [("a1", "v1", 1)])
        broken = {**ROW, "claim_id": "c2", "evidence_text": None}  # violates NOT NULL
        with pytest.raises(duckdb.ConstraintException):
            store_claims(conn, {"displacement_figures": [broken], "casualty_claims": []},
                         [Quarantined("article:a1", "extraction_error", "boom")], [("a1", "v1", 1)])
        assert conn.execute("SELECT claim_id FROM raw.displacement_figures").fetchall() == [("c1",)]
        assert conn.execute("SELECT count(*) FROM raw.quarantine").fetchone()[0] == 0


def test_only_articles_not_read_by_the_current_version_are_extracted(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(STORY)
    (inbox / "two.txt").write_text("Aid agencies said food prices had doubled since the winter.")
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        ingest(conn, inbox)
        assert len(articles_to_extract(conn, "v1")) == 2
        first = article_id_for(STORY)
        store_claims(conn, {"displacement_figures": [{**ROW, "article_id": first}]}, [], [(first, "v1", 1)])
        assert [a[0] for a in articles_to_extract(conn, "v1")] == [article_id_for("Aid agencies said food "
                                                                                 "prices had doubled since the winter.")]
        assert drop_other_versions(conn, "v2") == 1  # a new version: its claims go, everything is read again
        assert conn.execute("SELECT count(*) FROM raw.displacement_figures").fetchone()[0] == 0
        assert len(articles_to_extract(conn, "v2")) == 2
