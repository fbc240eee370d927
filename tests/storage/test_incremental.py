"""Incremental refresh equals a clean full build (real Dagster CLI runs on real files)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.storage.helpers import dagster_home, refresh_runs, run_refresh, snapshot

pytestmark = pytest.mark.slow
SCHEMAS = ("marts", "raw")
VOLATILE = ("marts.refresh_runs",)


def test_five_more_articles_extract_five_and_equal_a_full_build(builds, warehouse_of_50: Path, tmp_path) -> None:
    home = dagster_home(tmp_path / "home")
    run_refresh(builds["inbox"], warehouse_of_50, home, tmp_path / "plus5.log")
    last = refresh_runs(warehouse_of_50)[-1]
    assert (last["outcome"], last["articles_new"], last["articles_extracted"]) == ("published", 5, 5)
    assert (last["files_seen"], last["files_new"], last["files_changed"]) == (2, 1, 0)
    assert snapshot(warehouse_of_50, SCHEMAS, VOLATILE) == snapshot(builds["db55"], SCHEMAS, VOLATILE)

    before = snapshot(warehouse_of_50, SCHEMAS, VOLATILE)
    published = warehouse_of_50.stat()
    log = run_refresh(builds["inbox"], warehouse_of_50, home, tmp_path / "again.log")
    assert "nothing new" in log and warehouse_of_50.stat().st_ino == published.st_ino  # no build, no publication
    pending = json.loads((warehouse_of_50.parent / f".{warehouse_of_50.name}.builds" / "abandoned.jsonl")
                         .read_text().splitlines()[-1])  # recorded in marts.refresh_runs by the next publication
    again = pending["figures"]
    assert pending["outcome"] == "nothing_new"
    assert (again["files_new"], again["articles_new"], again["articles_extracted"], again["claims_added"]) == (0, 0, 0, 0)
    assert snapshot(warehouse_of_50, SCHEMAS, VOLATILE) == before
