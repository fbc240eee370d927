"""SIGKILL of a whole refresh at ingestion, at extraction and twice inside dbt: the published
warehouse stays exactly as it was; the next refresh, with the same DAGSTER_HOME, needs no
manual step and equals a clean full build. A reader holding a read-only connection through
that refresh keeps getting answers, and the refresh succeeds. (The kills, the comparison
after each, and the completing refresh are the ``after_kills`` fixture, tests/storage/conftest.py.)

That completing refresh adds 5 articles to the 50-article warehouse: the killed runs published
nothing, so it is the incremental refresh a first one would be, and the last test checks it
against a clean full build. One file, so that one pytest-xdist worker runs the whole chain."""
from __future__ import annotations

import json
import shutil

import pytest

from tests.storage.helpers import dagster_home, refresh_runs, run_refresh, snapshot

pytestmark = pytest.mark.slow
SCHEMAS = ("marts", "raw")
VOLATILE = ("marts.refresh_runs",)


def test_killed_refreshes_publish_nothing_and_the_next_one_completes(builds, after_kills) -> None:
    db = after_kills["db"]
    assert "freed the pool slots of run" in after_kills["log"].read_text()  # the dead runs' slots, with a log line
    assert snapshot(db, ("marts", "raw"), ("marts.refresh_runs",)) == \
        snapshot(builds["db55"], ("marts", "raw"), ("marts.refresh_runs",))
    outcomes = [r["outcome"] for r in refresh_runs(db)]
    assert outcomes[-1] == "published" and outcomes.count("abandoned") == 4
    assert not list((db.parent / f".{db.name}.builds").glob("*.duckdb"))  # no leftovers after publication


def test_a_reader_keeps_answering_through_the_refresh(after_kills) -> None:
    """One read-only connection, opened before the refresh and polled through it: every answer
    is the published 50 articles (and one casualty count), never an error or a half state."""
    answers = [a for a in after_kills["reader"].read_text().split("\n") if a]
    assert len(answers) > 10 and set(answers) == {"50 " + answers[0].split()[1]}


def test_five_more_articles_extract_five_and_equal_a_full_build(builds, after_kills, tmp_path) -> None:
    plus5 = tmp_path / "w.duckdb"
    shutil.copyfile(after_kills["db"], plus5)
    last = refresh_runs(plus5)[-1]
    assert (last["outcome"], last["articles_new"], last["articles_extracted"]) == ("published", 5, 5)
    assert (last["files_seen"], last["files_new"], last["files_changed"]) == (2, 1, 0)
    assert snapshot(plus5, SCHEMAS, VOLATILE) == snapshot(builds["db55"], SCHEMAS, VOLATILE)

    before = snapshot(plus5, SCHEMAS, VOLATILE)
    published = plus5.stat()
    log = run_refresh(builds["inbox"], plus5, dagster_home(tmp_path / "home"), tmp_path / "again.log")
    assert "nothing new" in log and plus5.stat().st_ino == published.st_ino  # no build, no publication
    pending = json.loads((plus5.parent / f".{plus5.name}.builds" / "abandoned.jsonl")
                         .read_text().splitlines()[-1])  # recorded in marts.refresh_runs by the next publication
    again = pending["figures"]
    assert pending["outcome"] == "nothing_new"
    assert (again["files_new"], again["articles_new"], again["articles_extracted"], again["claims_added"]) == (0, 0, 0, 0)
    assert snapshot(plus5, SCHEMAS, VOLATILE) == before
