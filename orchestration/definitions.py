"""The one Dagster ``Definitions`` object for Sitrep.

``dagster dev -m orchestration.definitions`` (or ``dagster asset materialize --select '*'
-m orchestration.definitions``). Resources come from ``SITREP_DB`` and ``SITREP_INBOX``.
"""
import dagster as dg

from .assets.dbt import sitrep_dbt_models
from .assets.extraction import extracted_claims
from .assets.ingestion import inbox_articles
from .assets.publication import published_warehouse
from .assets.report import sitrep_report
from .checks import claim_quality_checks, control_events_have_claims
from .jobs import refresh_job
from .resources import make_resources
from .schedules import hourly_refresh
from .sensors import inbox_sensor

defs = dg.Definitions(
    assets=[inbox_articles, extracted_claims, sitrep_dbt_models, published_warehouse, sitrep_report],
    asset_checks=[claim_quality_checks, control_events_have_claims],
    jobs=[refresh_job],
    schedules=[hourly_refresh],
    sensors=[inbox_sensor],
    resources=make_resources(),
    # One process per run, steps one after the other: no 3-4 s process start per step, and the
    # refresh lock and build (warehouse/storage.py) belong to that process. dagster.yaml still
    # limits the "duckdb" pool to 1 across runs.
    executor=dg.in_process_executor,
)
