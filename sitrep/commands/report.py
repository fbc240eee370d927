"""``sitrep report --out PATH``: the self-contained HTML report (see :mod:`report`)."""
from __future__ import annotations

import argparse
import sys

from .common import add_db_option, open_for


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "report", help="write the self-contained HTML report (map, timeline, casualties, equipment, displacement)",
        description="Write one HTML file that opens offline: scripts and map data inlined, every row "
                    "linked to its evidence sentence in the article text.")
    parser.add_argument("--out", metavar="PATH", default="sitrep-report.html", help="default: sitrep-report.html")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from report.build import write_report

    with open_for(args) as conn:
        summary = write_report(conn, args.out)
    print(f"wrote {args.out} ({summary})", file=sys.stderr)
    return 0
