"""What the inbox yields: article records to store and quarantine entries for what failed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The closed list of reasons a file or line is rejected (marts.quarantine.reason).
QUARANTINE_REASONS = (
    "empty",            # no bytes, or only white space / no text after extraction
    "binary",           # NUL bytes: not a text file
    "undecodable",      # bytes that are not UTF-8
    "too_large",        # over the size limit (per file, or per record in .jsonl / .csv)
    "malformed_json",   # a .json file or a .jsonl line that does not parse as a JSON object
    "missing_text",     # a record (JSON object, CSV file or row) without its text
    "malformed_csv",    # a .csv file or row that does not parse as CSV (e.g. an extra field)
    "malformed_front_matter",  # a .md file whose YAML front matter does not parse
    "unsupported_format",  # a file type the inbox does not read (or not a regular file)
    "extraction_error",  # the extractors raised on this article (the rest still load)
    "bad_metadata",     # one manifest.csv row that cannot be used (extra field, no file, repeat)
    "malformed_manifest",  # manifest.csv as a whole cannot be parsed: articles load without it
    "outside_inbox",    # a link or manifest path that leads out of the inbox folder: not read
    "unreadable",       # the operating system refused to read it (permission denied, broken link)
    "future_date",      # published_at over a day ahead: the article loads with published_at null
)


@dataclass(frozen=True)
class ArticleRecord:
    """One article as read from the inbox, before deduplication."""

    source_uri: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published_at: date | None = None
    url: str | None = None
    language: str | None = None
    external_id: str | None = None
    # The publication date exactly as the source wrote it (kept even when it could not be
    # parsed or was rejected as a future date, so nothing vanishes without a trace).
    published_at_raw: str | None = None


@dataclass(frozen=True)
class Quarantined:
    source_uri: str
    reason: str
    detail: str

    def __post_init__(self) -> None:
        if self.reason not in QUARANTINE_REASONS:
            raise ValueError(f"unknown quarantine reason {self.reason!r}")
