"""The Definitions load, wire inbox -> raw -> claims -> marts, and the sensor reacts to the inbox."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from orchestration.resources import InboxResource


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
    assert any(key.startswith("marts/") and name.startswith("not_null") for key, name in checks)


def test_schedule_and_sensor_target_the_refresh(defs) -> None:
    schedule = defs.resolve_schedule_def("hourly_refresh")
    assert schedule.cron_schedule == "0 * * * *"
    assert defs.resolve_sensor_def("inbox_sensor").job_name == "refresh_warehouse"


def test_every_warehouse_step_is_in_the_duckdb_pool(defs) -> None:
    pools = {node.name: node.definition.pool for node in defs.resolve_job_def("refresh_warehouse").graph.nodes}
    assert pools and all(pool == "duckdb" for pool in pools.values()), pools


def test_inbox_sensor_fires_on_change_only(tmp_path: Path) -> None:
    from orchestration.sensors import inbox_sensor

    (tmp_path / "a.txt").write_text("A story.")
    inbox = InboxResource(path=str(tmp_path))
    first = inbox_sensor(dg.build_sensor_context(resources={"inbox": inbox}))
    assert isinstance(first, dg.RunRequest)
    cursor = first.run_key.removeprefix("inbox-")
    assert isinstance(inbox_sensor(dg.build_sensor_context(cursor=cursor, resources={"inbox": inbox})), dg.SkipReason)
    (tmp_path / "b.txt").write_text("Another story.")
    assert isinstance(inbox_sensor(dg.build_sensor_context(cursor=cursor, resources={"inbox": inbox})), dg.RunRequest)
