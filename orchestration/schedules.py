"""Hourly refresh, so new inbox files reach the marts even if the sensor is off."""
import dagster as dg

from .jobs import refresh_job

hourly_refresh = dg.ScheduleDefinition(
    name="hourly_refresh",
    target=refresh_job,
    cron_schedule="0 * * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuild the warehouse from the inbox every hour.",
)
