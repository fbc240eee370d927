"""Row counts and previews of the marts in the Dagster UI.

The dbt asset streams one event per model; the marts' events are held until dbt has
finished (dbt holds the warehouse file while it runs), then each gets
``dagster/row_count`` and a Markdown ``preview`` of its most useful rows, read from the
warehouse read-only. One hook in the dbt asset::

    yield from with_mart_previews(context, dbt.cli(["build"], context=context).stream(), database)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import dagster as dg
import duckdb

PREVIEW_ROWS = 10
CELL_CHARS = 160

# The rows an analyst looks at first, per mart; other tables show their first columns.
EVIDENCE = "left join marts.dim_articles as a using (article_id)"
PREVIEWS = {
    "territorial_control": "select place_name, controller, controlled_since, previous_controller, change_type, "
                           "n_articles from marts.territorial_control order by n_articles desc, place_name",
    "territorial_control_history": "select place_name, event_date, controller_before, controller_after, change_type, "
                                   "n_articles from marts.territorial_control_history order by place_name, event_seq",
    "control_events": "select place_name, new_controller, change_type, date_start, date_end, n_articles, claimants "
                      "from marts.control_events order by n_articles desc, place_name",
    "casualty_estimates": "select victim_actor, outcome, period_start, count_low, count_best, count_high, disputed, "
                          "claimants from marts.casualty_estimates order by count_low desc nulls last",
    "equipment_loss_summary": "select owner_actor, category, model, status, n_losses, n_articles "
                              "from marts.equipment_loss_summary order by owner_actor, category, model",
    "displacement_latest": "select population, place_name, count_best, as_of_date, claimant, projected_count_best, "
                           "projection_claimant from marts.displacement_latest order by population, place_name",
    "claims_with_sources": "select fact_type, summary, claimant, via, outlet, title, published_at, evidence_text "
                           "from marts.claims_with_sources order by published_at desc nulls last, fact_type",
    "fct_control_changes": f"select f.place_name, f.new_controller, f.change_type, f.date_start, f.claimant, a.outlet, "
                           f"a.title, f.evidence_text from marts.fct_control_changes as f {EVIDENCE} "
                           f"order by f.date_start desc nulls last",
    "fct_casualty_claims": f"select f.victim_actor, f.outcome, f.count_low, f.count_best, f.claimant, a.outlet, "
                           f"a.title, f.evidence_text from marts.fct_casualty_claims as f {EVIDENCE} "
                           f"order by f.count_low desc nulls last",
    "fct_displacement_figures": f"select f.population, f.count_best, f.is_projection, f.claimant, a.outlet, a.title, "
                                f"f.evidence_text from marts.fct_displacement_figures as f {EVIDENCE} "
                                f"order by f.count_best desc nulls last",
    "fct_equipment_losses": f"select f.owner_actor, f.model, f.category, f.status, f.quantity, a.outlet, a.title, "
                            f"f.evidence_text from marts.fct_equipment_losses as f {EVIDENCE} "
                            f"order by f.owner_actor, f.category",
    "dim_articles": "select article_id, title, outlet, published_at, url, n_chars from marts.dim_articles "
                    "order by published_at desc nulls last",
    "quarantine": "select source_uri, reason, detail from marts.quarantine order by seen_at desc",
}


def markdown(columns: list[str], rows: list[tuple]) -> str:
    def text(value: Any) -> str:
        if value is None:
            return "null"
        if isinstance(value, (list, tuple)):
            value = "; ".join(str(v) for v in value)
        value = str(value).replace("|", "\\|").replace("\n", " ")
        return value if len(value) <= CELL_CHARS else value[: CELL_CHARS - 1] + "…"

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(text(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def mart_metadata(conn: duckdb.DuckDBPyConnection, table: str) -> dict[str, Any]:
    """``dagster/row_count`` and a Markdown preview of ``marts.<table>``."""
    count = conn.execute(f'select count(*) from marts."{table}"').fetchone()[0]
    sql = PREVIEWS.get(table, f'select * from marts."{table}"')
    relation = conn.sql(f"select * from ({sql}) limit {PREVIEW_ROWS}")
    preview = markdown(relation.columns, relation.fetchall())
    return {"dagster/row_count": dg.MetadataValue.int(count),
            "preview": dg.MetadataValue.md(f"{count} rows; the first {min(count, PREVIEW_ROWS)}:\n\n{preview}")}


def mart_name(context: dg.AssetExecutionContext, event: Any) -> str | None:
    """The mart table an event is about (asset key ``marts/<table>``), else None."""
    if isinstance(event, dg.Output):
        key = context.asset_key_for_output(event.output_name)
    elif isinstance(event, (dg.AssetMaterialization, dg.MaterializeResult)):
        key = event.asset_key
    else:
        return None
    path = key.path if key else []
    return path[1] if len(path) == 2 and path[0] == "marts" else None


def enrich(context: dg.AssetExecutionContext, events: list[Any], database: str) -> list[Any]:
    try:
        conn = duckdb.connect(database, read_only=True)
    except duckdb.Error as error:
        context.log.warning(f"mart previews skipped: cannot open {database} read-only ({error})")
        return events
    out = []
    try:
        for event in events:
            table = mart_name(context, event)
            if table is not None and hasattr(event, "with_metadata"):
                try:
                    event = event.with_metadata({**(event.metadata or {}), **mart_metadata(conn, table)})
                except duckdb.Error as error:
                    context.log.warning(f"no preview for marts.{table}: {error}")
            out.append(event)
    finally:
        conn.close()
    return out


def with_mart_previews(context: dg.AssetExecutionContext, events: Iterable[Any], database: str) -> Iterator[Any]:
    """The dbt events, the marts' ones with row count and preview added once dbt is done.

    If dbt fails, what it reported so far is still yielded before the error."""
    held: list[Any] = []
    try:
        for event in events:
            held.append(event)
    except BaseException:
        yield from held
        raise
    yield from enrich(context, held, database)
