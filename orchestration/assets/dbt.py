"""Stage 3, dbt: staging -> intermediate -> marts, with dbt tests as Dagster asset checks.

dbt writes this run's private build (``SITREP_DB`` in its environment points at it), never
the published warehouse. The fact models are incremental (only changed rows are merged);
the reconciled views are rebuilt from them.
"""

import hashlib
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dagster as dg

from warehouse.refresh_scope import ENV as SCOPE_ENV
from warehouse.refresh_scope import mark_changed, scope_size
from warehouse.storage import connect_build, settle_wal

from ..dbt_lib import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets
from ..dbt_project import DBT_PROJECT_DIR, manifest_json, sitrep_dbt_project
from ..dbt_tests import column_rules_explainer, fold_test_events, folded_check_spec
from ..dbt_warm import warm_invocation
from ..mart_previews import with_mart_previews
from ..pause import pause_point
from ..resources import DUCKDB_POOL, WarehouseResource

KEEP_TARGET_RUNS = 5  # dbt_project/target/ keeps the folders of the last few dbt invocations
# Unit tests check the models' SQL on fixed rows, not the data: they run in the test suite
# (tests/dbt), not in every refresh, where they would cost a quarter of the dbt step.
# dbt's own log file (dbt.log in the run's target folder) keeps info events, not every SQL
# statement at debug level: writing those cost ~5 of the ~29 CPU s of a small refresh's dbt.
# No manifest.json / run_results.json per run: nothing reads them (Dagster gets every result
# from dbt's structured output; partial_parse.msgpack is still written when dbt re-parses).
DBT_BUILD = ["build", "--exclude-resource-type", "unit_test", "--log-level-file", "info", "--no-write-json"]


class SitrepDbtTranslator(DagsterDbtTranslator):
    """Keys as ``<layer>/<model>`` (sources as ``raw/<table>``, matching the Python assets),
    grouped by layer folder (staging, intermediate, marts); a model's dbt data tests are one
    asset check, ``dbt_tests`` (orchestration/dbt_tests.py)."""

    def get_asset_check_spec(self, asset_spec: dg.AssetSpec, manifest: Mapping[str, Any], unique_id: str,
                             project) -> dg.AssetCheckSpec | None:
        model_uid = asset_spec.metadata.get(UNIQUE_ID)
        if not model_uid:
            return None
        folded = self.__dict__.setdefault("_folded", {})
        if model_uid not in folded:  # called once per test of the model: the same spec each time
            parents = {p for t in manifest.get("child_map", {}).get(model_uid, []) if t.startswith("test.")
                       for p in manifest.get("parent_map", {}).get(t, [])}
            deps = {self.get_asset_spec(manifest, p, project).key for p in parents if p != model_uid}
            folded[model_uid] = folded_check_spec(manifest, asset_spec, model_uid, deps)
        return folded[model_uid]

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


UNIQUE_ID = "dagster_dbt/unique_id"  # the dbt node of a dagster-dbt asset spec
# dagster-dbt's own one-check-per-test is off (enable_asset_checks=False): each test then comes
# back as an observation, which fold_test_events turns into the model's one check result.
TRANSLATOR = SitrepDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=False))


def folded_checks(assets_def: dg.AssetsDefinition) -> dict[dg.AssetKey, str]:
    """Asset key -> dbt unique id of every model with a ``dbt_tests`` check."""
    keys = {spec.asset_key for spec in assets_def.check_specs}
    return {spec.key: spec.metadata[UNIQUE_ID] for spec in assets_def.specs if spec.key in keys}


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


def project_fingerprint() -> str:
    """What the marts depend on besides the data: every model, test and macro (their checksums
    in the manifest) and dbt_project.yml (the merge rules' vars)."""
    manifest = manifest_json()
    digest = hashlib.sha256((DBT_PROJECT_DIR / "dbt_project.yml").read_bytes())
    for section in ("nodes", "macros", "unit_tests"):
        for uid, node in sorted(manifest.get(section, {}).items()):
            checksum = node.get("checksum")
            checksum = checksum.get("checksum", "") if isinstance(checksum, dict) else checksum or ""
            digest.update(f"{uid}:{checksum}:{node.get('macro_sql', '')}".encode())
    return digest.hexdigest()[:20]


def in_dependency_order(keys, deps) -> list[dg.AssetKey]:
    """``keys`` with every asset after the ones it depends on (Dagster wants that order)."""
    ordered: list[dg.AssetKey] = []
    placed: set[dg.AssetKey] = set()

    def place(key: dg.AssetKey) -> None:
        if key in placed or key not in keys:
            return
        placed.add(key)
        for parent in sorted(deps.get(key, ())):
            place(parent)
        ordered.append(key)

    for key in sorted(keys):
        place(key)
    return ordered


