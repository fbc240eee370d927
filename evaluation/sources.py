"""Where the rows to score come from: a built warehouse, or the extractors run in-process.

Both give a :class:`Corpus`: the articles (id, text, the keys gold files may use for them)
and the claim rows by fact type, with the contract's column names.

- ``load_warehouse(db)``: reads ``marts.dim_articles`` and the four ``marts.fct_*`` tables
  from a DuckDB file opened read-only. A warehouse article is known to gold files by the
  basename of its ``source_uri`` (``000_48653ec1725ca67c.txt``) and by its ``external_id``
  (a FA-KES ``unit_id``).
- ``load_direct(path)``: an inbox folder or one inbox file (a FA-KES-style CSV, say) read
  by the warehouse's own reader (``warehouse.inbox.read_inbox``), run through
  ``extractors.extract_article``; article ids are the external ids (FA-KES unit_ids) or the
  file names.
"""
from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import yaml

from .errors import EvaluationInputError
from .gold import FACT_TYPES
from .fakes_scoring import FakesRecord
from .matching import Row

# fact type -> warehouse table
FACT_TABLES: dict[str, str] = {
    "control_change": "marts.fct_control_changes",
    "casualty_claim": "marts.fct_casualty_claims",
    "displacement_figure": "marts.fct_displacement_figures",
    "equipment_loss": "marts.fct_equipment_losses",
}
# ArticleClaims attribute -> fact type
CLAIM_LISTS: dict[str, str] = {
    "control_changes": "control_change",
    "casualty_claims": "casualty_claim",
    "displacement_figures": "displacement_figure",
    "equipment_losses": "equipment_loss",
}
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class Article:
    """One article: the id its rows use, the names gold files may use, and its text."""

    article_id: str
    text: str
    published_at: date | None = None
    keys: tuple[str, ...] = ()  # besides article_id
    duplicate_of: str | None = None


@dataclass
class Corpus:
    """Articles by article_id and claim rows by fact type."""

    articles: dict[str, Article]
    rows: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in FACT_TYPES})

    def texts(self) -> dict[str, str]:
        return {a.article_id: a.text for a in self.articles.values()}

    def all_rows(self) -> list[Row]:
        return [row for fact_type in FACT_TYPES for row in self.rows.get(fact_type, [])]

    def rows_by_article(self) -> dict[str, dict[str, list[Row]]]:
        """article_id -> fact type -> rows (every article present, possibly with no rows)."""
        grouped: dict[str, dict[str, list[Row]]] = {
            article_id: {t: [] for t in FACT_TYPES} for article_id in self.articles
        }
        for fact_type in FACT_TYPES:
            for row in self.rows.get(fact_type, []):
                grouped.setdefault(row["article_id"], {t: [] for t in FACT_TYPES})[fact_type].append(row)
        return grouped

    def resolve_keys(self, keys: list[str]) -> dict[str, str]:
        """Gold key -> article_id, for the keys some article answers to.

        An article answers to its article_id and its ``keys``. When several do, the one that
        is not a duplicate wins; a duplicate is followed to its original when that exists.
        """
        by_key: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles.values():
            for name in {article.article_id, *article.keys}:
                by_key[name].append(article)
        resolved: dict[str, str] = {}
        for key in keys:
            candidates = sorted(by_key.get(key, []), key=lambda a: (a.duplicate_of is not None, a.article_id))
            if not candidates:
                continue
            chosen = candidates[0]
            if chosen.duplicate_of and chosen.duplicate_of in self.articles:
                chosen = self.articles[chosen.duplicate_of]
            resolved[key] = chosen.article_id
        return resolved


# ---------------------------------------------------------------- reading articles


