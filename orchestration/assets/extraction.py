"""Stage 2, extraction: every stored article through the rule-based extractors into one raw
table per fact type. One article that makes an extractor fail is quarantined; the rest load."""

from collections import Counter
from typing import Any

import dagster as dg
from dagster_duckdb import DuckDBResource

from extractors import EXTRACTOR_VERSION, extract_article
from warehouse.loading import CLAIM_TABLES, articles_to_extract, store_claims
from warehouse.queries import preview_markdown
from warehouse.records import Quarantined

from ..resources import DUCKDB_POOL
from .ingestion import ARTICLES

CLAIM_KEYS = {name: dg.AssetKey(["raw", name]) for name in CLAIM_TABLES}
PREVIEW_COLUMNS = {
    "control_changes": "place_name, new_controller, change_type, date_start, claimant",
    "casualty_claims": "victim_actor, outcome, count_low, count_best, qualifier, claimant",
    "displacement_figures": "population, count_best, qualifier, is_projection, claimant",
    "equipment_losses": "equipment_text, model, category, status, quantity",
}


def extract_all(articles: list[tuple[str, str, Any]]) -> tuple[dict[str, list[dict]], list[Quarantined]]:
    """Claim rows by fact type for every article, and the articles the extractors failed on."""
    rows: dict[str, list[dict]] = {name: [] for name in CLAIM_TABLES}
    errors: list[Quarantined] = []
    for article_id, text, published_at in articles:
        try:
            claims = extract_article(text, article_id, published_at)
        except Exception as exc:  # one broken article never stops the batch
            errors.append(Quarantined(f"article:{article_id}", "extraction_error", repr(exc)[:500]))
            continue
        for name in CLAIM_TABLES:
            rows[name].extend(c.to_row() for c in getattr(claims, name))
    return rows, errors


@dg.multi_asset(
    specs=[
        dg.AssetSpec(key, deps=[ARTICLES], kinds={"duckdb", "python"},
                     description=f"{name.replace('_', ' ').capitalize()} claims as the rule-based "
                                 f"extractors read them, one row per claim with its evidence sentence.")
        for name, key in CLAIM_KEYS.items()
    ],
    group_name="extraction",
    pool=DUCKDB_POOL,
)
def extracted_claims(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Run the extractors (pure Python, version in the metadata) over all stored articles."""
    with duckdb.get_connection() as conn:
        articles = articles_to_extract(conn)
        rows, errors = extract_all(articles)
        counts = store_claims(conn, rows, errors)
        previews = {
            name: preview_markdown(conn, f"SELECT {PREVIEW_COLUMNS[name]}, left(evidence_text, 60) "
                                         f"AS evidence FROM {table} LIMIT 10")
            for name, table in CLAIM_TABLES.items()
        }
    if errors:
        context.log.warning(f"{len(errors)} article(s) failed extraction and were quarantined")
    for name, key in CLAIM_KEYS.items():
        per_article = Counter(r["article_id"] for r in rows[name])
        yield dg.MaterializeResult(asset_key=key, metadata={
            "dagster/row_count": counts[name],
            "articles_with_claims": len(per_article),
            "articles_read": len(articles),
            "extraction_errors": len(errors),
            "extractor_version": EXTRACTOR_VERSION,
            "preview": dg.MetadataValue.md(previews[name]),
        })
