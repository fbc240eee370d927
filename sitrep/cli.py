"""The ``sitrep`` command: a thin dispatcher. Each subcommand lives in its own module
under :mod:`sitrep.commands` (query, export, place, article, search, report, eval).

Exit codes: 0 done; 2 bad input (a one-line message, no traceback); 3 the warehouse is
busy (a refresh holds it: the message says when to retry).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import duckdb

from evaluation import EvaluationInputError

from .commands import MODULES
from .commands.common import CommandError
from .extensions import ExtensionMissing
from .reading import WarehouseUnavailable

EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitrep", description="Sitrep: conflict-news claims warehouse tools.")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    subcommands.required = True
    for module in MODULES:
        module.register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except WarehouseUnavailable as error:
        print(f"sitrep {args.command}: {error}", file=sys.stderr)
        return error.exit_code
    except (EvaluationInputError, CommandError, ExtensionMissing) as error:
        print(f"sitrep {args.command}: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except duckdb.CatalogException as error:
        print(f"sitrep {args.command}: error: {str(error).splitlines()[0]} "
              f"(is the warehouse built with the current dbt models?)", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
