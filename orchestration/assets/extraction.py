"""Stage 2, extraction: the articles the current extractor version has not read yet, through
the rule-based extractors into one raw table per fact type. One article that makes an
extractor fail is quarantined; the rest load. A new extractor version re-extracts everything
(it is the asset's code version, so Dagster shows the claims as stale when it changes)."""

import time
from collections import Counter

import dagster as dg

from extractors import EXTRACTOR_VERSION
from warehouse.loading import CLAIM_TABLES, drop_other_versions, ids_to_extract, store_claims, texts_in_chunks
from warehouse.queries import preview_markdown

from ..extract_pool import CHUNK, extract_chunks, workers
from ..pause import pause_point
from ..resources import DUCKDB_POOL, WarehouseResource
from .ingestion import ARTICLES

CLAIM_KEYS = {name: dg.AssetKey(["raw", name]) for name in CLAIM_TABLES}
PREVIEW_COLUMNS = {
    "control_changes": "place_name, new_controller, change_type, date_start, claimant",
    "casualty_claims": "victim_actor, outcome, count_low, count_best, qualifier, claimant",
    "displacement_figures": "population, count_best, qualifier, is_projection, claimant",
    "equipment_losses": "equipment_text, model, category, status, quantity",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(key, deps=[ARTICLES], kinds={"duckdb", "python"}, code_version=EXTRACTOR_VERSION,
                     description=f"{name.replace('_', ' ').capitalize()} claims as the rule-based "
                                 f"extractors read them, one row per claim with its evidence sentence.")
        for name, key in CLAIM_KEYS.items()
    ],
    group_name="extraction",
    pool=DUCKDB_POOL,
)
def extracted_claims(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Run the extractors (pure Python) over the articles not yet read by this version."""
    refresh = warehouse.refresh(context)
    if refresh.unchanged:  # nothing new (ingestion made no build): nothing to extract
        for key in CLAIM_KEYS.values():
            yield dg.MaterializeResult(asset_key=key, metadata={"nothing_new": True, "articles_extracted": 0})
        return
    started = time.perf_counter()
    added: Counter = Counter()
    n_errors = n_articles = n_chars = 0
    with refresh.connect() as conn:
        redone = drop_other_versions(conn, EXTRACTOR_VERSION)
        to_extract = ids_to_extract(conn, EXTRACTOR_VERSION)
        pause_point("extraction")
        for rows, errors, extracted in extract_chunks(texts_in_chunks(conn, to_extract, CHUNK), len(to_extract),
                                                               context.run.run_id):
            counts = store_claims(conn, rows, errors, extracted)
            added.update(counts)
            n_errors += len(errors)
            n_articles += len(extracted)
        n_chars = sum(n or 0 for _, n in to_extract)
        totals = {name: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for name, table in CLAIM_TABLES.items()}
        previews = {
            name: preview_markdown(conn, f"SELECT {PREVIEW_COLUMNS[name]}, left(evidence_text, 60) "
                                         f"AS evidence FROM {table} LIMIT 10")
            for name, table in CLAIM_TABLES.items()
        }
    seconds = time.perf_counter() - started
    refresh.record(articles_extracted=n_articles, claims_added=sum(added.values()), extraction_errors=n_errors,
                   extractor_version=EXTRACTOR_VERSION, extraction_seconds=round(seconds, 2),
                   extraction_chars=n_chars)
    if redone:
        context.log.info(f"extractor version {EXTRACTOR_VERSION} is new: {redone} article(s) extracted again")
    if n_errors:
        context.log.warning(f"{n_errors} article(s) failed extraction and were quarantined")
    context.log.info(f"extracted {n_articles} article(s) in {seconds:.1f} s with {workers()} worker(s)")
    for name, key in CLAIM_KEYS.items():
        yield dg.MaterializeResult(asset_key=key, metadata={
            "dagster/row_count": totals[name],
            "claims_added": added[name],
            "articles_extracted": n_articles,
            "extraction_errors": n_errors,
            "extractor_version": EXTRACTOR_VERSION,
            "preview": dg.MetadataValue.md(previews[name]),
        })
