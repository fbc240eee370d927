"""Last step of a refresh: publish the run's build as the warehouse, in one step.

Until this step runs, readers see the previous warehouse, whole; after it, the new one. A run
that fails or is killed before it publishes nothing (its build is removed by the next refresh).
It also writes ``marts.refresh_runs``, this run's figures included.
"""
from datetime import datetime

import dagster as dg

from warehouse.refresh_runs import append_runs, run_row
from warehouse.refresh_scope import drop_scope

from ..resources import DUCKDB_POOL, WarehouseResource
from .dbt import sitrep_dbt_models

REFRESH_RUNS = dg.AssetKey(["marts", "refresh_runs"])
MART_KEYS = [key for key in sitrep_dbt_models.keys if key.path[0] == "marts"]


@dg.asset(
    key=REFRESH_RUNS, deps=MART_KEYS, group_name="marts", pool=DUCKDB_POOL, kinds={"duckdb"},
    description="One row per refresh: start, end, files seen/new/changed, articles new and extracted, "
                "quarantined, claims added, extractor version, outcome. Materializing it publishes the "
                "run's build as the warehouse analysts read.",
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    store = warehouse.store()
    refresh = warehouse.refresh(context)
    status = refresh.status()
    if refresh.unchanged:  # nothing new: nothing to publish; the run is recorded by the next publication
        ended = datetime.now().replace(microsecond=0)
        store.finish_unchanged(context.run.run_id, {**status, "ended_at": ended.isoformat()})
        context.log.info(f"nothing new: {store.location} left as it was")
        return dg.MaterializeResult(metadata={"outcome": "nothing_new", "warehouse": store.location,
                                              **{k: v for k, v in status.get("figures", {}).items() if v is not None}})
    row = run_row(status, "published", datetime.now().replace(microsecond=0))
    abandoned = store.abandoned_runs()
    def finish(conn) -> None:  # in the build, just before it is published
        append_runs(conn, [run_row(r, r.get("outcome", "abandoned")) for r in abandoned] + [row])
        drop_scope(conn)  # bookkeeping of this refresh only

    store.publish(context.run.run_id, finish)
    store.forget_abandoned()
    context.log.info(f"published {store.location}: {row}")
    return dg.MaterializeResult(metadata={
        **{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items() if v is not None},
        "abandoned_runs_recorded": len(abandoned),
        "warehouse": store.location,
    })
