"""Shared fixtures: paths, the shared folder (skipped when absent), and a temp warehouse."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE_INBOX = REPO / "seeds" / "articles"
if str(REPO) not in sys.path:  # lets tests import shared helpers as ``tests.<module>``
    sys.path.insert(0, str(REPO))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    seeds = SHARED / "seeds"
    if not (seeds / "gold.yaml").exists():
        pytest.skip(f"{seeds} is absent (the shared folder sits beside the repo in CI)")
    return seeds


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """``dbt parse`` once per session, as the set-up command does (no database, no network)."""
    dbt = Path(sys.executable).parent / "dbt"
    subprocess.run(
        [str(dbt), "parse", "--quiet", "--project-dir", str(REPO / "dbt_project"),
         "--profiles-dir", str(REPO / "dbt_project")],
        check=True,
    )
    return REPO / "dbt_project" / "target" / "manifest.json"


@pytest.fixture
def warehouse_env(tmp_path, monkeypatch) -> Path:
    """A fresh warehouse file in a temp dir, set as SITREP_DB for this test."""
    db = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("SITREP_DB", str(db))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    (tmp_path / "dagster_home").mkdir()
    return db
