"""Incremental refresh equals a clean full build (real Dagster CLI runs on real files).

The refresh that adds 5 articles to the 50-article warehouse is the one completing after the
killed refreshes (``after_kills``, tests/storage/conftest.py): the killed runs published
nothing, so it sees the same warehouse and inbox a first incremental refresh would."""
from __future__ import annotations

import shutil

import pytest

from tests.storage.helpers import dagster_home, refresh_runs, run_refresh, snapshot

pytestmark = pytest.mark.slow
SCHEMAS = ("marts", "raw")
VOLATILE = ("marts.refresh_runs",)


def test_five_more_articles_extract_five_and_equal_a_full_build(builds, after_kills, tmp_path) -> None:
    plus5 = tmp_path / "w.duckdb"
    shutil.copyfile(after_kills["db"], plus5)
    last = refresh_runs(plus5)[-1]
    assert (last["outcome"], last["articles_new"], last["articles_extracted"]) == ("published", 5, 5)
    assert (last["files_seen"], last["files_new"], last["files_changed"]) == (2, 1, 0)
    assert snapshot(plus5, SCHEMAS, VOLATILE) == snapshot(builds["db55"], SCHEMAS, VOLATILE)

    before = snapshot(plus5, SCHEMAS, VOLATILE)
    run_refresh(builds["inbox"], plus5, dagster_home(tmp_path / "home"), tmp_path / "again.log")
    again = refresh_runs(plus5)[-1]
    assert (again["files_new"], again["articles_new"], again["articles_extracted"], again["claims_added"]) == (0, 0, 0, 0)
    assert snapshot(plus5, SCHEMAS, VOLATILE) == before
