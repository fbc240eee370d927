"""``sitrep export VIEW --format csv|parquet|geojson``: one public table to a file.

CSV joins list columns with "; "; Parquet keeps them as lists; GeoJSON (through DuckDB's
spatial extension, loaded offline from its package) writes one Point feature per row with
coordinates, lists as JSON arrays, and says how many rows had none.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from ..extensions import load_extension
from ..output import Result, write_csv, write_parquet
from .common import CommandError, add_db_option, open_for, public_table

FORMATS = ("csv", "parquet", "geojson")


def register(subcommands) -> None:
    parser = subcommands.add_parser(
        "export", help="export a public table as CSV, Parquet or GeoJSON",
        description="Export one table of schema marts (e.g. territorial_control, claims_with_sources).")
    parser.add_argument("view", help="table name, e.g. territorial_control (schema marts by default)")
    parser.add_argument("--format", choices=FORMATS, default="csv")
    parser.add_argument("--out", metavar="PATH",
                        help="file to write (default: <view>.<format> here; '-' for stdout with csv/geojson)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def columns_of(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in conn.execute(f"describe {table}").fetchall()]


def export_geojson(conn: duckdb.DuckDBPyConnection, table: str, out: str) -> tuple[int, int]:
    """Rows with latitude/longitude as GeoJSON Points; returns (written, without coordinates)."""
    columns = columns_of(conn, table)
    if not {"latitude", "longitude"} <= set(columns):
        raise CommandError(f"{table} has no latitude/longitude columns; GeoJSON needs them")
    load_extension(conn, "spatial")
    located = "latitude is not null and longitude is not null"
    written, missing = conn.execute(
        f"select count(*) filter ({located}), count(*) filter (not ({located})) from {table}").fetchone()
    target = "/dev/stdout" if out == "-" else out
    conn.execute(
        f"COPY (SELECT *, ST_Point(longitude, latitude) AS geom FROM {table} WHERE {located}) "
        f"TO '{target}' WITH (FORMAT GDAL, DRIVER 'GeoJSON', LAYER_CREATION_OPTIONS 'WRITE_NAME=NO')")
    return written, missing


def run(args: argparse.Namespace) -> int:
    with open_for(args) as conn:
        table = public_table(conn, args.view)
        name = args.view.rpartition(".")[2]
        out = args.out or f"{name}.{args.format}"
        if "'" in out:
            raise CommandError("the output path may not contain a quote")
        if args.format == "geojson":
            written, missing = export_geojson(conn, table, out)
            note = f" ({missing} rows without coordinates left out)" if missing else ""
            print(f"wrote {written} features to {out}{note}", file=sys.stderr)
            return 0
        result = Result.of(conn.sql(f"select * from {table}"))
    if args.format == "parquet":
        write_parquet(result, out)
    elif out == "-":
        write_csv(result, sys.stdout)
    else:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            write_csv(result, handle)
    print(f"wrote {len(result.table)} rows to {Path(out) if out != '-' else 'stdout'}", file=sys.stderr)
    return 0
