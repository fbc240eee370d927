"""Read an inbox folder: every supported file becomes article records or quarantine entries.

Nothing here raises on bad input: a file, a record or a manifest row that cannot be read
is quarantined with a reason and the rest of the batch goes on. The pieces, for callers
that load file by file (incremental refresh):

- ``scan_inbox(inbox)`` (boundary.py): the files the inbox may read, and what it refused;
- ``read_manifest(inbox)`` (manifest.py): ``manifest.csv`` metadata, never fatal;
- ``read_file(inbox, file, manifest)``: one file's records, streamed record by record for
  .jsonl / .csv, with the manifest applied, future dates refused and the language marked.

``read_inbox`` puts them together for callers that want the whole inbox at once.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from .boundary import (MANIFEST_NAME, InboxFile, OutsideInbox, ScanResult, describe_os_error,
                       iter_fingerprint_lines, open_inside, resolve_inbox, scan_inbox)
from .formats import BULK, SINGLE_ARTICLE, SUPPORTED
from .language import count_not_english, detect_language
from .manifest import Manifest, Row, apply_manifest, read_manifest
from .metadata import latest_plausible_date
from .records import ArticleRecord, Quarantined
from .streams import check_start

__all__ = [
    "MANIFEST_NAME", "InboxBatch", "InboxFile", "Manifest", "ScanResult", "apply_manifest",
    "inbox_fingerprint", "inbox_problems", "max_article_bytes", "max_file_bytes", "read_file",
    "add_entry", "iter_selected", "read_inbox", "read_manifest", "read_selected", "scan_inbox",
]

DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024


def max_file_bytes() -> int:
    """Size limit of a single-article file (.txt, .md, .html, .json), from
    ``SITREP_MAX_FILE_BYTES`` (default 5 MB)."""
    return int(os.environ.get("SITREP_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


def max_article_bytes() -> int:
    """Size limit of one record of a bulk file (a .jsonl line, a .csv record), from
    ``SITREP_MAX_ARTICLE_BYTES`` (default 1 MB). Bulk files have no size limit of their own."""
    return int(os.environ.get("SITREP_MAX_ARTICLE_BYTES", DEFAULT_MAX_ARTICLE_BYTES))


@dataclass
class InboxBatch:
    records: list[ArticleRecord] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    files_seen: int = 0

    @property
    def not_english(self) -> int:
        """Records the English extractors cannot read (marked by ``language``)."""
        return count_not_english(self.records)


def _read_single(handle: BinaryIO, uri: str, limit: int) -> str | Quarantined:
    """A single-article file's text, or why it cannot be read (at most limit+1 bytes read)."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        size = os.fstat(handle.fileno()).st_size
        return Quarantined(uri, "too_large", f"{size} bytes is over the limit of {limit} bytes "
                                             "(SITREP_MAX_FILE_BYTES)")
    if not data.strip():
        return Quarantined(uri, "empty", "the file is empty" if not data else "only white space")
    if b"\x00" in data[:8192]:
        return Quarantined(uri, "binary", "NUL bytes found: not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Quarantined(uri, "undecodable", f"not UTF-8: {exc.reason} at byte {exc.start}")


def _parse(handle: BinaryIO, item: InboxFile, file_limit: int,
           record_limit: int) -> Iterator[ArticleRecord | Quarantined]:
    uri = item.uri
    if item.suffix in BULK:
        refused = check_start(handle, uri)
        if refused is not None:
            yield refused
            return
        yield from BULK[item.suffix](handle, uri, record_limit)
        return
    content = _read_single(handle, uri, file_limit)
    if isinstance(content, Quarantined):
        yield content
        return
    records, quarantined = SINGLE_ARTICLE[item.suffix](content, uri)
    yield from records
    yield from quarantined


def _raw_items(root: Path, item: InboxFile, file_limit: int,
               record_limit: int) -> Iterator[ArticleRecord | Quarantined]:
    uri = item.uri
    if item.suffix not in SUPPORTED:
        yield Quarantined(uri, "unsupported_format",
                          f"'{item.path.suffix or item.path.name}' is not one of {', '.join(SUPPORTED)}")
        return
    try:
        handle = open_inside(root, item.path)
    except OutsideInbox as exc:
        yield Quarantined(uri, "outside_inbox", f"{exc}: not read")
        return
    except OSError as exc:  # permission denied and the like: at once, no retries
        yield Quarantined(uri, "unreadable", describe_os_error(exc))
        return
    with handle:
        try:
            yield from _parse(handle, item, file_limit, record_limit)
        except OSError as exc:
            yield Quarantined(uri, "unreadable", "reading stopped part-way (the records before "
                                                 f"it loaded): {describe_os_error(exc)}")


def settle(record: ArticleRecord, meta: Row | None, latest: date) -> Iterator[ArticleRecord | Quarantined]:
    """The record with its manifest row applied, a future date refused (one quarantine row,
    the article still loads with published_at null) and its language marked."""
    record = apply_manifest(record, meta)
    if record.published_at is not None and record.published_at > latest:
        raw = record.published_at_raw or record.published_at.isoformat()
        yield Quarantined(record.source_uri, "future_date",
                          f"published_at '{raw}' is after {latest.isoformat()} (today + 1 day); "
                          "the article loads with published_at empty")
        record = replace(record, published_at=None, published_at_raw=raw)
    if not record.language:
        record = replace(record, language=detect_language(record.text))
    yield record


def read_file(inbox: Path, item: InboxFile, manifest: Manifest | None = None, *,
              file_limit: int | None = None, record_limit: int | None = None,
              today: date | None = None) -> Iterator[ArticleRecord | Quarantined]:
    """One inbox file's article records and quarantine entries, in file order. Streams:
    a .jsonl or .csv file is never held whole in memory. Never raises on bad input."""
    root = resolve_inbox(inbox)
    file_limit = max_file_bytes() if file_limit is None else file_limit
    record_limit = max_article_bytes() if record_limit is None else record_limit
    meta = manifest.lookup(item) if manifest is not None else None
    latest = latest_plausible_date(today)
    for entry in _raw_items(root, item, file_limit, record_limit):
        if isinstance(entry, Quarantined):
            yield entry
        else:
            yield from settle(entry, meta, latest)


def read_inbox(inbox: Path, limit: int | None = None, record_limit: int | None = None,
               today: date | None = None) -> InboxBatch:
    """Every article record in ``inbox`` and every file, line or manifest row set aside.
    ``limit`` is the per-file limit of single-article files, ``record_limit`` the
    per-record limit of .jsonl / .csv (defaults from the environment)."""
    scan = scan_inbox(inbox)
    manifest = read_manifest(scan.root)
    batch = InboxBatch(quarantined=[*scan.refused, *manifest.problems])
    for item in scan.files:
        batch.files_seen += 1
        for entry in read_file(scan.root, item, manifest, file_limit=limit,
                               record_limit=record_limit, today=today):
            (batch.quarantined if isinstance(entry, Quarantined) else batch.records).append(entry)
    return batch


def iter_selected(inbox: Path, paths: Iterable[str], *, scan: ScanResult | None = None,
                  manifest: Manifest | None = None) -> Iterator[tuple[str, ArticleRecord | Quarantined]]:
    """``(path, record or quarantine entry)`` of the files whose path (``InboxFile.uri``, as in
    ``source_uri``) is in ``paths``, one at a time: a batch of any size is never held whole."""
    scan = scan or scan_inbox(inbox)
    manifest = manifest if manifest is not None else read_manifest(scan.root)
    wanted = set(paths)
    for item in scan.files:
        if item.uri in wanted:
            for entry in read_file(scan.root, item, manifest):
                yield item.uri, entry


def read_selected(inbox: Path, paths: Iterable[str], *, scan: ScanResult | None = None,
                  manifest: Manifest | None = None) -> tuple[InboxBatch, dict[str, tuple[int, int]]]:
    """Only the files whose path is in ``paths`` (incremental refresh), in memory: their records
    and quarantine entries, and per path ``(records, quarantined)``. Inbox-level refusals
    (``scan.refused``, manifest problems) are not included: take them from ``inbox_problems``
    and replace them on every refresh. Large batches: ``iter_selected``."""
    batch = InboxBatch()
    counts: dict[str, tuple[int, int]] = {}
    for path, entry in iter_selected(inbox, paths, scan=scan, manifest=manifest):
        batch.files_seen += path not in counts
        add_entry(batch, counts, path, entry)
    return batch, counts


def add_entry(batch: InboxBatch, counts: dict[str, tuple[int, int]], path: str,
              entry: ArticleRecord | Quarantined) -> None:
    """Put ``entry`` of file ``path`` in ``batch`` and count it in ``counts[path]``
    (records, quarantined)."""
    n_records, n_quarantined = counts.get(path, (0, 0))
    if isinstance(entry, Quarantined):
        batch.quarantined.append(entry)
        counts[path] = (n_records, n_quarantined + 1)
    else:
        batch.records.append(entry)
        counts[path] = (n_records + 1, n_quarantined)


def inbox_problems(scan: ScanResult, manifest: Manifest) -> list[Quarantined]:
    """What the inbox refused as a whole on this refresh (links out, unreadable folders,
    FIFOs, manifest problems): recomputed every time, so replace the previous ones."""
    return [*scan.refused, *manifest.problems]


def inbox_files(inbox: Path) -> list[Path]:
    """The readable files' paths (kept for callers of the first reader; see scan_inbox)."""
    return [item.path for item in scan_inbox(inbox).files]


def decode(path: Path, limit: int) -> str | Quarantined:
    """A single-article file's text, or why it cannot be read (kept for callers of the
    first reader; new code: read_file)."""
    try:
        with open_inside(Path(path).parent.resolve(), Path(path)) as handle:
            return _read_single(handle, str(path), limit)
    except OutsideInbox as exc:
        return Quarantined(str(path), "outside_inbox", f"{exc}: not read")
    except OSError as exc:
        return Quarantined(str(path), "unreadable", describe_os_error(exc))


def inbox_fingerprint(inbox: Path) -> str:
    """A hash of the readable files' relative paths, sizes and modification times, of what
    was refused, and of manifest.csv: it changes whenever a file is added, removed or
    rewritten (what the inbox sensor watches). Skipped files (hidden, *.yaml) do not count."""
    digest = hashlib.sha256()
    try:
        scan = scan_inbox(inbox)
    except FileNotFoundError:
        return digest.hexdigest()[:20]
    for line in iter_fingerprint_lines(scan, scan.root / MANIFEST_NAME):
        digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()[:20]
