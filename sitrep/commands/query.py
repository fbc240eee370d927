"""``sitrep query "SQL"``: run one read-only SQL query on the published warehouse.

Prints a table (rich) by default; ``--csv`` / ``--json`` to stdout (or ``--out``),
``--parquet PATH`` to a file. Only reading statements are accepted (SELECT, WITH,
DESCRIBE, SHOW, EXPLAIN, SUMMARIZE, PRAGMA table_info...); the connection is read-only
and has no access to other files either.
"""
from __future__ import annotations

import argparse

import duckdb

from warehouse.storage import backend_name

from ..output import Result, emit
from .common import CommandError, add_db_option, open_for

READING = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.PRAGMA}


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "query", help="run a read-only SQL query on the warehouse",
        description="Run one read-only SQL query on the published warehouse. Tables are in schema "
                    "marts (e.g. marts.claims_with_sources, marts.territorial_control).")
    parser.add_argument("sql", help='the query, e.g. "select * from marts.territorial_control"')
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--csv", dest="fmt", action="store_const", const="csv", help="CSV (lists joined with '; ')")
    fmt.add_argument("--json", dest="fmt", action="store_const", const="json", help="JSON array of objects (lists as arrays)")
    fmt.add_argument("--parquet", metavar="PATH", help="write a Parquet file (lists as lists)")
    parser.add_argument("--out", metavar="PATH", help="with --csv/--json: write to this file instead of stdout")
    parser.add_argument("--as-of", metavar="TIMESTAMP",
                        help="answer from the warehouse as it was published at that time (ISO, UTC unless "
                             "a zone is given, e.g. 2026-12-01T18:00); needs SITREP_WAREHOUSE=ducklake")
    add_db_option(parser)
    parser.set_defaults(handler=run, fmt="table")


def reading_statement(conn: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The one statement of ``sql``, if it only reads; CommandError otherwise."""
    try:
        statements = conn.extract_statements(sql)
    except duckdb.Error as error:
        raise CommandError(f"the SQL does not parse: {error}") from None
    if len(statements) != 1:
        raise CommandError(f"give exactly one statement (got {len(statements)})")
    kind = statements[0].type
    if kind not in READING:
        raise CommandError(f"only reading statements are allowed (this one is {kind.name})")
    return sql


def run(args: argparse.Namespace) -> int:
    with open_for(args) as conn:
        sql = reading_statement(conn, args.sql)
        if backend_name() == "duckdb":  # one file: nothing else to read (a lake reads its data files)
            conn.execute("SET enable_external_access = false")
        try:
            result = Result.of(conn.sql(sql))
        except duckdb.Error as error:
            raise CommandError(str(error).splitlines()[0]) from None
    fmt = "parquet" if args.parquet else args.fmt
    written = emit(result, fmt, args.parquet or args.out)
    if written:
        print(f"wrote {len(result.table)} rows to {written}")
    return 0
