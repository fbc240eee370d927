"""Article metadata shared by every inbox format: field names, aliases and date parsing."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

# Keys an inbox record may carry, and the other names sources use for them
# (FA-KES-style CSVs say unit_id / article_title / article_content / source / date).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "unit_id", "article_id", "external_id"),
    "title": ("title", "article_title", "headline"),
    "text": ("text", "article_content", "content", "body"),
    "outlet": ("outlet", "source", "publisher"),
    "published_at": ("published_at", "date", "published", "pub_date"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
}

_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d")


def canonical_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Map a record's keys onto the canonical names (first alias present wins)."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    out: dict[str, Any] = {}
    for name, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if value is not None and str(value).strip() != "":
                out[name] = value
                break
    return out


def parse_date(value: Any) -> date | None:
    """A publication date from the usual spellings; None when absent or unreadable (never a guess)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", text)
    if iso:
        text = iso.group(1)
    if len(text) == 10 and text[4] == "-":
        try:
            return date.fromisoformat(text)  # the common case, without strptime's cost
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def raw_date_text(value: Any) -> str | None:
    """The publication date as the source gave it, as text (kept beside the parsed date)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return clean_str(value)


# A publication date later than this many days after today (UTC) is refused as a future date.
FUTURE_SLACK = timedelta(days=1)


def latest_plausible_date(today: date | None = None) -> date:
    return (today or datetime.now(timezone.utc).date()) + FUTURE_SLACK


def clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
