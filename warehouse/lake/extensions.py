"""DuckDB extensions for DuckLake, loaded offline from the ``duckdb-extension-*`` PyPI packages.

DuckDB normally downloads ``ducklake``, ``postgres_scanner`` and ``httpfs`` on first use, which
fails without network. The PyPI packages carry the binaries, but the postgres package names its
file ``postgres.duckdb_extension`` while DuckDB expects ``postgres_scanner`` (the entry point is
derived from the file name). So we build a DuckDB *extension directory* of symbolic links with
the names DuckDB expects; with ``extension_directory`` pointing at it, ``INSTALL`` is a no-op and
DuckDB (and dbt-duckdb) load and autoload the extensions from there, never from the network.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from pathlib import Path

import duckdb

# DuckDB's extension name -> the PyPI package (duckdb-extension-<pkg>) that carries it
EXTENSIONS = {"ducklake": "ducklake", "postgres_scanner": "postgres", "httpfs": "httpfs"}


def package_binary(package: str) -> Path:
    """The extension binary inside ``duckdb_extension_<package>`` for this DuckDB version."""
    spec = importlib.util.find_spec(f"duckdb_extension_{package}")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the PyPI package duckdb-extension-{package}=={duckdb.__version__} "
                           f"is not installed (pip install -r requirements.lock)")
    path = (Path(list(spec.submodule_search_locations)[0]) / "extensions" / f"v{duckdb.__version__}"
            / f"{package}.duckdb_extension")
    if not path.exists():
        raise RuntimeError(f"{path} is missing: duckdb-extension-{package} does not match "
                           f"duckdb {duckdb.__version__}")
    return path


def platform() -> str:
    return duckdb.execute("PRAGMA platform").fetchone()[0]


def extension_directory() -> Path:
    """A directory of links ``v<version>/<platform>/<name>.duckdb_extension`` -> the packages'
    binaries (``SITREP_DUCKDB_EXTENSIONS``, default a per-user, per-venv folder in the temp dir).
    Built on first use; safe when several processes build it at once."""
    configured = os.environ.get("SITREP_DUCKDB_EXTENSIONS")
    if configured:
        root = Path(configured)
    else:
        tag = hashlib.sha256(str(package_binary("ducklake")).encode()).hexdigest()[:10]
        root = Path(tempfile.gettempdir()) / f"sitrep-duckdb-extensions-{os.getuid()}-{tag}"
    folder = root / f"v{duckdb.__version__}" / platform()
    folder.mkdir(parents=True, exist_ok=True)
    for name, package in EXTENSIONS.items():
        link = folder / f"{name}.duckdb_extension"
        target = package_binary(package)
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        staging = folder / f".{name}.{os.getpid()}.tmp"
        staging.unlink(missing_ok=True)
        staging.symlink_to(target)
        os.replace(staging, link)  # atomic: a concurrent reader sees the old or the new link
    return root


def offline_config() -> dict[str, object]:
    """DuckDB connection settings: extensions from the local directory, never downloaded."""
    return {"extension_directory": str(extension_directory()), "autoinstall_known_extensions": False,
            "autoload_known_extensions": True}


def load_lake_extensions(conn: duckdb.DuckDBPyConnection, with_s3: bool) -> None:
    """LOAD ducklake and postgres_scanner (and httpfs for s3:// data) on ``conn``."""
    for name in ("ducklake", "postgres_scanner") + (("httpfs",) if with_s3 else ()):
        conn.execute(f"LOAD {name}")