def built_by(conn, fingerprint: str) -> bool:
    """True when the marts of this build were last built by this same dbt project."""
    conn.execute("CREATE TABLE IF NOT EXISTS raw.build_state (key VARCHAR, value VARCHAR)")  # no keys on DuckLake
    row = conn.execute("SELECT value FROM raw.build_state WHERE key = 'dbt_project'").fetchone()
    return row is not None and row[0] == fingerprint


def marts_are_current(conn, figures: dict[str, Any], fingerprint: str) -> bool:
    """True when this refresh changed no input of dbt and the marts were built by this project."""
    if any(figures.get(k) for k in ("files_new", "files_changed", "articles_new", "articles_extracted")):
        return False
    return built_by(conn, fingerprint) and scope_size(conn) == 0


def keep_partial_parse(invocation_target: Path, target: Path = DBT_PROJECT_DIR / "target") -> None:
    """Make the parse of this dbt run the one the next run starts from (dagster-dbt copies
    ``target/partial_parse.msgpack`` into each run's folder): with the same profile (the
    build is always reached through the same path, warehouse/storage.py) dbt then re-parses
    nothing, instead of the whole project every refresh."""
    made = invocation_target / "partial_parse.msgpack"
    if made.exists():
        tmp = target / f".partial_parse.{os.getpid()}.tmp"
        shutil.copyfile(made, tmp)
        os.replace(tmp, target / "partial_parse.msgpack")


def build_connection(refresh):
    """A connection to the build under the name dbt gave it (the SQL dbt compiled names it): the
    duckdb backend's one name for every build (``SITREP_DB`` in dbt's environment), else the
    backend's own connection (DuckLake attaches the lake under dbt's name)."""
    path = refresh.dbt_env().get("SITREP_DB")
    return connect_build(path) if path else refresh.connect()


def remember_project(conn, fingerprint: str) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS raw.build_state (key VARCHAR, value VARCHAR)")  # no keys on DuckLake
    conn.execute("DELETE FROM raw.build_state WHERE key = 'dbt_project'")  # not INSERT OR REPLACE: DuckLake
    conn.execute("INSERT INTO raw.build_state VALUES ('dbt_project', ?)", [fingerprint])


@dbt_assets(
    manifest=sitrep_dbt_project().manifest_path,
    project=sitrep_dbt_project(),
    dagster_dbt_translator=TRANSLATOR,
    pool=DUCKDB_POOL,
)
def sitrep_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """``dbt build``: models and their tests; a failing error-severity test blocks what is downstream."""
    refresh = warehouse.refresh(context)
    if refresh.unchanged:  # nothing new (ingestion made no build): the published marts are current
        for key in in_dependency_order(context.selected_asset_keys, context.assets_def.asset_deps):
            yield dg.MaterializeResult(asset_key=key, metadata={"unchanged": True})
        return
    started = time.perf_counter()
    fingerprint = project_fingerprint()
    with refresh.connect() as conn:
        current = marts_are_current(conn, refresh.status().get("figures", {}), fingerprint)
        # the marts were built by this project: rebuild and test only the rows of the articles
        # this refresh changed (dbt_project/macros/refresh_scope.sql); else every row
        scoped = built_by(conn, fingerprint)
        mark_changed(conn, [])  # the scope table exists, empty when nothing changed
    if current:  # nothing new came in: the marts of the copied warehouse are already the result
        context.log.info("no new or changed article and the same dbt project: the marts are current")
        for key in in_dependency_order(context.selected_asset_keys, context.assets_def.asset_deps):
            yield dg.MaterializeResult(asset_key=key, metadata={"unchanged": True})
        refresh.record(dbt_seconds=round(time.perf_counter() - started, 2))
        return
    prune_target(keep=KEEP_TARGET_RUNS - 1)
    context.log.info("dbt rebuilds and tests " + ("the rows of the articles this refresh changed" if scoped
                                                  else "every row (first build, or the dbt project changed)"))
    dbt_env = {**refresh.dbt_env(), SCOPE_ENV: "changed" if scoped else "all"}
    invocation = warm_invocation(context, dbt, DBT_BUILD, dbt_env, TRANSLATOR)  # started by ingestion (dbt_warm.py)
    if invocation is None:
        with environment(dbt_env):
            invocation = dbt.cli(DBT_BUILD, context=context)
    explain = column_rules_explainer(manifest_json(), invocation.target_path, lambda: build_connection(refresh))
    events = fold_test_events(invocation.stream(), manifest_json(), folded_checks(context.assets_def), explain)
    for event in with_mart_previews(context, events, str(refresh.path)):
        yield event
        key = getattr(event, "asset_key", None)
        if key is not None:
            pause_point(f"dbt:{key.path[-1]}")
    keep_partial_parse(invocation.target_path)
    if refresh.dbt_env().get("SITREP_DB"):  # the duckdb file backend
        settle_wal(Path(refresh.dbt_env()["SITREP_DB"]))  # before any other connection to the build
    with refresh.connect() as conn:
        remember_project(conn, fingerprint)
    refresh.record(dbt_seconds=round(time.perf_counter() - started, 2))
