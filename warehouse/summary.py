"""Print what the warehouse holds: row counts per mart and two example analyst queries.

``python -m warehouse.summary`` (reads ``SITREP_DB``; opens the file read-only);
``--reconciled`` prints analyst queries over the reconciled views instead.
"""
from __future__ import annotations

import sys

import duckdb

from .storage import get_store
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

RECONCILED_QUERIES = {
    "One row per real-world change of control, with the reports behind it": """
        SELECT place_name, new_controller, change_type, date_start, date_end,
               n_articles, n_claimants, claimants
        FROM marts.control_events
        ORDER BY n_articles DESC, n_claims DESC, place_name
        LIMIT 6""",
    "Who holds each place now, and since when": """
        SELECT place_name, controller, previous_controller, controlled_since, n_events, n_articles
        FROM marts.territorial_control
        ORDER BY n_articles DESC, place_name
        LIMIT 6""",
    "Casualty figures per victim group and period, across claimants": """
        SELECT victim_actor, outcome, period_start, count_low, count_best, count_high,
               n_claimants, claimants, disputed
        FROM marts.casualty_estimates
        ORDER BY outcome, count_low DESC NULLS LAST
        LIMIT 8""",
    "Equipment losses, Oryx style": """
        SELECT owner_actor, category, model, status, n_specified, n_unspecified_at_least_1, n_articles
        FROM marts.equipment_loss_summary
        ORDER BY owner_actor, category, model, status
        LIMIT 10""",
}


def print_queries(conn: duckdb.DuckDBPyConnection, queries: dict[str, str]) -> None:
    for title, sql in queries.items():
        print(f"\n-- {title}\n{sql.strip()};\n")
        print(frame_markdown(conn.sql(sql).pl(), max_width=40))


def main(argv: list[str] | None = None) -> int:
    reconciled = "--reconciled" in (sys.argv[1:] if argv is None else argv)
    store = get_store()
    path = store.location
    if not store.exists():
        print(f"error: no warehouse at {path}; run scripts/setup.sh first", file=sys.stderr)
        return 1
    with store.reader() as conn:
        if reconciled:
            print_queries(conn, RECONCILED_QUERIES)
            return 0
        print(f"\nWarehouse {path}\n\nRows per mart:")
        for table in MART_TABLES:
            print(f"  {table:<36} {row_count(conn, table):>6}")
        print_queries(conn, EXAMPLE_QUERIES)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
