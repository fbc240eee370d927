"""Inbox sensor: launches a refresh when the inbox holds files the warehouse has not read (new,
or changed since). It compares the inbox with ``raw.inbox_files`` of the PUBLISHED warehouse,
so an unchanged inbox launches nothing, on the first tick too. At every tick it also frees
the pool slots of runs whose process is gone (``orchestration/stale_runs.py``)."""
import hashlib

import dagster as dg
import duckdb

from warehouse.inbox_state import scan, unchanged

from .jobs import refresh_job
from .resources import InboxResource, WarehouseResource
from .stale_runs import free_dead_runs


def inbox_is_stored(warehouse: WarehouseResource, states) -> bool:
    store = warehouse.store()
    if not store.exists():
        return False
    try:
        with store.reader() as conn:
            return unchanged(conn, states)
    except duckdb.CatalogException:  # a warehouse from before raw.inbox_files
        return False


@dg.sensor(
    name="inbox_sensor",
    target=refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Refresh the warehouse when the inbox has files it has not read.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource, warehouse: WarehouseResource):
    if context.instance_ref is not None:
        free_dead_runs(context.instance, logger=context.log)
    states = scan(inbox.folder)
    if inbox_is_stored(warehouse, states):
        return dg.SkipReason(f"every file in {inbox.path} is already in the warehouse")
    fingerprint = hashlib.sha256("\n".join(f"{s.path}|{s.size}|{s.mtime_ns}" for s in states).encode()).hexdigest()[:20]
    if fingerprint == context.cursor:
        return dg.SkipReason(f"a refresh for this state of {inbox.path} was already requested")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=f"inbox-{fingerprint}")
