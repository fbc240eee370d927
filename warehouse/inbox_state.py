"""What changed in the inbox since the warehouse last read it (``raw.inbox_files``).

A file is read again only when it is new, or its size or mtime changed AND its content hash
differs (a touched file is not re-read). ``manifest.csv`` changing re-reads every file, since
it may change any file's metadata. Files that disappear are simply not seen: their articles
stay in the warehouse.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from .boundary import is_inside
from .inbox import MANIFEST_NAME, InboxBatch, add_entry, inbox_problems, iter_selected, read_manifest, scan_inbox

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
    result = scan_inbox(inbox)  # a clear FileNotFoundError when the inbox is missing
    states = [FileState(f.uri, f.size, f.mtime_ns) for f in result.files]
    manifest = result.root / MANIFEST_NAME
    if is_inside(result.root, manifest.resolve()) and manifest.is_file():
        stat = manifest.stat()
        states.append(FileState(str(manifest), stat.st_size, stat.st_mtime_ns))
    return sorted(states, key=lambda f: f.path)


def file_sha256(path: str) -> str | None:
    """The file's content hash; None when it cannot be read (it is then quarantined as
    ``unreadable`` by the reader and not recorded, so the next refresh tries it again)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
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
            (result.changed.append(state) if digest is None or digest != before[2]
             else result.touched.append((state, digest)))
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
        if digest is None:
            continue  # unreadable now: not recorded, read again next time
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


def read_chunks(inbox: Path, states: list[FileState], size: int,
                counts: dict[str, tuple[int, int]]) -> Iterator[InboxBatch]:
    """Records and quarantine entries of the given inbox files (as ``read_inbox`` reads them),
    in batches of at most ``size`` records, so memory stays flat whatever the inbox holds.
    ``counts`` gets, per file, (records, quarantined). The last batch also carries the
    inbox-level refusals (links out of the inbox, manifest problems), recomputed on every
    refresh."""
    result = scan_inbox(inbox)
    manifest = read_manifest(result.root)
    batch = InboxBatch()
    for path, entry in iter_selected(result.root, [s.path for s in states], scan=result, manifest=manifest):
        add_entry(batch, counts, path, entry)
        if len(batch.records) >= size:
            yield batch
            batch = InboxBatch()
    batch.quarantined += inbox_problems(result, manifest)
    yield batch
