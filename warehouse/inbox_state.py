"""What changed in the inbox since the warehouse last read it (``raw.inbox_files``).

A file is read again only when it is new, or its size or mtime changed AND its content hash
differs (a touched file is not re-read). ``manifest.csv`` changing re-reads every file, since
it may change any file's metadata. Files that disappear are simply not seen: their articles
stay in the warehouse.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from .inbox import MANIFEST_NAME, InboxBatch, apply_manifest, decode, inbox_files, max_file_bytes, read_manifest
from .formats import PARSERS
from .records import Quarantined

MANIFEST_KEY = "manifest"


@dataclass(frozen=True)
class FileState:
    path: str  # as in source_uri
    size: int
    mtime_ns: int


@dataclass
class InboxPlan:
    """Files to read, and the bookkeeping to store once they are read."""

    seen: list[FileState] = field(default_factory=list)
    new: list[FileState] = field(default_factory=list)
    changed: list[FileState] = field(default_factory=list)
    touched: list[tuple[FileState, str]] = field(default_factory=list)  # stat changed, content did not
    hashes: dict[str, str] = field(default_factory=dict)

    @property
    def to_read(self) -> list[FileState]:
        return sorted(self.new + self.changed, key=lambda f: f.path)


def scan(inbox: Path) -> list[FileState]:
    """Every file the inbox reader would read, with its size and mtime (plus the manifest)."""
    inbox = inbox.resolve()
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox folder {inbox} does not exist (set SITREP_INBOX)")
    paths = list(inbox_files(inbox))
    if (inbox / MANIFEST_NAME).is_file():
        paths.append(inbox / MANIFEST_NAME)
    states = []
    for path in paths:
        stat = path.stat()
        states.append(FileState(str(path), stat.st_size, stat.st_mtime_ns))
    return sorted(states, key=lambda f: f.path)


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def stored_states(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int, str]]:
    return {p: (s, m, h) for p, s, m, h in conn.execute(
        "SELECT path, size, mtime_ns, content_sha256 FROM raw.inbox_files").fetchall()}


def plan(conn: duckdb.DuckDBPyConnection, states: list[FileState]) -> InboxPlan:
    """Compare the inbox with what the warehouse read before."""
    known = stored_states(conn)
    result = InboxPlan(seen=states)
    for state in states:
        before = known.get(state.path)
        if before is None:
            result.new.append(state)
        elif before[:2] != (state.size, state.mtime_ns):
            digest = file_sha256(state.path)
            result.hashes[state.path] = digest
            (result.changed.append(state) if digest != before[2] else result.touched.append((state, digest)))
    manifest = [s for s in result.new + result.changed if Path(s.path).name == MANIFEST_NAME]
    if manifest:  # new metadata for any file: read them all again
        reread = {s.path for s in result.new + result.changed}
        result.changed += [s for s in states if s.path not in reread]
        result.touched = []
    return result


def unchanged(conn: duckdb.DuckDBPyConnection, states: list[FileState]) -> bool:
    """True when every inbox file is already stored with the same size and mtime (cheap:
    what the sensor asks before launching a run)."""
    known = stored_states(conn)
    return all(known.get(s.path, (None, None))[:2] == (s.size, s.mtime_ns) for s in states)


def store_states(
    conn: duckdb.DuckDBPyConnection, inbox_plan: InboxPlan, counts: dict[str, tuple[int, int]], now: datetime
) -> None:
    """Record the files just read (``counts``: path -> (records, quarantined)) and the touched ones."""
    rows = []
    for state in inbox_plan.to_read:
        digest = inbox_plan.hashes.get(state.path) or file_sha256(state.path)
        n_records, n_quarantined = counts.get(state.path, (0, 0))
        rows.append((state.path, state.size, state.mtime_ns, digest, n_records, n_quarantined, now, now))
    rows += [(s.path, s.size, s.mtime_ns, digest, None, None, now, now) for s, digest in inbox_plan.touched]
    if not rows:
        return
    _files = pl.DataFrame(rows, orient="row", schema={  # noqa: F841 (read by DuckDB below)
        "path": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64, "sha": pl.String, "n_records": pl.Int32,
        "n_quarantined": pl.Int32, "first_seen": pl.Datetime("us"), "read_at": pl.Datetime("us")})
    # delete + insert by path (the caller's transaction), not ON CONFLICT: DuckLake tables have no keys
    _rows = conn.execute("""
        SELECT f.path, f.size, f.mtime_ns, f.sha, coalesce(f.n_records, o.n_records, 0),
               coalesce(f.n_quarantined, o.n_quarantined, 0), coalesce(o.first_seen_at, f.first_seen),
               CASE WHEN f.n_records IS NULL THEN coalesce(o.read_at, f.read_at) ELSE f.read_at END
        FROM _files f LEFT JOIN raw.inbox_files o USING (path)
    """).pl()  # noqa: F841 (read by DuckDB below)
    conn.execute("DELETE FROM raw.inbox_files WHERE path IN (SELECT path FROM _files)")
    conn.execute("INSERT INTO raw.inbox_files SELECT * FROM _rows")


def read_paths(inbox: Path, states: list[FileState]) -> tuple[InboxBatch, dict[str, tuple[int, int]]]:
    """Records and quarantine entries of the given inbox files only (as ``read_inbox`` reads
    them), and per file: (records, quarantined)."""
    inbox = inbox.resolve()
    limit = max_file_bytes()
    manifest = read_manifest(inbox)
    batch = InboxBatch()
    counts: dict[str, tuple[int, int]] = {}
    for state in states:
        path = Path(state.path)
        if path.name == MANIFEST_NAME and path.parent == inbox:
            continue
        batch.files_seen += 1
        before = (len(batch.records), len(batch.quarantined))
        parser = PARSERS.get(path.suffix.lower())
        content = decode(path, limit) if parser else Quarantined(
            str(path), "unsupported_format", f"'{path.suffix or path.name}' is not one of {', '.join(sorted(PARSERS))}")
        if isinstance(content, Quarantined):
            batch.quarantined.append(content)
        else:
            records, quarantined = parser(content, str(path))
            meta = manifest.get(path.relative_to(inbox).as_posix()) or manifest.get(path.name)
            batch.records.extend(apply_manifest(r, meta) for r in records)
            batch.quarantined.extend(quarantined)
        counts[state.path] = (len(batch.records) - before[0], len(batch.quarantined) - before[1])
    return batch, counts
