"""The dbt project as Dagster sees it: a cached DbtProject whose manifest is prepared offline."""
from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from .dbt_lib import DbtProject

DBT_PROJECT_DIR = Path(__file__).resolve().parent.parent / "dbt_project"


@lru_cache(maxsize=1)
def sitrep_dbt_project() -> DbtProject:
    """The project, with ``target/manifest.json`` parsed once if missing (``dbt parse`` never
    opens the database and needs no network)."""
    project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
    if not project.manifest_path.exists():
        parse_manifest()
    return project


def parse_manifest() -> None:
    """Run ``dbt parse`` to (re)build ``target/manifest.json``."""
    dbt = Path(sys.executable).parent / "dbt"
    subprocess.run(
        [str(dbt) if dbt.exists() else "dbt", "parse", "--quiet",
         "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
        check=True,
    )


_MANIFEST: dict[str, tuple[int, dict]] = {}


def manifest_json() -> dict:
    """``target/manifest.json`` as a dict, read once per change of the file."""
    path = sitrep_dbt_project().manifest_path
    stamp = path.stat().st_mtime_ns
    cached = _MANIFEST.get(str(path))
    if cached is None or cached[0] != stamp:
        _MANIFEST[str(path)] = cached = (stamp, json.loads(path.read_text()))
    return cached[1]
