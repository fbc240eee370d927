"""Resources, configured from environment variables with sane defaults.

- ``SITREP_DB``: the published DuckDB warehouse file (default ``data/sitrep.duckdb`` in the repo).
- ``SITREP_WAREHOUSE``: the storage backend (default ``duckdb``; see ``warehouse/storage.py``).
- ``SITREP_INBOX``: the folder of articles to read (default ``seeds/articles``).
"""
from __future__ import annotations

import shutil
import sys
from functools import cached_property
from pathlib import Path

import dagster as dg

from warehouse.db import db_path, inbox_path
from warehouse.storage import Refresh, Store, get_store

from .dbt_lib import DbtCliResource
from .dbt_project import DBT_PROJECT_DIR

# Every step that works on the warehouse after the first, limited to 1 across runs by
# dagster.yaml. The first step (ingestion) waits for the refresh lock OUTSIDE the pool: a run
# waiting for the lock while holding the pool's only slot would block the run that holds it.
DUCKDB_POOL = "duckdb"


class InboxResource(dg.ConfigurableResource):
    """Where new articles arrive."""

    path: str

    @property
    def folder(self) -> Path:
        return Path(self.path)


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse a run refreshes: every step of one run writes the same private build, which
    the last step publishes (``warehouse/storage.py``)."""

    database: str

    def store(self) -> Store:
        return get_store(self.database)

    def refresh(self, context: dg.OpExecutionContext | dg.AssetExecutionContext | dg.AssetCheckExecutionContext,
                wait: bool = False) -> Refresh:
        """This run's build; ``wait`` (first step only) waits for a running refresh to finish."""
        return self.store().open_refresh(context.run.run_id, wait=wait)


class SitrepDbtCliResource(DbtCliResource):
    """dagster-dbt's resource without two costs it pays before every dbt command, seconds of
    CPU per refresh: a ``dbt --version`` process (the version is the installed dbt-core's,
    the dbt next to this interpreter), and the dbt adapter it loads in Dagster's own process
    (the whole project and profile), which serves only ``fetch_row_counts`` /
    ``fetch_column_metadata``, unused here (row counts come from ``mart_previews.py``)."""

    @cached_property
    def _cli_version(self):  # noqa: ANN202 (dagster-dbt's signature)
        from importlib.metadata import version as installed

        from packaging.version import parse

        return parse(installed("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):  # noqa: ANN001, ANN202 (dagster-dbt's signature)
        return None


def dbt_executable() -> str:
    """dbt next to this interpreter (a venv not on PATH), else whatever PATH has."""
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


def make_resources(database: str | None = None, inbox: str | None = None) -> dict[str, object]:
    """The resources every Sitrep asset needs; arguments override the environment."""
    database = database or str(db_path())
    return {
        "warehouse": WarehouseResource(database=database),
        "inbox": InboxResource(path=inbox or str(inbox_path())),
        "dbt": SitrepDbtCliResource(
            project_dir=str(DBT_PROJECT_DIR), profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=dbt_executable(),
        ),
    }
