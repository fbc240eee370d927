"""Stage 3, dbt: staging -> intermediate -> marts, with dbt tests as Dagster asset checks.

dbt writes this run's private build (``SITREP_DB`` in its environment points at it), never
the published warehouse. The fact models are incremental (only changed rows are merged);
the reconciled views are rebuilt from them.
"""

import os
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ..dbt_project import DBT_PROJECT_DIR, sitrep_dbt_project
from ..mart_previews import with_mart_previews
from ..pause import pause_point
from ..resources import DUCKDB_POOL, WarehouseResource

KEEP_TARGET_RUNS = 5  # dbt_project/target/ keeps the folders of the last few dbt invocations


class SitrepDbtTranslator(DagsterDbtTranslator):
    """Keys as ``<layer>/<model>`` (sources as ``raw/<table>``, matching the Python assets),
    grouped by layer folder (staging, intermediate, marts)."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        props = self.get_resource_props(manifest, unique_id)
        if props["resource_type"] == "source":
            return spec.replace_attributes(key=dg.AssetKey([props["source_name"], props["name"]]))
        layer = layer_of(props.get("fqn", []))
        return spec.replace_attributes(key=dg.AssetKey([layer, props["name"]]), group_name=layer)


def layer_of(fqn: list[str]) -> str:
    """The model's folder under models/ ("staging", "intermediate", "marts"), else "dbt"."""
    return fqn[1] if len(fqn) > 2 else "dbt"


TRANSLATOR = SitrepDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for what starts inside the block (the dbt process)."""
    before = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def prune_target(target: Path = DBT_PROJECT_DIR / "target", keep: int = KEEP_TARGET_RUNS) -> int:
    """Delete all but the ``keep`` newest per-invocation folders dagster-dbt leaves in target/."""
    runs = sorted((p for p in target.glob("*-*-*") if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in runs[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    return max(0, len(runs) - keep)


@dbt_assets(
    manifest=sitrep_dbt_project().manifest_path,
    project=sitrep_dbt_project(),
    dagster_dbt_translator=TRANSLATOR,
    pool=DUCKDB_POOL,
)
def sitrep_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """``dbt build``: models and their tests; a failing error-severity test blocks what is downstream."""
    refresh = warehouse.refresh(context)
    started = time.perf_counter()
    prune_target(keep=KEEP_TARGET_RUNS - 1)
    with environment(refresh.dbt_env()):
        invocation = dbt.cli(["build"], context=context)
    for event in with_mart_previews(context, invocation.stream(), str(refresh.path)):
        yield event
        key = getattr(event, "asset_key", None)
        if key is not None:
            pause_point(f"dbt:{key.path[-1]}")
    refresh.record(dbt_seconds=round(time.perf_counter() - started, 2))