def parse_fakes_date(value: str) -> date | None:
    """FA-KES ``date`` (M/D/YY, e.g. 4/5/17) as a date; None when blank or unreadable."""
    value = (value or "").strip()
    for pattern in ("%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _iso_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise EvaluationInputError(f"cannot read CSV {path}: {error}") from error


def load_fakes_articles(path: str | Path) -> list[Article]:
    """Articles of a FA-KES-style CSV (article_id = unit_id, text = article_content)."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationInputError(f"articles CSV not found: {path}")
    return load_articles(path)


def load_fakes_records(path: str | Path) -> list[FakesRecord]:
    """The labels FA-KES scoring needs (unit_id, nb_civilians, nb_noncivilians), one per CSV
    row: a few unit_ids have several rows, one per labelled event, each scored on its own."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationInputError(f"FA-KES CSV not found: {path}")
    rows = _read_csv(path)
    needed = {"unit_id", "nb_civilians", "nb_noncivilians"}
    if rows and not needed <= set(rows[0]):
        raise EvaluationInputError(f"{path}: a FA-KES CSV needs columns {sorted(needed)}")
    return [
        FakesRecord(str(row["unit_id"]).strip(), _int(row["nb_civilians"]), _int(row["nb_noncivilians"]))
        for row in rows
    ]


def _int(value: str | None) -> int:
    try:
        return int(float(value)) if value and value.strip() else 0
    except ValueError:
        return 0


def _inbox_records(path: Path) -> list[Any]:
    """Article records of an inbox folder, or of one file read as a one-file inbox, by the
    warehouse's own reader (``warehouse.inbox.read_inbox``): the same formats, metadata,
    manifest and text decoding as the warehouse, so direct scores match a built warehouse."""
    import tempfile

    from warehouse.inbox import read_inbox

    if path.is_dir():
        return list(read_inbox(path).records)
    import shutil

    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as folder:
        # a copy, not a link: the inbox reader refuses links that leave the inbox
        shutil.copyfile(path, Path(folder) / path.name)
        return list(read_inbox(Path(folder)).records)


def load_articles(path: str | Path) -> list[Article]:
    """The articles of an inbox folder or file (any format the warehouse reads: .txt, .md,
    .html, .json, .jsonl, .csv such as FA-KES's). An article is known by its external id (a
    FA-KES ``unit_id``) when it has one, else by its file name; the first record of a
    repeated id is kept (FA-KES repeats a unit labelled with several events)."""
    path = Path(path)
    if not path.exists():
        raise EvaluationInputError(f"articles not found: {path}")
    if path.is_file() and path.suffix.lower() == ".csv":
        header = _read_csv_header(path)
        if "unit_id" in header and "article_content" not in header and "text" not in header:
            raise EvaluationInputError(f"{path}: a FA-KES-style CSV needs columns unit_id and article_content")
    try:
        records = _inbox_records(path)
    except (OSError, ValueError) as error:
        raise EvaluationInputError(f"cannot read articles from {path}: {error}") from error
    articles: dict[str, Article] = {}
    for record in records:
        name = uri_basename(record.source_uri) or record.source_uri
        article_id = record.external_id or name
        if article_id not in articles:
            keys = (name,) if article_id != name else ()
            articles[article_id] = Article(article_id, record.text, record.published_at, keys)
    if not articles:
        raise EvaluationInputError(f"no readable articles in {path}")
    return list(articles.values())


def _read_csv_header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise EvaluationInputError(f"cannot read CSV {path}: {error}") from error


# ---------------------------------------------------------------- direct mode


def extract_corpus(articles: list[Article]) -> Corpus:
    """Run ``extractors.extract_article`` over the articles; rows as ``Claim.to_row()`` gives."""
    from extractors import extract_article  # imported here so --db mode never needs it

    corpus = Corpus({article.article_id: article for article in articles})
    for article in articles:
        claims = extract_article(article.text, article.article_id, article.published_at)
        for attribute, fact_type in CLAIM_LISTS.items():
            corpus.rows[fact_type].extend(claim.to_row() for claim in getattr(claims, attribute))
    return corpus


def load_direct(path: str | Path) -> Corpus:
    return extract_corpus(load_articles(path))


# ---------------------------------------------------------------- warehouse mode


def uri_basename(uri: str | None) -> str | None:
    """Last path component of a source_uri (file path or URL), or None."""
    if not uri:
        return None
    uri = re.sub(r"^[a-z]+://", "", uri.split("?")[0].split("#")[0])
    name = PurePosixPath(PureWindowsPath(uri).as_posix()).name
    return name or None


def _table_columns(connection: Any, qualified: str) -> list[str]:
    schema, table = qualified.split(".")
    found = connection.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
        "order by ordinal_position",
        [schema, table],
    ).fetchall()
    return [name for (name,) in found]


def _fetch_dicts(connection: Any, sql: str) -> list[Row]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def load_warehouse(db_path: str | Path) -> Corpus:
    """Articles and claim rows of a built warehouse (DuckDB file, opened read-only)."""
    import duckdb

    db_path = Path(db_path)
    if not db_path.is_file():
        raise EvaluationInputError(f"warehouse file not found: {db_path}")
    try:
        connection = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as error:
        raise EvaluationInputError(f"cannot open warehouse {db_path}: {error}") from error
    try:
        article_columns = _table_columns(connection, "marts.dim_articles")
        if not article_columns:
            raise EvaluationInputError(f"{db_path}: table marts.dim_articles is missing")
        needed = {"article_id", "source_uri", "text"}
        if not needed <= set(article_columns):
            raise EvaluationInputError(
                f"{db_path}: marts.dim_articles lacks columns {sorted(needed - set(article_columns))}"
            )
        optional = [c for c in ("external_id", "duplicate_of", "published_at") if c in article_columns]
        articles: dict[str, Article] = {}
        for row in _fetch_dicts(connection, f"select article_id, source_uri, text, {', '.join(['1 as _'] + optional)} "
                                            "from marts.dim_articles"):
            keys = tuple(str(k) for k in (uri_basename(row["source_uri"]), row.get("external_id")) if k)
            article_id = str(row["article_id"])
            articles[article_id] = Article(
                article_id, row["text"] or "", _iso_date(row.get("published_at")), keys,
                str(row["duplicate_of"]) if row.get("duplicate_of") else None,
            )
        corpus = Corpus(articles)
        for fact_type, table in FACT_TABLES.items():
            if not _table_columns(connection, table):
                raise EvaluationInputError(f"{db_path}: table {table} is missing")
            corpus.rows[fact_type] = _fetch_dicts(connection, f"select * from {table}")
        return corpus
    except duckdb.Error as error:
        raise EvaluationInputError(f"{db_path}: cannot read the warehouse: {error}") from error
    finally:
        connection.close()
