"""``sitrep search "WORDS"``: full-text search (DuckDB fts, BM25) over article texts and
claim evidence.

The index is built in memory on each call from the published warehouse (which stays
read-only); the fts extension is loaded offline from the duckdb-extension-fts package.
"""
from __future__ import annotations

import argparse
import re

import duckdb
from rich.console import Console
from rich.table import Table

from ..extensions import load_extension
from .common import CommandError, add_db_option, open_for

DOCUMENTS_SQL = """
    select 'article:' || article_id as doc_id, 'article' as kind, article_id,
           coalesce(title, '') as title, coalesce(outlet, '') as outlet, published_at, text as body
    from marts.dim_articles
    union all
    select 'claim:' || claim_id, fact_type, article_id, summary, coalesce(outlet, ''), published_at,
           evidence_text
    from marts.claims_with_sources
"""


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "search", help="full-text search over articles and claim evidence",
        description="BM25 full-text search (DuckDB fts) over article texts and the evidence "
                    "sentences of claims. English stemming: 'captured' finds 'capture'.")
    parser.add_argument("words", help='what to look for, e.g. "Hama withdrawal"')
    parser.add_argument("--limit", type=int, default=10, help="at most this many hits (default 10)")
    parser.add_argument("--kind", choices=["article", "claim"], help="only articles, or only claim evidence")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def build_index(source: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the documents and their fts index."""
    documents = source.sql(DOCUMENTS_SQL).to_arrow_table()  # noqa: F841 (read by DuckDB below)
    index = duckdb.connect()
    load_extension(index, "fts")
    index.execute("create table docs as select * from documents")
    index.execute("pragma create_fts_index('docs', 'doc_id', 'title', 'body', stemmer = 'porter', "
                  "stopwords = 'english', overwrite = 1)")
    return index


def snippet(body: str, words: list[str], width: int = 200) -> str:
    """The part of ``body`` around the first query word (prefix match), about ``width`` long."""
    found = [m.start() for w in words if (m := re.search(re.escape(w[:5]), body, re.IGNORECASE))]
    start = max(0, min(found) - width // 3) if found else 0
    text = body[start:start + width].replace("\n", " ")
    return ("…" if start else "") + text + ("…" if start + width < len(body) else "")


def run(args: argparse.Namespace) -> int:
    words = [w for w in re.findall(r"\w[\w'-]*", args.words)]
    if not words:
        raise CommandError("give at least one word to search for")
    with open_for(args) as conn:
        index = build_index(conn)
    kind_filter = {"article": "and kind = 'article'", "claim": "and kind <> 'article'"}.get(args.kind, "")
    hits = index.execute(
        f"select * from (select *, fts_main_docs.match_bm25(doc_id, ?) as score from docs) "
        f"where score is not null {kind_filter} order by score desc limit ?",
        [args.words, args.limit]).fetchall()
    console = Console()
    if not hits:
        console.print(f"no article or evidence matches {args.words!r}")
        return 0
    table = Table(title=f"Search: {args.words}", header_style="bold cyan", show_lines=True)
    for column in ("score", "kind", "article", "outlet / date", "match"):
        table.add_column(column, overflow="fold")
    for doc_id, kind, article_id, title, outlet, published_at, body, score in hits:
        text = snippet(body, words) if kind == "article" else f"{title}\n{body}"
        if kind == "article" and title:
            text = f"{title}\n{text}"
        cell = console.render_str(text, markup=False)
        cell.highlight_words(words, style="bold yellow", case_sensitive=False)
        table.add_row(f"{score:.2f}", kind, article_id, f"{outlet}\n{published_at or ''}", cell)
    console.print(table)
    return 0
