"""The Definitions load, wire inbox -> raw -> claims -> marts, and the sensor reacts to the inbox."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from orchestration.resources import InboxResource, WarehouseResource


@pytest.fixture(scope="module")
def defs(dbt_manifest):
    from orchestration.definitions import defs

    return defs


def test_assets_run_from_inbox_to_marts(defs) -> None:
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    expected = {"raw/articles", "raw/quarantine", "raw/control_changes", "raw/casualty_claims",
                "raw/displacement_figures", "raw/equipment_losses", "marts/fct_control_changes",
                "marts/fct_casualty_claims", "marts/fct_displacement_figures",
                "marts/fct_equipment_losses", "marts/dim_articles", "marts/control_events"}
    assert expected <= keys
    # the marts descend from the inbox
    upstream = graph.get(dg.AssetKey(["marts", "fct_casualty_claims"])).parent_keys
    assert any(k.path[0] in {"staging", "intermediate"} for k in upstream)
    groups = {graph.get(k).group_name for k in graph.get_all_asset_keys() if graph.get(k).is_materializable}
    assert {"ingestion", "extraction", "staging", "marts"} <= groups


def test_checks_cover_raw_claims_and_dbt_tests(defs) -> None:
    checks = {(k.asset_key.to_user_string(), k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    assert ("raw/casualty_claims", "evidence_offsets_match") in checks
    assert ("marts/control_events", "control_events_have_claims") in checks
    # dbt's data tests: one check per model that has tests (orchestration/dbt_tests.py)
    assert ("marts/fct_casualty_claims", "dbt_tests") in checks and ("staging/stg_articles", "dbt_tests") in checks
    assert not any(name.startswith("not_null") for _, name in checks)


def test_schedule_and_sensor_target_the_refresh(defs) -> None:
    schedule = defs.resolve_schedule_def("hourly_refresh")
    assert schedule.cron_schedule == "0 * * * *"
    assert defs.resolve_sensor_def("inbox_sensor").job_name == "refresh_warehouse"


def test_every_warehouse_step_after_the_first_is_in_the_duckdb_pool(defs) -> None:
    """Ingestion waits for the refresh lock outside the pool (holding no slot while it waits)."""
    pools = {node.name: node.definition.pool for node in defs.resolve_job_def("refresh_warehouse").graph.nodes}
    assert pools.pop("inbox_articles") is None
    assert pools and all(pool == "duckdb" for pool in pools.values()), pools


def test_one_process_per_run(defs) -> None:
    assert defs.resolve_job_def("refresh_warehouse").executor_def.name == "in_process"


def test_inbox_sensor_fires_on_change_only(tmp_path: Path) -> None:
    from orchestration.sensors import inbox_sensor

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("A story.")
    resources = {"inbox": InboxResource(path=str(folder)),
                 "warehouse": WarehouseResource(database=str(tmp_path / "w.duckdb"))}
    first = inbox_sensor(dg.build_sensor_context(resources=resources))
    assert isinstance(first, dg.RunRequest)  # no warehouse yet
    cursor = first.run_key.removeprefix("inbox-")
    assert isinstance(inbox_sensor(dg.build_sensor_context(cursor=cursor, resources=resources)), dg.SkipReason)
    (folder / "b.txt").write_text("Another story.")
    assert isinstance(inbox_sensor(dg.build_sensor_context(cursor=cursor, resources=resources)), dg.RunRequest)


def test_inbox_sensor_launches_nothing_for_an_inbox_the_warehouse_holds_on_its_first_tick(tmp_path: Path) -> None:
    """A real warehouse that has read the inbox (ingestion, then publication): no cursor, no run."""
    from orchestration.sensors import inbox_sensor
    from warehouse.loading import ingest
    from warehouse.storage import get_store

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("Rebels captured the town of Saraqib on Monday, a monitoring group said.")
    store = get_store(tmp_path / "w.duckdb")
    with store.open_refresh("r1").connect() as conn:
        ingest(conn, folder)
    store.publish("r1")
    resources = {"inbox": InboxResource(path=str(folder)), "warehouse": WarehouseResource(database=store.location)}
    skipped = inbox_sensor(dg.build_sensor_context(resources=resources))
    assert isinstance(skipped, dg.SkipReason) and "already in the warehouse" in skipped.skip_message
    (folder / "a.txt").write_text("Rebels captured the town of Saraqib on Tuesday, a monitoring group said.")
    assert isinstance(inbox_sensor(dg.build_sensor_context(resources=resources)), dg.RunRequest)
