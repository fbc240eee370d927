"""Inbox sensor: launches a refresh when files in SITREP_INBOX are added, removed or changed."""
from pathlib import Path

import dagster as dg

from warehouse.inbox import inbox_fingerprint

from .jobs import refresh_job
from .resources import InboxResource


@dg.sensor(
    name="inbox_sensor",
    target=refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Refresh the warehouse when the inbox folder changes.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource):
    fingerprint = inbox_fingerprint(Path(inbox.path))
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no change in {inbox.path}")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=f"inbox-{fingerprint}")
