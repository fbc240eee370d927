"""Print what the warehouse holds: row counts per mart and two example analyst queries.

``python -m warehouse.summary`` (reads ``SITREP_DB``; opens the file read-only).
"""
from __future__ import annotations

import sys

import duckdb

from .db import db_path
from .queries import MART_TABLES, frame_markdown, row_count

EXAMPLE_QUERIES = {
    "Who took which place, when, by whose account": """
        SELECT place_name, new_controller, change_type, date_start, claimant
        FROM marts.fct_control_changes
        ORDER BY date_start NULLS LAST, place_name
        LIMIT 8""",
    "Casualty tolls with their qualifier and claimant": """
        SELECT victim_actor, outcome, count_low, count_best, qualifier, claimant, period_start
        FROM marts.fct_casualty_claims
        ORDER BY count_low DESC NULLS LAST
        LIMIT 8""",
}


def main() -> int:
    path = db_path()
    if not path.exists():
        print(f"error: no warehouse at {path}; run scripts/setup.sh first", file=sys.stderr)
        return 1
    with duckdb.connect(str(path), read_only=True) as conn:
        print(f"\nWarehouse {path}\n\nRows per mart:")
        for table in MART_TABLES:
            print(f"  {table:<36} {row_count(conn, table):>6}")
        for title, sql in EXAMPLE_QUERIES.items():
            print(f"\n-- {title}\n{sql.strip()};\n")
            print(frame_markdown(conn.sql(sql).pl(), max_width=40))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
