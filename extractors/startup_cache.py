"""Tables the extractors build from reference data, kept on disk between processes.

A new extraction process pays for tables it derives from files: the worldwide place index
(144,000 GeoNames rows keyed by folded names) and the English word list that keeps
"Said" from being read as a place. Each is built once and written, with ``marshal``, to
``$XDG_CACHE_HOME/sitrep/extractors/<name>-<key>.marshal`` (``~/.cache`` without the
variable); a later process reads it back in a fraction of the build time. Nothing is
downloaded: a cached table is a copy of what the process would build itself.

The key is a hash of the extractor version (every extractor file and every reference
file: a change to either gives a new key), the Python version (``marshal``'s format) and
what the caller names as its other sources (the path, size and modification time of a
data file outside the repository). A stale table is never read: its key differs, the
table is rebuilt and written under the new key, and the old files of that name are
removed (the three newest of a name are kept, for checkouts of other versions
on the same machine). Two processes may build the same table at once: each writes a private
temporary file and renames it over the final name (atomic on one file system), so a
reader sees a whole file or none. A file that cannot be read, or holds something other
than the table it should (truncated, foreign), is ignored and replaced; a cache that
cannot be written is skipped. ``SITREP_EXTRACTOR_CACHE=off`` turns the cache off
(every process builds its tables).
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable, TypeVar

from .version import EXTRACTOR_VERSION

T = TypeVar("T")
_FORMAT = "sitrep-extractor-table-1"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sitrep" / "extractors"


def enabled() -> bool:
    return os.environ.get("SITREP_EXTRACTOR_CACHE", "").strip().lower() not in ("off", "0", "false", "no")


def file_identity(path: Path | None) -> str:
    """Path, size and modification time of a data file (``-`` when absent)."""
    if path is None:
        return "-"
    try:
        stat = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def table_key(name: str, sources: tuple[str, ...] = ()) -> str:
    parts = (_FORMAT, name, EXTRACTOR_VERSION, sys.version, str(marshal.version), *sources)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def cached_table(name: str, build: Callable[[], T], sources: tuple[str, ...] = ()) -> T:
    """``build()``'s result, read from the cache when a table of this name and key is there,
    else built and written. The result must be made of what ``marshal`` keeps exactly
    (str, int, float, bool, None, tuple, list, dict, set, frozenset)."""
    if not enabled():
        return build()
    key = table_key(name, sources)
    path = cache_dir() / f"{name}-{key}.marshal"
    found = _read(path, name, key)
    if found is not None:
        return found[0]
    table = build()
    _write(path, name, key, table)
    return table


def _read(path: Path, name: str, key: str) -> tuple[Any] | None:
    try:  # ``marshal.load`` on a file object is several times slower than on bytes
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(stored, tuple) and len(stored) == 4 and stored[:3] == (_FORMAT, name, key):
        return (stored[3],)
    return None


def _write(path: Path, name: str, key: str, table: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((_FORMAT, name, key, table)))
        os.replace(tmp, path)
    except (OSError, ValueError):  # read-only home, full disk, an unmarshallable table
        try:
            tmp.unlink()
        except OSError:
            pass
        return
    _prune(path.parent, name)


_KEEP = 3  # tables of a name kept: checkouts of other versions on one machine keep theirs


def _prune(folder: Path, name: str) -> None:
    """Remove all but the ``_KEEP`` most recently written tables of ``name`` (tables of
    earlier versions), so the cache does not grow with every change of the rules."""
    try:
        tables = [p for p in folder.glob(f"{name}-*.marshal") if len(p.name) == len(name) + 25]
        tables.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for old in tables[_KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass
