"""The extractor version: a short hash of the rules that produce the claims.

The rules are the extractor code (``extractors/**/*.py``) and the reference data it reads
(``seeds/reference/**``, or ``SITREP_REFERENCE_DIR``). Any change to either gives a new
version, so a claim id (which includes the version) changes exactly when the rules that
produced it change, and Dagster sees a new ``code_version`` for the extraction assets.

The hash covers file paths (relative, with ``/``) and contents, never timestamps, so two
checkouts of the same commit agree. Hashing a few megabytes costs milliseconds; the result
is still remembered in a small cache file keyed by each file's size and modification time,
so repeated imports (every Dagster subprocess) skip reading the files. A cache that cannot
be read or written is simply ignored.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .reference import reference_dir

PACKAGE_DIR = Path(__file__).resolve().parent
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}
_SKIP_SUFFIXES = {".pyc", ".pyo", ".swp", ".tmp"}


def _files(root: Path, pattern: str) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob(pattern)
        if p.is_file() and not _SKIP_DIRS.intersection(p.relative_to(root).parts)
        and p.suffix not in _SKIP_SUFFIXES and not p.name.startswith(".")
    )


def rule_files() -> list[tuple[str, Path]]:
    """(label, path) of every file the version covers, in a fixed order."""
    code = [(f"extractors/{p.relative_to(PACKAGE_DIR).as_posix()}", p) for p in _files(PACKAGE_DIR, "*.py")]
    ref_root = reference_dir()
    data = [(f"reference/{p.relative_to(ref_root).as_posix()}", p) for p in _files(ref_root, "*")]
    return code + data


def compute_version(files: list[tuple[str, Path]] | None = None) -> str:
    """12 hex digits of SHA-256 over the labelled contents of ``files``."""
    digest = hashlib.sha256()
    for label, path in files if files is not None else rule_files():
        content = path.read_bytes()
        digest.update(f"{label}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:12]


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sitrep" / "extractor_version.json"


def _signature(files: list[tuple[str, Path]]) -> str:
    parts = []
    for label, path in files:
        stat = path.stat()
        parts.append(f"{label}:{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def current_version() -> str:
    """The version of the rules on disk, from the cache when no file changed since."""
    files = rule_files()
    signature = _signature(files)
    cache = _cache_path()
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("signature") == signature:
            return str(cached["version"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    version = compute_version(files)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"signature": signature, "version": version}), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass
    return version


EXTRACTOR_VERSION = current_version()
