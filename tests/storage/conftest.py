"""Builds shared by the slow storage tests: an inbox of 50 distinct articles built once, then
5 more added and a clean full build of the 55 (same folder, so the same source paths); and the
50-article warehouse after four killed refreshes and the one that completes (its refresh adds
the 5 articles: test_kills.py checks both the recovery and the increment)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.bench_corpus import articles, sentence_pool

from tests.conftest import built_once
from tests.storage.helpers import REPO, dagster_home, kill_at, run_refresh, snapshot

KILL_POINTS = ("ingestion", "extraction", "dbt:stg_articles", "dbt:fct_control_changes")
READER = """
import sys, time
from pathlib import Path
from warehouse.storage import get_store
stop = Path(sys.argv[1])
with get_store().reader() as conn:          # one connection for the whole refresh
    while not stop.exists():
        n = conn.execute("SELECT count(*) FROM marts.dim_articles").fetchone()[0]
        m = conn.execute("SELECT count(*) FROM marts.fct_casualty_claims").fetchone()[0]
        print(n, m, flush=True)
        time.sleep(0.1)
"""


def write_jsonl(path: Path, items: list[dict]) -> None:
    import json

    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")


def build_50_then_55(root: Path) -> None:
    inbox = root / "inbox"
    inbox.mkdir()
    corpus = list(articles(55, seed=7, pool=sentence_pool()))
    write_jsonl(inbox / "a-first-50.jsonl", corpus[:50])
    run_refresh(inbox, root / "w50.duckdb", dagster_home(root / "home50"), root / "build50.log")
    write_jsonl(inbox / "b-five-more.jsonl", corpus[50:])
    run_refresh(inbox, root / "w55.duckdb", dagster_home(root / "home55"), root / "build55.log")


@pytest.fixture(scope="session")
def builds(tmp_path_factory, dbt_manifest) -> dict[str, Path]:
    root = built_once(tmp_path_factory, "storage_builds", build_50_then_55)
    return {"root": root, "inbox": root / "inbox", "db50": root / "w50.duckdb", "db55": root / "w55.duckdb"}


@pytest.fixture(scope="session")
def after_kills(builds, tmp_path_factory) -> dict[str, Path]:
    """A copy of the 50-article warehouse, the 55-article inbox: a refresh SIGKILLed (whole
    process group) at ingestion, at extraction and twice inside dbt, the published warehouse
    compared after each kill (it must not change); then, with the same DAGSTER_HOME, the refresh
    that completes, while a reader process holds one read-only connection throughout.
    Keys: db, home, log (of the completing refresh), reader (its answers, one a line)."""

    def build(folder: Path) -> None:
        db = folder / "w.duckdb"
        shutil.copy(builds["db50"], db)
        home = dagster_home(folder / "home")
        published = snapshot(db, ("marts", "raw"))
        for point in KILL_POINTS:
            kill_at(builds["inbox"], db, home, folder / f"kill-{point.replace(':', '-')}.log", point)
            assert snapshot(db, ("marts", "raw")) == published, f"killed at {point}, the published warehouse changed"
        stop = folder / "stop-reader"
        env = {"SITREP_DB": str(db), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
        reader = subprocess.Popen([sys.executable, "-c", READER, str(stop)], env=env, cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2)
        run_refresh(builds["inbox"], db, home, folder / "after-kills.log")
        time.sleep(0.5)
        assert reader.poll() is None, reader.stderr.read()
        stop.touch()
        out, err = reader.communicate(timeout=30)
        assert reader.returncode == 0, err
        (folder / "reader.txt").write_text(out)

    folder = built_once(tmp_path_factory, "after_kills", build)
    return {"db": folder / "w.duckdb", "home": folder / "home", "log": folder / "after-kills.log",
            "reader": folder / "reader.txt"}
