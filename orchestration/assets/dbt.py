"""Stage 3, dbt: staging -> intermediate -> marts, with dbt tests as Dagster asset checks."""

import os
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets
from dagster_duckdb import DuckDBResource

from ..dbt_project import sitrep_dbt_project
from ..mart_previews import with_mart_previews
from ..resources import DUCKDB_POOL


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


@dbt_assets(
    manifest=sitrep_dbt_project().manifest_path,
    project=sitrep_dbt_project(),
    dagster_dbt_translator=TRANSLATOR,
    pool=DUCKDB_POOL,
)
def sitrep_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, duckdb: DuckDBResource):
    """``dbt build``: models and their tests; a failing error-severity test blocks what is downstream."""
    os.environ["SITREP_DB"] = duckdb.database  # dbt's profile reads the same warehouse file
    yield from with_mart_previews(context, dbt.cli(["build"], context=context).stream(), duckdb.database)
