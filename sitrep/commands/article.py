"""``sitrep article ID``: an article's text with each claim's evidence highlighted (rich),
numbered, and the claims listed below with their claimant."""
from __future__ import annotations

import argparse
from collections import defaultdict

from rich.console import Console
from rich.text import Text

from ..output import Result, print_table
from .common import CommandError, add_db_option, open_for

STYLES = {
    "control_change": "bold black on magenta",
    "casualty_claim": "bold black on red",
    "displacement_figure": "bold black on yellow",
    "equipment_loss": "bold black on cyan",
}


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "article", help="an article's text with each claim's evidence highlighted",
        description="Print one article (id or a unique prefix of it) with the evidence of every "
                    "claim read from it highlighted, colour by fact type, and the claims below.")
    parser.add_argument("article_id", help="article id (a unique prefix is enough)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def find_article(conn, prefix: str) -> tuple:
    rows = conn.execute(
        "select article_id, title, outlet, published_at, url, source_uri, text from marts.dim_articles "
        "where article_id like ? || '%' order by article_id", [prefix]).fetchall()
    if not rows:
        raise CommandError(f"no article with id {prefix!r} (list them: sitrep query "
                           f"\"select article_id, title, outlet from marts.dim_articles\")")
    if len(rows) > 1:
        raise CommandError(f"{prefix!r} matches {len(rows)} articles: {', '.join(r[0] for r in rows)}")
    return rows[0]


def highlighted(text: str, claims: list[dict]) -> Text:
    """The text with each claim's evidence span styled and a [n] marker after it."""
    out = Text(text)
    markers: dict[int, list[str]] = defaultdict(list)
    for number, claim in enumerate(claims, 1):
        out.stylize(STYLES.get(claim["fact"], "reverse"), claim["evidence_start"], claim["evidence_end"])
        markers[claim["evidence_end"]].append(str(number))
    # insert markers from the end so earlier offsets stay valid
    for end in sorted(markers, reverse=True):
        head, tail = out[:end], out[end:]
        out = Text.assemble(head, (f"[{','.join(markers[end])}]", "bold"), tail)
    return out


def run(args: argparse.Namespace) -> int:
    console = Console()
    with open_for(args) as conn:
        article_id, title, outlet, published_at, url, source_uri, text = find_article(conn, args.article_id)
        result = Result.of(conn.sql(
            "select fact_type as fact, summary, coalesce(claimant, '-') || coalesce(' via ' || via, '') as claimant, "
            "evidence_start, evidence_end, claim_id from marts.claims_with_sources "
            "where article_id = $id order by evidence_start, fact_type, claim_id", params={"id": article_id}))
    console.print(f"[bold]{title or '(no title)'}[/bold]")
    console.print(f"{outlet or 'unknown outlet'} · {published_at or 'date unknown'} · {url or source_uri or ''}")
    console.print(f"[dim]article {article_id}[/dim]\n")
    console.print(highlighted(text, result.rows))
    console.print()
    legend = Text.assemble(*[(f" {fact} ", style) for fact, style in STYLES.items()], " ")
    console.print(legend)
    table = Result(result.table.add_column(0, "#", [list(range(1, len(result.table) + 1))]))
    print_table(table, title="Claims read from this article", console=console, max_width=70)
    return 0
