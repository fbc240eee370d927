"""Bulk files read as streams: one JSONL line or one CSV record at a time.

Memory stays bounded by the per-record limit whatever the file's size: a line or record
longer than the limit is skipped chunk by chunk (never held whole) and quarantined as
``too_large`` with its line number; a malformed one is quarantined alone; the records
after it still load.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from .records import Quarantined

CHUNK = 1 << 20
BOM = codecs.BOM_UTF8


def too_large(uri: str, what: str, size: int, limit: int) -> Quarantined:
    return Quarantined(uri, "too_large", f"{what} is {size} bytes, over the limit of {limit} "
                                         "bytes per record (SITREP_MAX_ARTICLE_BYTES)")


@dataclass
class Line:
    """One physical line: its bytes (None when it was longer than the limit and skipped),
    its number (1-based) and its size in bytes."""

    number: int
    data: bytes | None
    size: int


def capped_lines(handle: BinaryIO, limit: int,
                 on_skipped: Callable[[bytes], None] | None = None) -> Iterator[Line]:
    """Lines of ``handle`` with at most ``limit`` (+ the newline) bytes held at a time.

    An oversized line is read on in chunks of at most ``CHUNK`` bytes and dropped; each
    chunk is shown to ``on_skipped`` first (the CSV reader follows its quotes)."""
    number = 0
    while True:
        data = handle.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) <= limit or data.endswith(b"\n"):
            yield Line(number, data, len(data))
            continue
        size = len(data)
        while data:
            if on_skipped is not None:
                on_skipped(data)
            if data.endswith(b"\n"):
                break
            data = handle.readline(CHUNK)
            size += len(data)
        yield Line(number, None, size)


def check_start(handle: BinaryIO, uri: str) -> Quarantined | None:
    """Refuse an empty or binary bulk file before streaming it (the handle is rewound)."""
    head = handle.read(8192)
    handle.seek(0)
    if not head:
        return Quarantined(uri, "empty", "the file is empty")
    if not head.strip() and len(head) < 8192:
        return Quarantined(uri, "empty", "only white space")
    if b"\x00" in head:
        return Quarantined(uri, "binary", "NUL bytes found: not a text file")
    return None


def jsonl_objects(handle: BinaryIO, uri: str, limit: int) -> Iterator[tuple[str, dict[str, Any]] | Quarantined]:
    """(``uri#line=N``, object) for each JSON line; each bad line quarantined alone."""
    for line in capped_lines(handle, limit):
        line_uri = f"{uri}#line={line.number}"
        if line.data is None:
            yield too_large(line_uri, f"line {line.number}", line.size, limit)
            continue
        data = line.data[len(BOM):] if line.number == 1 and line.data.startswith(BOM) else line.data
        if not data.strip():
            continue
        try:
            item = json.loads(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Quarantined(line_uri, "undecodable", f"line {line.number} is not UTF-8: {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            yield Quarantined(line_uri, "malformed_json", f"line {line.number}: {exc}")
            continue
        if not isinstance(item, dict):
            yield Quarantined(line_uri, "malformed_json", f"line {line.number} is not a JSON object")
            continue
        yield line_uri, item


# CSV record boundaries (RFC 4180: a newline inside a quoted field does not end the record).
FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN = range(4)


def advance(text: str, state: int) -> int:
    """The quoting state after ``text``; jumps from quote to quote, so it costs per quote
    and comma, not per character."""
    pos, end = 0, len(text)
    while pos < end:
        if state == QUOTED:
            found = text.find('"', pos)
            if found < 0:
                return QUOTED
            pos, state = found + 1, QUOTE_SEEN
        elif state == QUOTE_SEEN:
            if text[pos] == '"':
                pos, state = pos + 1, QUOTED
            else:
                state = UNQUOTED
        elif state == FIELD_START:
            if text[pos] == '"':
                pos, state = pos + 1, QUOTED
            else:
                state = UNQUOTED
        else:
            found = text.find(",", pos)
            if found < 0:
                return UNQUOTED
            pos, state = found + 1, FIELD_START
    return state


@dataclass
class CsvRecord:
    first_line: int
    fields: list[str] | None = None
    problem: tuple[str, str] | None = None  # (reason, detail) when the record is refused


def _parse_record(text: str, first_line: int) -> CsvRecord | None:
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as exc:
        return CsvRecord(first_line, problem=("malformed_csv", f"line {first_line}: {exc}"))
    rows = [row for row in rows if row]
    if not rows:
        return None
    if len(rows) > 1:
        return CsvRecord(first_line, problem=("malformed_csv", f"line {first_line}: not one record"))
    return CsvRecord(first_line, fields=rows[0])


class _Scanner:
    """Follows the quoting state across lines and across the chunks of a skipped line."""

    def __init__(self) -> None:
        self.state = FIELD_START
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def skipped(self, chunk: bytes) -> None:
        self.state = advance(self.decoder.decode(chunk), self.state)


def csv_records(handle: BinaryIO, limit: int) -> Iterator[CsvRecord]:
    """Each CSV record (header included) with the line it starts on; blank lines skipped.

    A record over ``limit`` bytes, one that is not UTF-8, or one whose quoting is broken
    comes back with ``problem`` set; the reader finds the next record's start and goes on."""
    csv.field_size_limit(max(csv.field_size_limit(), limit + 1))
    scanner = _Scanner()
    parts: list[str] = []
    size, first, bad_bytes = 0, 0, False
    for line in capped_lines(handle, limit, on_skipped=scanner.skipped):
        if size == 0:
            first, bad_bytes = line.number, False
        size += line.size
        if line.data is not None:
            data = line.data[len(BOM):] if line.number == 1 and line.data.startswith(BOM) else line.data
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text, bad_bytes = data.decode("utf-8", "replace"), True
            scanner.state = advance(text, scanner.state)
            parts.append(text)
        if size > limit:
            parts = []  # the record will be refused: hold none of it
        if scanner.state == QUOTED:
            continue
        record = _finish(parts, size, first, limit, bad_bytes)
        scanner.state, parts, size = FIELD_START, [], 0
        if record is not None:
            yield record
    if size:
        yield CsvRecord(first, problem=("malformed_csv",
                                        f"line {first}: a quoted field opened here is never closed"))


def _finish(parts: list[str], size: int, first: int, limit: int, bad_bytes: bool) -> CsvRecord | None:
    if size > limit:
        return CsvRecord(first, problem=("too_large", f"the record at line {first} is {size} bytes, "
                                         f"over the limit of {limit} bytes per record "
                                         "(SITREP_MAX_ARTICLE_BYTES)"))
    text = "".join(parts)
    if not text.strip():
        return None
    if bad_bytes:
        return CsvRecord(first, problem=("undecodable", f"the record at line {first} is not UTF-8"))
    return _parse_record(text, first)
