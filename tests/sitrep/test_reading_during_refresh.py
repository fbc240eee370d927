"""Reading while the warehouse changes, with real processes: ``sitrep query`` answers while a
refresh holds its lock mid-run (it builds a private copy), and a process holding the
published file open for writing gets a clear 'busy' message and exit code 3, no traceback."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.sitrep.run import sitrep
from tests.storage.helpers import dagster_home, start_refresh

pytestmark = pytest.mark.slow

WRITER = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1])
conn.execute("create or replace table main.held(x int)")
print("holding", flush=True)
time.sleep(120)
"""


def test_query_answers_while_a_refresh_runs(seeds_copy, shared_seeds, tmp_path) -> None:
    # one new article, so the refresh has work to do (an unchanged inbox publishes nothing)
    inbox = tmp_path / "inbox"
    shutil.copytree(shared_seeds, inbox)
    (inbox / "new_article.txt").write_text(
        "Rebels captured the town of Kafr Nabudah on Monday, activists said. Shelling killed 12 civilians.\n")
    marker = tmp_path / "paused"
    refresh = start_refresh(inbox, seeds_copy, dagster_home(tmp_path / "home"), tmp_path / "refresh.log",
                            SITREP_PAUSE_AT="extraction", SITREP_PAUSE_FILE=str(marker))
    try:
        deadline = time.monotonic() + 600
        while not marker.exists():
            assert refresh.poll() is None, (tmp_path / "refresh.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the refresh never reached extraction"
            time.sleep(0.3)
        started = time.monotonic()
        run = sitrep("query", "select count(*) as n from marts.claims_with_sources", "--csv", db=seeds_copy)
        seconds = time.monotonic() - started
        assert refresh.poll() is None, "the refresh should still be running"
        assert run.returncode == 0, run.stderr
        assert int(run.stdout.splitlines()[1]) > 40
        print(f"sitrep query answered in {seconds:.1f} s while the refresh was paused mid-run")
    finally:
        os.killpg(refresh.pid, signal.SIGKILL)
        refresh.wait(timeout=30)


def test_a_writer_on_the_file_gives_a_clear_busy_message(seeds_copy) -> None:
    copy = seeds_copy
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(copy)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "holding"
        run = sitrep("query", "select 1", db=copy)
        assert run.returncode == 3, (run.returncode, run.stderr)
        assert "busy" in run.stderr and "Retry in about" in run.stderr and f"process {writer.pid}" in run.stderr
        assert "Traceback" not in run.stderr
    finally:
        writer.kill()
        writer.wait()
    assert sitrep("query", "select 1", db=copy).returncode == 0
