"""SIGKILL of a whole refresh at ingestion, at extraction and twice inside dbt: the published
warehouse stays exactly as it was; the next refresh, with the same DAGSTER_HOME, needs no
manual step and equals a clean full build. A reader holding a read-only connection through
that refresh keeps getting answers, and the refresh succeeds."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.storage.helpers import REPO, dagster_home, kill_at, refresh_runs, run_refresh, snapshot

pytestmark = pytest.mark.slow

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


def test_killed_refreshes_publish_nothing_and_the_next_one_completes(builds, warehouse_of_50: Path, tmp_path) -> None:
    db, inbox = warehouse_of_50, builds["inbox"]
    home = dagster_home(tmp_path / "home")
    published = snapshot(db, ("marts", "raw"))
    for point in ("ingestion", "extraction", "dbt:stg_articles", "dbt:fct_control_changes"):
        kill_at(inbox, db, home, tmp_path / f"kill-{point.replace(':', '-')}.log", point)
        assert snapshot(db, ("marts", "raw")) == published, f"killed at {point}, the published warehouse changed"

    stop = tmp_path / "stop-reader"
    env = {"SITREP_DB": str(db), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    reader = subprocess.Popen([sys.executable, "-c", READER, str(stop)], env=env, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    log = run_refresh(inbox, db, home, tmp_path / "after-kills.log")
    time.sleep(0.5)
    assert reader.poll() is None, reader.stderr.read()
    stop.touch()
    out, err = reader.communicate(timeout=30)
    assert reader.returncode == 0, err
    answers = out.split("\n")
    assert len([a for a in answers if a]) > 10 and set(a for a in answers if a) == {"50 " + answers[0].split()[1]}

    assert "freed the pool slots of run" in log  # the dead runs' slots, with a log line
    assert snapshot(db, ("marts", "raw"), ("marts.refresh_runs",)) == \
        snapshot(builds["db55"], ("marts", "raw"), ("marts.refresh_runs",))
    outcomes = [r["outcome"] for r in refresh_runs(db)]
    assert outcomes[-1] == "published" and outcomes.count("abandoned") == 4
    assert not list((db.parent / f".{db.name}.builds").glob("*.duckdb"))  # no leftovers after publication
