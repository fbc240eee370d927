"""What the report shows, read from the published warehouse as lists of dicts."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

# territorial_control columns another helper adds; read when present
OPTIONAL_PLACE_COLUMNS = ("geo_precision", "admin1", "place_type")


def rows(conn: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    return conn.sql(sql).to_arrow_table().to_pylist()


def columns(conn: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in conn.execute(
        "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ?",
        [table]).fetchall()}


@dataclass
class ReportData:
    places: list[dict[str, Any]]
    control_events: list[dict[str, Any]]
    casualty_estimates: list[dict[str, Any]]
    casualty_claims: list[dict[str, Any]]
    equipment: list[dict[str, Any]]
    displacement: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    counts: dict[str, int] = field(default_factory=dict)


def load(conn: duckdb.DuckDBPyConnection) -> ReportData:
    optional = [c for c in OPTIONAL_PLACE_COLUMNS if c in columns(conn, "territorial_control")]
    extra = "".join(f", {c}" for c in optional)
    places = rows(conn, f"""
        select place_name, place_id, latitude, longitude, controller, previous_controller,
               controlled_since, since_is_report_date, change_type, n_articles, event_id{extra}
        from marts.territorial_control order by n_articles desc, place_name""")
    control_events = rows(conn, """
        select event_id, place_name, new_controller, previous_controller, change_type,
               date_start, date_end, n_claims, n_articles, n_claimants, claimants, claim_ids,
               first_reported, last_reported
        from marts.control_events
        order by coalesce(date_start, first_reported) nulls last, place_name""")
    casualty_estimates = rows(conn, """
        select estimate_id, victim_actor, victim_type, outcome, period_basis, period_start, period_end,
               count_low, count_best, count_high, disputed, n_claims, n_claimants, claimants, claim_ids
        from marts.casualty_estimates
        order by outcome, count_low desc nulls last""")
    casualty_claims = rows(conn, """
        select estimates.estimate_id, claims.claim_id, coalesce(claims.claimant, '(unattributed)') as claimant,
               claims.via, claims.count_low, claims.count_best, claims.count_high, claims.qualifier,
               claims.outlet, claims.published_at
        from marts.casualty_estimates as estimates,
             unnest(estimates.claim_ids) as ids(claim_id)
        join marts.claims_with_sources as claims on claims.claim_id = ids.claim_id""")
    equipment = rows(conn, """
        select owner_actor, category, model, status, n_specified, n_unspecified_at_least_1,
               n_at_least, n_losses, n_articles, captor_actors, claim_ids
        from marts.equipment_loss_summary order by owner_actor, category, model nulls last, status""")
    displacement = rows(conn, """
        select population, place_name, count_low, count_best, count_high, qualifier, as_of_date,
               claimant, claim_id, projected_count_low, projected_count_best, projected_count_high,
               projected_qualifier, projection_as_of_date, projection_claimant, projection_claim_id
        from marts.displacement_latest order by population, place_name""")
    claims = rows(conn, """
        select claim_id, fact_type, article_id, outlet, title, url, published_at, claimant, via,
               summary, date_start, date_end, place_name, evidence_text, evidence_start, evidence_end,
               is_syndicated_copy
        from marts.claims_with_sources
        order by coalesce(date_start, published_at) nulls last, fact_type, claim_id""")
    articles = rows(conn, """
        select article_id, title, outlet, published_at, url, source_uri, text from marts.dim_articles
        where article_id in (select article_id from marts.claims_with_sources)""")
    counts = dict(conn.execute(
        "select fact_type, count(*) from marts.claims_with_sources group by 1").fetchall())
    counts["articles"] = conn.execute("select count(*) from marts.dim_articles").fetchone()[0]
    return ReportData(places, control_events, casualty_estimates, casualty_claims, equipment,
                      displacement, claims, articles, counts)
