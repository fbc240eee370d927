"""Free the ``duckdb`` pool slots of runs whose process is gone, so a killed run never wedges
the next refresh.

Dagster frees a run's pool slots when the run ends. A run whose process was SIGKILLed (OOM
killer, host restart) never ends: it stays STARTED and keeps its slot, and every later step in
the pool waits forever. The daemon's run monitoring (``free_slots_after_run_end_seconds`` in
``orchestration/dagster.yaml``) frees slots of runs that ended, but the default run launcher
cannot tell that a worker died. So every refresh, before its first pooled step, looks at the
runs holding slots: a run whose recorded process (Dagster logs "Executing steps in process
(pid: N)") no longer exists, or is another process now, is marked failed and its slots freed,
with a log line saying so. The inbox sensor does the same at every tick.
"""
from __future__ import annotations

import logging
import os
from datetime import datetime

import dagster as dg
from dagster._core.events import DagsterEventType
from dagster._core.storage.dagster_run import FINISHED_STATUSES

log = logging.getLogger("sitrep.stale_runs")


def _process_started_at(pid: int) -> float | None:
    """Start time (epoch seconds) of a live process, or None when there is none."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        ticks = int(fields[19])
        with open("/proc/stat") as handle:
            boot = next(int(line.split()[1]) for line in handle if line.startswith("btime"))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError, StopIteration):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return 0.0
        return 0.0


def run_pids(instance: dg.DagsterInstance, run_id: str) -> list[tuple[int, float]]:
    """(pid, when it was logged) of the processes that executed the run's steps."""
    found = []
    for entry in instance.all_logs(run_id, of_type=DagsterEventType.ENGINE_EVENT):
        data = entry.dagster_event.engine_event_data if entry.dagster_event else None
        pid = data.metadata.get("pid") if data and data.metadata else None
        if pid is not None:
            try:
                found.append((int(pid.value), entry.timestamp))
            except (TypeError, ValueError):
                continue
    return found


def process_gone(pids: list[tuple[int, float]]) -> bool:
    """True when none of the run's processes is alive (a reused pid started later is not it)."""
    for pid, logged_at in pids:
        started = _process_started_at(pid)
        if started is not None and started <= logged_at + 1:
            return False
    return True


def free_dead_runs(instance: dg.DagsterInstance, current_run_id: str | None = None,
                   logger: logging.Logger | None = None) -> list[str]:
    """Free the pool slots of dead or finished runs; returns the run ids freed."""
    logger = logger or log
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return []
    freed = []
    for run_id in sorted(storage.get_concurrency_run_ids() - {current_run_id}):
        run = instance.get_run_by_id(run_id)
        if run is not None and run.status not in FINISHED_STATUSES:
            pids = run_pids(instance, run_id)
            if not pids or not process_gone(pids):
                continue  # alive, or not yet started: leave it
            instance.report_run_failed(run, message=f"run process {pids[-1][0]} is gone (killed); "
                                                     "its pool slots were freed by a later refresh")
        storage.free_concurrency_slots_for_run(run_id)
        freed.append(run_id)
        logger.warning(f"freed the pool slots of run {run_id} ("
                       f"{'deleted' if run is None else run.status.value}, its process is gone) "
                       f"at {datetime.now():%H:%M:%S}")
    return freed
