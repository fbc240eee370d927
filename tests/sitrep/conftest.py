"""One warehouse built from ../shared/seeds by a real refresh (the Dagster CLI), shared by the
analyst-command tests of this folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitrep.shared import shared_seeds_folder
from tests.storage.helpers import dagster_home, run_refresh


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    return shared_seeds_folder()


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, shared_seeds, dbt_manifest) -> Path:
    tmp = tmp_path_factory.mktemp("analyst")
    db = tmp / "w.duckdb"
    run_refresh(shared_seeds, db, dagster_home(tmp / "home"), tmp / "refresh.log")
    return db
