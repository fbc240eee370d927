"""``sitrep place NAME``: a place's timeline of control, casualty and displacement claims,
each with its claimant and outlet, and who holds the place now."""
from __future__ import annotations

import argparse

from rich.console import Console

from ..output import Result, print_table
from .common import CommandError, add_db_option, open_for

FACT_TYPES = ("control_change", "casualty_claim", "displacement_figure")

TIMELINE_SQL = """
    with wanted as (
        select distinct place_id from marts.claims_with_sources
        where lower(place_name) = lower($name) and place_id is not null
    )
    select
        coalesce(cast(date_start as varchar), 'reported ' || cast(published_at as varchar), 'undated') as "when",
        fact_type as fact, summary,
        coalesce(claimant, '-') || coalesce(' via ' || via, '') as claimant,
        coalesce(outlet, '-') as outlet, left(claim_id, 10) as claim
    from marts.claims_with_sources
    where fact_type in {fact_types}
      and (lower(place_name) = lower($name) or place_id = $name
           or place_id in (select place_id from wanted))
    order by coalesce(date_start, published_at) nulls last, fact_type, claim_id
"""


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "place", help="a place's timeline of claims, with claimant and outlet",
        description="Control, casualty and displacement claims about one place (name as written or "
                    "gazetteer id), oldest first, and its current controller.")
    parser.add_argument("name", help='place name, e.g. "Hama", or a gazetteer id')
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    with open_for(args) as conn:
        sql = TIMELINE_SQL.format(fact_types=FACT_TYPES)
        result = Result.of(conn.sql(sql, params={"name": args.name}))
        if not len(result.table):
            like = conn.execute(
                "select distinct place_name from marts.claims_with_sources "
                "where place_name ilike '%' || ? || '%' order by 1 limit 10", [args.name]).fetchall()
            hint = f"; places with that in their name: {', '.join(r[0] for r in like)}" if like else ""
            raise CommandError(f"no claims about '{args.name}'{hint}")
        control = conn.execute(
            "select place_name, controller, controlled_since, previous_controller, n_articles "
            "from marts.territorial_control where lower(place_name) = lower(?) "
            "or place_id in (select place_id from marts.claims_with_sources where lower(place_name) = lower(?)) "
            "order by n_articles desc limit 1", [args.name, args.name]).fetchone()
    if control:
        name, controller, since, previous, n_articles = control
        console.print(f"[bold]{name}[/bold]: held by [bold magenta]{controller}[/bold magenta] since "
                      f"{since or 'an unknown date'} (before: {previous or 'unknown'}; {n_articles} article(s))")
    print_table(result, title=f"Claims about {args.name}", console=console, max_width=70)
    return 0
