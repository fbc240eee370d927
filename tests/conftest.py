"""Shared fixtures: paths, the shared folder (skipped when absent), the dbt manifest, one real
refresh of the shared seeds, and a temp warehouse.

Session fixtures that build something expensive go through ``built_once``: with pytest-xdist
each worker has its own session, so the first worker to ask builds under a file lock and the
others reuse the folder; without xdist it is a plain temp folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

REPO = Path(__file__).resolve().parent.parent
# The shared folder sits beside the repo (<repo>/../shared, as in CI); a git worktree's parent is
# not the project folder, so there the shared folder's usual place, /work/shared, is used.
SHARED = next((p for p in (REPO.parent / "shared", Path("/work/shared")) if p.is_dir()), REPO.parent / "shared")
SAMPLE_INBOX = REPO / "seeds" / "articles"
if str(REPO) not in sys.path:  # lets tests import shared helpers as ``tests.<module>``
    sys.path.insert(0, str(REPO))


# With pytest-xdist (scripts/test.sh: ``-n 2 --dist loadfile --no-loadscope-reorder``) each test
# file runs on one worker, and the files start longest first: the storage chain (two builds,
# four killed refreshes, the completing one: one file, so one worker), the readers of the seeds'
# refresh, the files marked slow or browser, then the rest. (``--dist loadgroup`` would keep a
# shared build's readers together, but xdist 3.8.0 cannot rename pytest 9.2's node ids for it.)
SHARED_BUILDS = ("builds", "seeds_refresh")


def pytest_collection_modifyitems(config, items) -> None:
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return
    files: dict[str, list] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)

    def rank(name: str) -> int:
        used = {f for item in files[name] for f in item.fixturenames}
        shared = [i for i, build in enumerate(SHARED_BUILDS) if build in used]
        if shared:
            return shared[0]
        slow = any(item.get_closest_marker(m) for item in files[name] for m in ("slow", "browser"))
        return len(SHARED_BUILDS) + (0 if slow else 1)

    items[:] = [item for name in sorted(files, key=rank) for item in files[name]]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder; the test is skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"the shared folder {SHARED} is absent (it sits beside the repo in CI)")
    return SHARED


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    seeds = SHARED / "seeds"
    if not (seeds / "gold.yaml").exists():
        pytest.skip(f"{seeds} is absent (the shared folder sits beside the repo in CI)")
    return seeds


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder ``build`` filled once per test session, whatever the number of xdist workers."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    root = tmp_path_factory.getbasetemp().parent  # shared by the workers of this session only
    folder, done = root / name, root / f"{name}.done"
    with FileLock(str(root / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def _dbt_parse(_folder: Path) -> None:
    dbt = Path(sys.executable).parent / "dbt"
    subprocess.run(
        [str(dbt), "parse", "--quiet", "--project-dir", str(REPO / "dbt_project"),
         "--profiles-dir", str(REPO / "dbt_project")],
        check=True,
    )


@pytest.fixture(scope="session")
def dbt_manifest(tmp_path_factory) -> Path:
    """``dbt parse`` once per session, as the set-up command does (no database, no network)."""
    built_once(tmp_path_factory, "dbt_parse_session", _dbt_parse)
    return REPO / "dbt_project" / "target" / "manifest.json"


@pytest.fixture(scope="session")
def seeds_refresh(tmp_path_factory, shared_seeds, dbt_manifest) -> dict[str, Path]:
    """One real refresh of ../shared/seeds with the plain Dagster CLI (``dagster asset
    materialize --select '*'``) and a fresh, empty DAGSTER_HOME, as the README's acceptance
    command runs it; shared by tests/orchestration, tests/sitrep and tests/ui. Read it only: a
    test that changes the warehouse works on a copy (``seeds_copy``). Keys: db, home (the run's
    history, for the Dagster UI; our dagster.yaml is copied in afterwards, as scripts/install.sh
    leaves a DAGSTER_HOME), report (written beside the db by the refresh), log."""
    from tests.storage.helpers import run_refresh

    def build(folder: Path) -> None:
        home = folder / "home"
        home.mkdir()
        run_refresh(shared_seeds, folder / "w.duckdb", home, folder / "refresh.log")
        shutil.copyfile(REPO / "orchestration" / "dagster.yaml", home / "dagster.yaml")

    folder = built_once(tmp_path_factory, "seeds_refresh", build)
    return {"db": folder / "w.duckdb", "home": folder / "home", "report": folder / "sitrep-report.html",
            "log": folder / "refresh.log"}


@pytest.fixture
def seeds_copy(seeds_refresh, tmp_path) -> Path:
    """A private copy of the seeds' warehouse file, for a test that writes to it or refreshes it."""
    db = tmp_path / "seeds" / "w.duckdb"
    db.parent.mkdir()
    shutil.copyfile(seeds_refresh["db"], db)
    return db


@pytest.fixture
def warehouse_env(tmp_path, monkeypatch) -> Path:
    """A fresh warehouse file in a temp dir, set as SITREP_DB for this test."""
    db = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("SITREP_DB", str(db))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    (tmp_path / "dagster_home").mkdir()
    return db
