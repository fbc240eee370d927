"""Resources, configured from environment variables with sane defaults.

- ``SITREP_DB``: the DuckDB warehouse file (default ``data/sitrep.duckdb`` in the repo).
- ``SITREP_INBOX``: the folder of articles to read (default ``seeds/articles``).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from warehouse.db import db_path, inbox_path

from .dbt_project import DBT_PROJECT_DIR

DUCKDB_POOL = "duckdb"  # every step that opens the warehouse; limited to 1 (DuckDB has one writer)


class InboxResource(dg.ConfigurableResource):
    """Where new articles arrive."""

    path: str

    @property
    def folder(self) -> Path:
        return Path(self.path)


def dbt_executable() -> str:
    """dbt next to this interpreter (a venv not on PATH), else whatever PATH has."""
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


def make_resources(database: str | None = None, inbox: str | None = None) -> dict[str, object]:
    """The resources every Sitrep asset needs; arguments override the environment."""
    database = database or str(db_path())
    Path(database).parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": DuckDBResource(database=database),
        "inbox": InboxResource(path=inbox or str(inbox_path())),
        "dbt": DbtCliResource(
            project_dir=str(DBT_PROJECT_DIR), profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=dbt_executable(),
        ),
    }
