"""Read an inbox folder: every supported file becomes article records or quarantine entries.

Nothing here raises on bad input: a file that cannot be read is quarantined with a reason
and the rest of the batch goes on. ``manifest.csv`` (columns file, title, outlet,
published_at, language) supplies metadata for files that carry none of their own.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from .formats import PARSERS
from .metadata import clean_str, parse_date
from .records import ArticleRecord, Quarantined

MANIFEST_NAME = "manifest.csv"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024


def max_file_bytes() -> int:
    """Size limit per inbox file, from ``SITREP_MAX_FILE_BYTES`` (default 5 MB)."""
    return int(os.environ.get("SITREP_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


@dataclass
class InboxBatch:
    records: list[ArticleRecord] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    files_seen: int = 0


def read_manifest(inbox: Path) -> dict[str, dict[str, object]]:
    """Metadata by file name from ``manifest.csv``; empty when there is none."""
    path = inbox / MANIFEST_NAME
    if not path.is_file():
        return {}
    frame = pl.read_csv(path, infer_schema=False)
    if "file" not in frame.columns:
        return {}
    return {row["file"]: row for row in frame.iter_rows(named=True) if row.get("file")}


def inbox_files(inbox: Path) -> list[Path]:
    """Files under the inbox (recursively, sorted, hidden files and the manifest skipped)."""
    return sorted(
        p for p in inbox.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.name != MANIFEST_NAME
    )


def decode(path: Path, limit: int) -> str | Quarantined:
    """The file's text, or why it cannot be read."""
    uri = str(path)
    size = path.stat().st_size
    if size > limit:
        return Quarantined(uri, "too_large", f"{size} bytes is over the limit of {limit} bytes")
    data = path.read_bytes()
    if not data.strip():
        return Quarantined(uri, "empty", "the file is empty" if not data else "only white space")
    if b"\x00" in data[:8192]:
        return Quarantined(uri, "binary", "NUL bytes found: not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Quarantined(uri, "undecodable", f"not UTF-8: {exc.reason} at byte {exc.start}")


def apply_manifest(record: ArticleRecord, meta: dict[str, object] | None) -> ArticleRecord:
    """Fill the record's missing metadata from its manifest row (the file's own values win)."""
    if not meta:
        return record
    return replace(
        record,
        title=record.title or clean_str(meta.get("title")),
        outlet=record.outlet or clean_str(meta.get("outlet")),
        published_at=record.published_at or parse_date(meta.get("published_at")),
        language=record.language or clean_str(meta.get("language")),
        url=record.url or clean_str(meta.get("url")),
    )


def read_inbox(inbox: Path, limit: int | None = None) -> InboxBatch:
    """Every article record in ``inbox`` and every file or line set aside."""
    limit = max_file_bytes() if limit is None else limit
    batch = InboxBatch()
    inbox = inbox.resolve()
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox folder {inbox} does not exist (set SITREP_INBOX)")
    manifest = read_manifest(inbox)
    for path in inbox_files(inbox):
        batch.files_seen += 1
        parser = PARSERS.get(path.suffix.lower())
        if parser is None:
            batch.quarantined.append(Quarantined(
                str(path), "unsupported_format",
                f"'{path.suffix or path.name}' is not one of {', '.join(sorted(PARSERS))}",
            ))
            continue
        content = decode(path, limit)
        if isinstance(content, Quarantined):
            batch.quarantined.append(content)
            continue
        records, quarantined = parser(content, str(path))
        meta = manifest.get(path.relative_to(inbox).as_posix()) or manifest.get(path.name)
        batch.records.extend(apply_manifest(r, meta) for r in records)
        batch.quarantined.extend(quarantined)
    return batch


def inbox_fingerprint(inbox: Path) -> str:
    """A hash of the inbox's file names, sizes and modification times: it changes whenever a
    file is added, removed or rewritten (what the inbox sensor watches)."""
    import hashlib

    digest = hashlib.sha256()
    if inbox.is_dir():
        for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(inbox)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]
