"""Writing query results: a pretty terminal table (rich), CSV, JSON or Parquet.

List columns stay lists where the format has them (Parquet, JSON) and are joined with
"; " where it has not (CSV, the terminal table). Dates and timestamps are ISO strings in
JSON.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

LIST_SEPARATOR = "; "


@dataclass
class Result:
    """A fetched query result: the Arrow table (types kept) and its rows as Python values."""

    table: pa.Table

    @classmethod
    def of(cls, relation: duckdb.DuckDBPyRelation) -> "Result":
        return cls(relation.to_arrow_table())

    @property
    def columns(self) -> list[str]:
        return list(self.table.column_names)

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.table.to_pylist()


def flat(value: Any) -> str:
    """One cell as text: lists joined with "; ", null as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(flat(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    return value


def write_csv(result: Result, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([flat(row[c]) for c in result.columns])


def write_json(result: Result, out: IO[str]) -> None:
    json.dump([{k: json_value(v) for k, v in row.items()} for row in result.rows], out,
              indent=2, ensure_ascii=False)
    out.write("\n")


def write_parquet(result: Result, path: str | Path) -> None:
    pq.write_table(result.table, str(path))


def print_table(result: Result, title: str | None = None, max_rows: int = 200,
                console: Console | None = None, max_width: int = 60) -> None:
    """The rows as a rich table; long cells are shortened to ``max_width`` characters."""
    console = console or Console()
    table = Table(title=title, show_lines=False, header_style="bold cyan")
    for column in result.columns:
        table.add_column(column, overflow="fold")
    rows = result.rows
    for row in rows[:max_rows]:
        cells = []
        for column in result.columns:
            text = flat(row[column]) if row[column] is not None else "null"
            cells.append(text if len(text) <= max_width else text[: max_width - 1] + "…")
        table.add_row(*cells)
    console.print(table)
    more = f", first {max_rows} shown" if len(rows) > max_rows else ""
    console.print(f"[dim]{len(rows)} row{'s' if len(rows) != 1 else ''}{more}[/dim]")


def emit(result: Result, fmt: str, out_path: str | None, title: str | None = None) -> str | None:
    """Write ``result`` as ``fmt`` (table, csv, json, parquet) to ``out_path`` or stdout.

    Returns the path written, if any. Parquet needs a path.
    """
    if fmt == "parquet":
        if not out_path:
            raise ValueError("--parquet needs a file path")
        write_parquet(result, out_path)
        return out_path
    if fmt == "table":
        print_table(result, title=title)
        return None
    writer = write_csv if fmt == "csv" else write_json
    if out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as handle:
            writer(result, handle)
        return out_path
    writer(result, sys.stdout)
    return None
