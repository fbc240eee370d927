"""Parsers for each inbox format: decoded file content in, article records out.

Each parser returns ``(records, quarantined)`` so that one bad record (a malformed JSON
line, a CSV row without text) is set aside while the rest of its file still loads.
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from typing import Any

import polars as pl
import yaml

from .metadata import FIELD_ALIASES, canonical_fields, clean_str, parse_date
from .records import ArticleRecord, Quarantined

Parsed = tuple[list[ArticleRecord], list[Quarantined]]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def record_from_fields(fields: dict[str, Any], source_uri: str) -> ArticleRecord | Quarantined:
    """An ArticleRecord from canonical fields, or a quarantine entry when the text is missing."""
    canon = canonical_fields(fields)
    text = canon.get("text")
    if not isinstance(text, str) or not text.strip():
        return Quarantined(source_uri, "missing_text", "record has no non-empty 'text' field")
    return ArticleRecord(
        source_uri=source_uri,
        text=text,
        title=clean_str(canon.get("title")),
        outlet=clean_str(canon.get("outlet")),
        published_at=parse_date(canon.get("published_at")),
        url=clean_str(canon.get("url")),
        language=clean_str(canon.get("language")),
        external_id=clean_str(canon.get("id")),
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


def parse_jsonl(content: str, source_uri: str) -> Parsed:
    """One JSON object per line; a bad line is quarantined and the others still load."""
    results: list[ArticleRecord | Quarantined] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        uri = f"{source_uri}#line={number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(Quarantined(uri, "malformed_json", str(exc)))
            continue
        if not isinstance(item, dict):
            results.append(Quarantined(uri, "malformed_json", "line is not a JSON object"))
        else:
            results.append(record_from_fields(item, uri))
    return _split(results)


def parse_csv(content: str, source_uri: str) -> Parsed:
    """A CSV with a text column (``text`` or an alias such as ``article_content``)."""
    try:
        frame = pl.read_csv(io.StringIO(content), infer_schema=False)
    except Exception as exc:  # polars raises several error types for broken CSV
        return [], [Quarantined(source_uri, "malformed_csv", str(exc).splitlines()[0])]
    columns = {c.strip().lower() for c in frame.columns}
    if not columns & set(FIELD_ALIASES["text"]):
        return [], [Quarantined(
            source_uri, "missing_text",
            f"no text column (expected one of {', '.join(FIELD_ALIASES['text'])}); columns: "
            + ", ".join(frame.columns),
        )]
    results = [
        record_from_fields(row, f"{source_uri}#row={i}")
        for i, row in enumerate(frame.iter_rows(named=True), start=1)
    ]
    return _split(results)


PARSERS: dict[str, Callable[[str, str], Parsed]] = {
    ".txt": parse_txt,
    ".md": parse_md,
    ".markdown": parse_md,
    ".html": parse_html,
    ".htm": parse_html,
    ".json": parse_json,
    ".jsonl": parse_jsonl,
    ".csv": parse_csv,
}
