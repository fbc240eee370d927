"""SIGKILL of a whole refresh at ingestion, at extraction and twice inside dbt: the published
warehouse stays exactly as it was; the next refresh, with the same DAGSTER_HOME, needs no
manual step and equals a clean full build. A reader holding a read-only connection through
that refresh keeps getting answers, and the refresh succeeds. (The kills, the comparison
after each, and the completing refresh are the ``after_kills`` fixture, tests/storage/conftest.py.)"""
from __future__ import annotations

import pytest

from tests.storage.helpers import refresh_runs, snapshot

pytestmark = pytest.mark.slow


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
