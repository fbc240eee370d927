"""What the inbox yields: article records to store and quarantine entries for what failed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The closed list of reasons a file or line is rejected (marts.quarantine.reason).
QUARANTINE_REASONS = (
    "empty",            # no bytes, or only white space / no text after extraction
    "binary",           # NUL bytes: not a text file
    "undecodable",      # bytes that are not UTF-8
    "too_large",        # over the size limit (SITREP_MAX_FILE_BYTES, default 5 MB)
    "malformed_json",   # a .json file or a .jsonl line that does not parse as a JSON object
    "missing_text",     # a record (JSON object, CSV file or row) without its text
    "malformed_csv",    # a .csv file that does not parse as CSV
    "malformed_front_matter",  # a .md file whose YAML front matter does not parse
    "unsupported_format",  # a file type the inbox does not read
    "extraction_error",  # the extractors raised on this article (the rest still load)
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


@dataclass(frozen=True)
class Quarantined:
    source_uri: str
    reason: str
    detail: str

    def __post_init__(self) -> None:
        if self.reason not in QUARANTINE_REASONS:
            raise ValueError(f"unknown quarantine reason {self.reason!r}")
