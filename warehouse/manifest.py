"""``manifest.csv``: metadata for inbox files that carry none of their own. Never fatal.

A manifest that cannot be used as a whole (empty, not UTF-8, no ``file`` column, a link out
of the inbox, unreadable) is one quarantine row, and the articles load without its
metadata. A bad row (an extra field, no file name, a second row for the same file, a path
leading out of the inbox) is one quarantine row, and the other rows apply. File names are
compared in Unicode NFC, so a name written on macOS (NFD) matches the row typed elsewhere.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .boundary import MANIFEST_NAME, InboxFile, OutsideInbox, describe_os_error, open_inside, resolve_inbox
from .metadata import clean_str, parse_date, raw_date_text
from .records import ArticleRecord, Quarantined
from .streams import CsvRecord, check_start, csv_records

MANIFEST_ROW_LIMIT = 1024 * 1024
Row = dict[str, str | None]


@dataclass
class Manifest:
    """Rows by NFC relative path (``by_path``) and by bare file name (``by_name``, for rows
    that give only a name), and the problems found reading it."""

    by_path: dict[str, Row] = field(default_factory=dict)
    by_name: dict[str, Row] = field(default_factory=dict)
    problems: list[Quarantined] = field(default_factory=list)

    def lookup(self, item: InboxFile) -> Row | None:
        key = item.key
        return self.by_path.get(key) or self.by_name.get(key.rsplit("/", 1)[-1])

    def get(self, name: str) -> Row | None:
        """The row for a relative path or bare file name (compared in NFC)."""
        key = nfc(name)
        return self.by_path.get(key) or self.by_name.get(key)

    def __len__(self) -> int:
        return len(self.by_path)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _whole(uri: str, reason: str, why: str) -> Manifest:
    return Manifest(problems=[Quarantined(
        uri, reason, f"{why}; the articles load without the manifest's metadata")])


def read_manifest(inbox: Path) -> Manifest:
    """The inbox's ``manifest.csv`` (an empty Manifest when there is none). Never raises."""
    try:
        root = resolve_inbox(inbox)
    except FileNotFoundError:
        return Manifest()  # no inbox, no manifest: scan_inbox reports the missing folder
    path = root / MANIFEST_NAME
    uri = str(path)
    if not os.path.lexists(path):
        return Manifest()
    try:
        with open_inside(root, path) as handle:
            return _parse(handle, uri)
    except OutsideInbox as exc:
        return _whole(uri, "outside_inbox", f"{exc}: not read")
    except OSError as exc:
        return _whole(uri, "unreadable", describe_os_error(exc))
    except Exception as exc:  # noqa: BLE001 - whatever else goes wrong, the articles still load
        return _whole(uri, "malformed_manifest", f"cannot be read: {type(exc).__name__}: {exc}")


def _parse(handle: BinaryIO, uri: str) -> Manifest:
    refused = check_start(handle, uri)
    if refused is not None:
        return _whole(uri, refused.reason, refused.detail)
    records = csv_records(handle, MANIFEST_ROW_LIMIT)
    header_record = next(records, None)
    if header_record is not None and header_record.problem and header_record.problem[0] == "undecodable":
        return _whole(uri, "undecodable", "not UTF-8 (save it as UTF-8)")
    if header_record is None or header_record.problem:
        why = header_record.problem[1] if header_record and header_record.problem else "no header"
        return _whole(uri, "malformed_manifest", f"the header cannot be read ({why})")
    header = [nfc(name).strip().lower() for name in header_record.fields or []]
    if "file" not in header:
        return _whole(uri, "malformed_manifest",
                      "no 'file' column (columns: " + ", ".join(header) + ")")
    manifest = Manifest()
    for number, record in enumerate(records, start=1):
        if record.problem and record.problem[0] == "undecodable":
            return _whole(uri, "undecodable", f"not UTF-8 (save it as UTF-8): {record.problem[1]}")
        problem = _add_row(manifest, header, record)
        if problem is not None:
            manifest.problems.append(Quarantined(f"{uri}#row={number}", *problem))
    return manifest


def _add_row(manifest: Manifest, header: list[str], record: CsvRecord) -> tuple[str, str] | None:
    """Adds one row; (reason, detail) when the row is refused."""
    where = f"line {record.first_line}"
    if record.problem:
        return ("bad_metadata", f"{record.problem[1]}; this row is ignored")
    fields = record.fields or []
    if len(fields) > len(header):
        return ("bad_metadata", f"{where}: {len(fields)} fields, the header has {len(header)}; "
                                "this row is ignored, the other rows apply")
    row: Row = {name: clean_str(value) for name, value in zip(header, fields)}
    name = row.get("file")
    if not name:
        if any(row.values()):
            return ("bad_metadata", f"{where}: no file name; this row is ignored")
        return None
    posix = PurePosixPath(nfc(name).replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts:
        return ("outside_inbox", f"{where}: '{name}' leads out of the inbox; this row is ignored")
    key = posix.as_posix()
    if key in manifest.by_path:
        return ("bad_metadata", f"{where}: a second row for '{name}'; the first one applies")
    manifest.by_path[key] = row
    manifest.by_name.setdefault(posix.name, row)
    return None


def apply_manifest(record: ArticleRecord, meta: Row | None) -> ArticleRecord:
    """Fill the record's missing metadata from its manifest row (the file's own values win)."""
    if not meta:
        return record
    published_at, raw = record.published_at, record.published_at_raw
    if published_at is None and meta.get("published_at"):
        published_at = parse_date(meta.get("published_at"))
        if published_at is not None or raw is None:
            raw = raw_date_text(meta.get("published_at"))
    return replace(
        record,
        title=record.title or clean_str(meta.get("title")),
        outlet=record.outlet or clean_str(meta.get("outlet")),
        published_at=published_at,
        published_at_raw=raw,
        language=record.language or clean_str(meta.get("language")),
        url=record.url or clean_str(meta.get("url")),
    )
