"""The report asset: the self-contained HTML report, rewritten after every refresh is published.

The file goes to ``SITREP_REPORT`` (default: ``sitrep-report.html`` beside the warehouse
file); the materialization links it (path and file:// url) in the Dagster UI.
"""

import os
from pathlib import Path

import dagster as dg

from report.build import write_report
from sitrep.reading import open_published

from ..resources import DUCKDB_POOL, WarehouseResource
from .publication import REFRESH_RUNS

MARTS_SHOWN = ("claims_with_sources", "territorial_control", "control_events", "casualty_estimates",
               "equipment_loss_summary", "displacement_latest", "dim_articles")


def report_path(database: str) -> Path:
    return Path(os.environ.get("SITREP_REPORT") or Path(database).with_name("sitrep-report.html"))


@dg.asset(
    key=dg.AssetKey(["report", "sitrep_report"]),
    group_name="report",
    pool=DUCKDB_POOL,  # every step of the refresh job is in the pool (one at a time)
    deps=[REFRESH_RUNS] + [dg.AssetKey(["marts", name]) for name in MARTS_SHOWN],
    description="One self-contained HTML file: map of who holds each place, control timeline, casualty "
                "spread per claimant, equipment losses (Oryx layout), displacement; every row links to its "
                "evidence sentence. Opens offline.",
)
def sitrep_report(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Reads what the refresh just published (runs after marts/refresh_runs, the publication)."""
    out = report_path(warehouse.database)
    with open_published(warehouse.database, wait_seconds=30) as conn:
        summary = write_report(conn, out, source=warehouse.store().location)
    context.log.info(f"wrote {out}: {summary}")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(out.resolve())),
        "open": dg.MetadataValue.url(out.resolve().as_uri()),
        "contents": dg.MetadataValue.text(summary),
    })
