"""What the analyst commands share: the ``--db`` option and naming a public table."""
from __future__ import annotations

import argparse
import re

import duckdb

from ..reading import open_published


class CommandError(Exception):
    """Bad input to a command: printed as one line, exit code 2."""


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH",
                        help="warehouse file (default: the published warehouse, SITREP_DB)")


def open_for(args: argparse.Namespace):
    """``with open_for(args) as conn:`` the published warehouse, read-only (``--db`` overrides
    SITREP_DB; ``--as-of`` where a command has it)."""
    return open_published(getattr(args, "db", None), as_of=getattr(args, "as_of", None))


def public_table(conn: duckdb.DuckDBPyConnection, name: str) -> str:
    """``name`` ("territorial_control" or "marts.territorial_control") as a quoted
    schema.table that exists; anything else is a CommandError listing what does."""
    schema, _, table = name.rpartition(".")
    schema = schema or "marts"
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", table) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", schema):
        raise CommandError(f"'{name}' is not a table name")
    found = conn.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table]).fetchone()[0]
    if not found:
        names = [r[0] for r in conn.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        raise CommandError(f"no table {schema}.{table}; the public tables are: {', '.join(names)}")
    return f'"{schema}"."{table}"'
