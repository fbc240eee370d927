"""Asset checks for what dbt cannot see. Blocking checks stop downstream assets (the dbt
marts) when bad data would mislead; the unresolved-share check only warns.

The rules themselves are SQL in ``warehouse/quality.py``; here they become check results
with the failing rows shown in the UI.
"""

import os
from collections.abc import Iterator

import dagster as dg

from warehouse import quality, refresh_scope
from warehouse.loading import CLAIM_TABLES
from warehouse.queries import frame_markdown

from .assets.extraction import CLAIM_KEYS
from .resources import DUCKDB_POOL, WarehouseResource

CONTROL_EVENTS = dg.AssetKey(["marts", "control_events"])
COUNTED = {"casualty_claims", "displacement_figures"}


def unresolved_warn_share() -> float:
    """Share of articles with unresolved places or dates above which we warn (``SITREP_UNRESOLVED_WARN_SHARE``)."""
    return float(os.environ.get("SITREP_UNRESOLVED_WARN_SHARE", "0.6"))


def unresolved_min_articles() -> int:
    """Fewer articles with claims than this (``SITREP_UNRESOLVED_MIN_ARTICLES``) is too small a
    sample for a share to mean anything: the check then passes and says so."""
    return int(os.environ.get("SITREP_UNRESOLVED_MIN_ARTICLES", "5"))


def _claim_check_specs() -> list[dg.AssetCheckSpec]:
    specs = []
    for name, key in CLAIM_KEYS.items():
        specs += [
            dg.AssetCheckSpec("evidence_offsets_match", asset=key, blocking=True,
                              description="article text[evidence_start:evidence_end] = evidence_text"),
            dg.AssetCheckSpec("claims_have_article", asset=key, blocking=True,
                              description="every claim's article_id is a stored article"),
            dg.AssetCheckSpec("counts_ordered_non_negative", asset=key, blocking=True,
                              description="0 <= count_low <= count_best <= count_high; quantities >= 0"),
            dg.AssetCheckSpec("not_after_publication", asset=key, blocking=True,
                              description="no claim is dated after its article's published_at"),
            dg.AssetCheckSpec("unresolved_share", asset=key, blocking=False,
                              description="warns when too many articles have unresolved places or dates"),
        ]
    return specs


def rule_result(asset_key: dg.AssetKey, check_name: str, result: quality.RuleResult) -> dg.AssetCheckResult:
    """A blocking check result with the failing rows as a Markdown table."""
    metadata: dict[str, object] = {"failing_rows": result.failing, "rows_checked": result.checked}
    if result.examples:
        import polars as pl

        metadata["examples"] = dg.MetadataValue.md(frame_markdown(pl.DataFrame(result.examples)))
    return dg.AssetCheckResult(
        asset_key=asset_key, check_name=check_name, passed=result.passed,
        severity=dg.AssetCheckSeverity.ERROR, metadata=metadata,
        description=None if result.passed else f"{result.failing} of {result.checked} rows break the rule",
    )


def rows_to_check(conn, table: str) -> str:
    """The claims a refresh checks row by row: those of the articles it changed
    (``raw.refresh_scope``, warehouse/refresh_scope.py); the others passed these checks in the
    refresh that wrote them and are unchanged. Without a scope (a warehouse built by hand):
    every row."""
    if refresh_scope.scope_exists(conn):
        return f"(SELECT * FROM {table} WHERE {refresh_scope.FILTER})"
    return table


def claim_table_results(conn, name: str, key: dg.AssetKey) -> Iterator[dg.AssetCheckResult]:
    table = CLAIM_TABLES[name]
    rows = rows_to_check(conn, table)
    yield rule_result(key, "evidence_offsets_match", quality.evidence_offsets_match(conn, rows))
    yield rule_result(key, "claims_have_article", quality.claims_have_article(conn, rows))
    ordered = (quality.counts_ordered(conn, rows) if name in COUNTED
               else quality.quantities_non_negative(conn, rows) if name == "equipment_losses"
               else quality.RuleResult(0, 0))
    yield rule_result(key, "counts_ordered_non_negative", ordered)
    yield rule_result(key, "not_after_publication", quality.not_after_publication(conn, rows))
    place_share, date_share, n_articles = quality.unresolved_share(conn, table)  # a share of the whole corpus
    limit = unresolved_warn_share()
    enough = n_articles >= unresolved_min_articles()
    yield dg.AssetCheckResult(
        asset_key=key, check_name="unresolved_share",
        passed=not enough or (place_share <= limit and date_share <= limit),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"unresolved_place_share": round(place_share, 3),
                  "unknown_date_share": round(date_share, 3),
                  "articles_with_claims": n_articles, "warn_above": limit,
                  "sample_too_small": not enough},
    )


@dg.multi_asset_check(specs=_claim_check_specs(), pool=DUCKDB_POOL)
def claim_quality_checks(context: dg.AssetCheckExecutionContext,
                         warehouse: WarehouseResource) -> Iterator[dg.AssetCheckResult]:
    """Every rule on every raw claim table of this run's build, in one step (one connection)."""
    refresh = warehouse.refresh(context)
    if refresh.unchanged:  # nothing new: no row changed since the refresh that checked it
        for spec in _claim_check_specs():
            yield dg.AssetCheckResult(asset_key=spec.asset_key, check_name=spec.name, passed=True,
                                      metadata={"nothing_new": True})
        return
    with refresh.connect() as conn:
        for name, key in CLAIM_KEYS.items():
            yield from claim_table_results(conn, name, key)


@dg.asset_check(asset=CONTROL_EVENTS, blocking=True, pool=DUCKDB_POOL,
                description="every reconciled control event is backed by at least one claim")
def control_events_have_claims(context: dg.AssetCheckExecutionContext,
                               warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.refresh(context).connect() as conn:
        return rule_result(CONTROL_EVENTS, "control_events_have_claims", quality.events_without_claims(conn))
