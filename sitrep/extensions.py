"""DuckDB extensions loaded OFFLINE from the PyPI packages that carry them.

DuckDB would download an extension on ``INSTALL``, which fails without network; the
``duckdb-extension-<name>`` packages pinned with duckdb ship the binary, which ``LOAD
'<path>'`` reads directly.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

import duckdb


class ExtensionMissing(Exception):
    pass


def extension_path(name: str) -> Path:
    package = f"duckdb_extension_{name}"
    try:
        module = import_module(package)
    except ImportError:
        raise ExtensionMissing(
            f"the DuckDB extension '{name}' is not installed: pip install "
            f"duckdb-extension-{name}=={duckdb.__version__}") from None
    path = Path(module.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.exists():
        raise ExtensionMissing(f"{path} is missing: duckdb-extension-{name} does not match duckdb {duckdb.__version__}")
    return path


def load_extension(conn: duckdb.DuckDBPyConnection, name: str) -> None:
    """``LOAD`` the extension from its package path (no network)."""
    conn.execute(f"LOAD '{extension_path(name)}'")
