"""`dbt parse` must work without a database or network, and the marts must be documented.

The lead runs `dbt parse` in set-up and in a pytest session fixture; this test checks the
project parses with a warehouse path that does not exist, and reads the manifest to check
the contract promises: every public mart is contracted, typed and described.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PROJECT_DIR = REPO / "dbt_project"
DBT = Path(sys.executable).parent / "dbt"
PUBLIC_MARTS = {
    "fct_control_changes", "fct_casualty_claims", "fct_displacement_figures",
    "fct_equipment_losses", "dim_articles", "quarantine", "control_events",
    "territorial_control", "territorial_control_history", "casualty_estimates",
    "equipment_loss_summary", "displacement_latest", "claims_with_sources",
}


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The manifest `dbt parse` writes when no warehouse file exists."""
    if not DBT.exists():
        pytest.skip(f"dbt executable not found next to the interpreter: {DBT}")
    workdir = tmp_path_factory.mktemp("dbt_parse")
    missing_db = workdir / "no-such-dir" / "sitrep.duckdb"
    result = subprocess.run(
        [str(DBT), "parse", "--profiles-dir", str(PROJECT_DIR), "--project-dir", str(PROJECT_DIR),
         "--target-path", str(workdir / "target"), "--log-path", str(workdir / "logs")],
        cwd=PROJECT_DIR, env={**os.environ, "SITREP_DB": str(missing_db)},
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert not missing_db.exists()
    return json.loads((workdir / "target" / "manifest.json").read_text())


def marts(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Model nodes built in schema marts, by name."""
    return {
        node["name"]: node for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"].get("schema") == "marts"
    }


def test_public_marts_are_all_present(manifest: dict[str, Any]) -> None:
    assert set(marts(manifest)) == PUBLIC_MARTS


def test_marts_are_contracted_typed_and_described(manifest: dict[str, Any]) -> None:
    for name, node in marts(manifest).items():
        assert node["config"]["contract"]["enforced"], name
        if name.startswith("fct_") or name in ("dim_articles", "claims_with_sources"):  # merge on their key;
            assert node["config"]["materialized"] == "incremental", name  # views are rebuilt
            assert node["config"]["unique_key"] in ("claim_id", "article_id"), name
        else:
            assert node["config"]["materialized"] == "table", name
        assert node["description"].strip(), name
        for column in node["columns"].values():
            assert column["data_type"], (name, column["name"])
            assert column["description"].strip(), (name, column["name"])


def test_every_mart_article_id_is_tied_to_dim_articles(manifest: dict[str, Any]) -> None:
    tested = {  # a model's column rules are one test, column_rules (tests/generic/column_rules.sql)
        node["attached_node"].split(".")[-1]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test"
        and node.get("test_metadata", {}).get("name") == "column_rules"
        and "dim_articles" in str(node["test_metadata"]["kwargs"].get("relationships", {}).get("article_id", {}))
    }
    assert {name for name in PUBLIC_MARTS if name.startswith("fct_")} <= tested


def test_each_reconciled_view_has_unit_tests(manifest: dict[str, Any]) -> None:
    tested = {test["model"] for test in manifest["unit_tests"].values()}
    assert {"control_events", "territorial_control", "territorial_control_history",
            "casualty_estimates", "equipment_loss_summary", "displacement_latest"} <= tested
