"""Builds shared by the slow storage tests: an inbox of 50 distinct articles built once, then
5 more added and a clean full build of the 55 (same folder, so the same source paths)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitrep.bench_corpus import articles, sentence_pool

from tests.storage.helpers import dagster_home, run_refresh


def write_jsonl(path: Path, items: list[dict]) -> None:
    import json

    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")


@pytest.fixture(scope="session")
def builds(tmp_path_factory, dbt_manifest) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("storage_builds")
    inbox = root / "inbox"
    inbox.mkdir()
    corpus = list(articles(55, seed=7, pool=sentence_pool()))
    write_jsonl(inbox / "a-first-50.jsonl", corpus[:50])
    db50 = root / "w50.duckdb"
    run_refresh(inbox, db50, dagster_home(root / "home50"), root / "build50.log")
    write_jsonl(inbox / "b-five-more.jsonl", corpus[50:])
    db55 = root / "w55.duckdb"
    run_refresh(inbox, db55, dagster_home(root / "home55"), root / "build55.log")
    return {"root": root, "inbox": inbox, "db50": db50, "db55": db55}


@pytest.fixture
def warehouse_of_50(builds, tmp_path) -> Path:
    """A private copy of the 50-article warehouse, as published."""
    db = tmp_path / "w.duckdb"
    shutil.copy(builds["db50"], db)
    return db
