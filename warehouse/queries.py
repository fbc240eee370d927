"""Small query helpers for summaries: row counts and Markdown previews."""
from __future__ import annotations

import duckdb
import polars as pl

MART_TABLES = (
    "marts.fct_control_changes", "marts.fct_casualty_claims", "marts.fct_displacement_figures",
    "marts.fct_equipment_losses", "marts.dim_articles", "marts.quarantine",
)


def row_count(conn: duckdb.DuckDBPyConnection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def frame_markdown(frame: pl.DataFrame, max_width: int = 60) -> str:
    """A Polars frame as a Markdown table, long strings cut to ``max_width`` characters."""
    as_text = [
        pl.col(c).list.eval(pl.element().cast(pl.String)).list.join(", ")
        if isinstance(dtype, pl.List) else pl.col(c).cast(pl.String)
        for c, dtype in frame.schema.items()
    ]
    shown = frame.with_columns(e.str.slice(0, max_width) for e in as_text)
    with pl.Config(tbl_formatting="ASCII_MARKDOWN", tbl_hide_column_data_types=True, tbl_width_chars=4000,
                   tbl_hide_dataframe_shape=True, tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=max_width):
        return str(shown)


def preview_markdown(conn: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The result of ``sql`` as a Markdown table (for Dagster metadata)."""
    return frame_markdown(conn.sql(sql).pl())
