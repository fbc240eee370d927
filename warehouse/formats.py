"""Parsers for each inbox format, article records out.

Single-article formats (.txt, .md, .html, .json) get the decoded file content (their size
limit is per file); bulk formats (.jsonl, .csv) get an open binary handle and are read
record by record (their size limit is per record). Either way one bad record (a malformed
JSON line, a CSV row without text) is set aside while the rest of its file still loads.
"""
from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import yaml

from .metadata import FIELD_ALIASES, canonical_fields, clean_str, parse_date, raw_date_text
from .records import ArticleRecord, Quarantined
from .streams import csv_records, jsonl_objects

Parsed = tuple[list[ArticleRecord], list[Quarantined]]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def record_from_fields(fields: dict[str, Any], source_uri: str) -> ArticleRecord | Quarantined:
    """An ArticleRecord from canonical fields, or a quarantine entry when the text is missing."""
    canon = canonical_fields(fields)
    text = canon.get("text")
    raw_date = canon.get("published_at")
    if not isinstance(text, str) or not text.strip():
        return Quarantined(source_uri, "missing_text", "record has no non-empty 'text' field")
    return ArticleRecord(
        source_uri=source_uri,
        text=text,
        title=clean_str(canon.get("title")),
        outlet=clean_str(canon.get("outlet")),
        published_at=parse_date(raw_date),
        url=clean_str(canon.get("url")),
        language=clean_str(canon.get("language")),
        external_id=clean_str(canon.get("id")),
        published_at_raw=raw_date_text(raw_date),
    )


def _split(results: list[ArticleRecord | Quarantined]) -> Parsed:
    return (
        [r for r in results if isinstance(r, ArticleRecord)],
        [r for r in results if isinstance(r, Quarantined)],
    )


def parse_txt(content: str, source_uri: str) -> Parsed:
    return _split([record_from_fields({"text": content}, source_uri)])


def parse_md(content: str, source_uri: str) -> Parsed:
    """Markdown with optional YAML front matter carrying the manifest's keys."""
    match = _FRONT_MATTER.match(content)
    if not match:
        return parse_txt(content, source_uri)
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        return [], [Quarantined(source_uri, "malformed_front_matter", str(exc).splitlines()[0])]
    if not isinstance(meta, dict):
        return [], [Quarantined(source_uri, "malformed_front_matter", "front matter is not a mapping")]
    # Keep the body byte-for-byte after the front matter; offsets refer to the body.
    return _split([record_from_fields({**meta, "text": content[match.end():]}, source_uri)])


def parse_html(content: str, source_uri: str) -> Parsed:
    """Main text of an HTML page (boilerplate dropped) with its title and date when present."""
    import trafilatura  # heavy import: only when an HTML file shows up

    text = trafilatura.extract(content, include_comments=False, include_tables=False)
    meta = trafilatura.extract_metadata(content)
    fields: dict[str, Any] = {"text": text or ""}
    if meta is not None:
        fields.update(title=meta.title, outlet=meta.sitename, published_at=meta.date, url=meta.url)
    if not text:
        return [], [Quarantined(source_uri, "empty", "no main text found in the HTML")]
    return _split([record_from_fields(fields, source_uri)])


def parse_json(content: str, source_uri: str) -> Parsed:
    """A JSON object, or a list of objects, each one article."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        return [], [Quarantined(source_uri, "malformed_json", str(exc))]
    items = data if isinstance(data, list) else [data]
    results: list[ArticleRecord | Quarantined] = []
    for i, item in enumerate(items):
        uri = source_uri if len(items) == 1 else f"{source_uri}#item={i}"
        if not isinstance(item, dict):
            results.append(Quarantined(uri, "malformed_json", "not a JSON object"))
        else:
            results.append(record_from_fields(item, uri))
    return _split(results)


def read_jsonl(handle: BinaryIO, source_uri: str, limit: int) -> Iterator[ArticleRecord | Quarantined]:
    """One JSON object per line, streamed; a bad line is quarantined and the others load."""
    for item in jsonl_objects(handle, source_uri, limit):
        yield item if isinstance(item, Quarantined) else record_from_fields(item[1], item[0])


def read_csv(handle: BinaryIO, source_uri: str, limit: int) -> Iterator[ArticleRecord | Quarantined]:
    """A CSV with a text column (``text`` or an alias such as ``article_content``), streamed
    record by record; ``#row=N`` counts data rows from 1, the detail names the line."""
    header: list[str] | None = None
    row = 0
    for record in csv_records(handle, limit):
        if header is None:
            if record.problem:
                yield Quarantined(source_uri, record.problem[0], "header: " + record.problem[1])
                return
            header = [name.strip() for name in record.fields or []]
            if not {h.lower() for h in header} & set(FIELD_ALIASES["text"]):
                yield Quarantined(source_uri, "missing_text",
                                  f"no text column (expected one of {', '.join(FIELD_ALIASES['text'])}); "
                                  "columns: " + ", ".join(header))
                return
            continue
        row += 1
        uri = f"{source_uri}#row={row}"
        if record.problem:
            yield Quarantined(uri, *record.problem)
        elif len(record.fields or []) > len(header):
            yield Quarantined(uri, "malformed_csv", f"line {record.first_line}: {len(record.fields or [])} "
                                                    f"fields, the header has {len(header)}")
        else:
            yield record_from_fields(dict(zip(header, record.fields or [])), uri)
    if header is None:
        yield Quarantined(source_uri, "empty", "no header and no rows")


SINGLE_ARTICLE: dict[str, Callable[[str, str], Parsed]] = {
    ".txt": parse_txt,
    ".md": parse_md,
    ".markdown": parse_md,
    ".html": parse_html,
    ".htm": parse_html,
    ".json": parse_json,
}

BULK: dict[str, Callable[[BinaryIO, str, int], Iterator[ArticleRecord | Quarantined]]] = {
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}

SUPPORTED = tuple(sorted({*SINGLE_ARTICLE, *BULK}))


def _whole_content(reader: Callable[[BinaryIO, str, int], Iterator[ArticleRecord | Quarantined]]
                   ) -> Callable[[str, str], Parsed]:
    def parse(content: str, source_uri: str) -> Parsed:
        limit = int(os.environ.get("SITREP_MAX_ARTICLE_BYTES", 1024 * 1024))
        return _split(list(reader(io.BytesIO(content.encode("utf-8")), source_uri, limit)))
    return parse


# Every format as ``(decoded content, uri) -> (records, quarantined)``: kept for callers
# written before bulk files were streamed. New code: ``warehouse.inbox.read_file``.
PARSERS: dict[str, Callable[[str, str], Parsed]] = {
    **SINGLE_ARTICLE, **{suffix: _whole_content(reader) for suffix, reader in BULK.items()}}
