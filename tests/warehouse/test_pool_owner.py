"""A SIGKILLed owner leaves no extraction worker behind (warehouse.parallel.spawn_pool): found by
killing a real refresh's Dagster process at extraction, whose warm worker (extract_pool.prewarm)
then waited for work for ever. Real processes: an owner that starts a pool, a SIGKILL."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OWNER = """
import os, sys, time
from warehouse.parallel import spawn_pool
pool = spawn_pool(1)
print(pool.submit(os.getpid).result(), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    state = Path(f"/proc/{pid}/stat")
    return state.exists() and state.read_text().split(")")[-1].split()[0] != "Z"


def test_a_worker_ends_when_its_owner_is_killed() -> None:
    owner = subprocess.Popen([sys.executable, "-c", OWNER], cwd=REPO, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    worker = int(owner.stdout.readline())
    assert worker != owner.pid and _alive(worker)
    time.sleep(1.5)
    assert _alive(worker)  # an owner that lives keeps its worker
    os.kill(owner.pid, signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 30
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(worker)
