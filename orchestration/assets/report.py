"""The report asset: the self-contained HTML report, rewritten after every refresh is published.

The file goes to ``SITREP_REPORT`` (default: ``sitrep-report.html`` beside the warehouse
file); the materialization links it (path and file:// url) in the Dagster UI.
"""

import os
from pathlib import Path

import dagster as dg

from sitrep.reading import open_published

from ..resources import DUCKDB_POOL, WarehouseResource
from .publication import REFRESH_RUNS

MARTS_SHOWN = ("claims_with_sources", "territorial_control", "control_events", "casualty_estimates",
               "equipment_loss_summary", "displacement_latest", "dim_articles")


DEFAULT_MAX_CLAIMS = 20_000


def report_max_claims() -> int:
    """``SITREP_REPORT_MAX_CLAIMS``: above this many claims a refresh does not rewrite the report.
    The page holds every claim and the text of every article that has one (83 MB and 2.5
    minutes at 10,000 articles / 55,000 claims): past a few thousand articles it is too large
    to open and would cost a refresh more than everything else. ``sitrep report`` still writes
    it on demand."""
    return int(os.environ.get("SITREP_REPORT_MAX_CLAIMS", DEFAULT_MAX_CLAIMS))


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
    published = Path(warehouse.database)
    if out.exists() and published.exists() and out.stat().st_mtime_ns > published.stat().st_mtime_ns:
        context.log.info(f"{out} is newer than the warehouse (nothing was published since): kept")
        return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(out.resolve())), "unchanged": True})
    with open_published(warehouse.database, wait_seconds=30) as conn:
        n_claims = conn.execute("SELECT count(*) FROM marts.claims_with_sources").fetchone()[0]
        if n_claims > report_max_claims():
            message = (f"report not rewritten: {n_claims:,} claims is over SITREP_REPORT_MAX_CLAIMS="
                       f"{report_max_claims():,} (one HTML page holding them all would be too large to open); "
                       f"write it on demand with `sitrep report --out {out}`")
            context.log.warning(message)
            return dg.MaterializeResult(metadata={"skipped": dg.MetadataValue.text(message), "claims": n_claims})
        from report.build import write_report  # altair and the page code: loaded only to write it

        summary = write_report(conn, out, source=warehouse.store().location)
    context.log.info(f"wrote {out}: {summary}")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(out.resolve())),
        "open": dg.MetadataValue.url(out.resolve().as_uri()),
        "contents": dg.MetadataValue.text(summary),
    })
