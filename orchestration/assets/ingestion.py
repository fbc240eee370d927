"""Stage 1, ingestion: new and changed inbox files into raw.articles, raw.article_copies,
raw.quarantine (files already read, unchanged, are not read again).

This is the first step of a refresh: it waits for any running refresh of the same warehouse
(the refresh lock), removes what killed refreshes left, frees the pool slots of dead runs,
then starts this run's private build. It is deliberately outside the ``duckdb`` pool: a run
waiting here holds no slot, so it cannot block the run it waits for.
"""

import time

import dagster as dg
import duckdb

from extractors import EXTRACTOR_VERSION
from warehouse.inbox_state import scan
from warehouse.language import count_not_english_in
from warehouse.loading import ingest
from warehouse.nothing_new import nothing_new, remember_raw_schema
from warehouse.queries import preview_markdown

from .. import dbt_warm
from ..extract_pool import WARM_ARTICLES, prewarm
from ..pause import pause_point
from ..resources import InboxResource, WarehouseResource
from ..stale_runs import free_dead_runs
from .dbt import project_fingerprint, sitrep_dbt_models

ARTICLES = dg.AssetKey(["raw", "articles"])
COPIES = dg.AssetKey(["raw", "article_copies"])
QUARANTINE = dg.AssetKey(["raw", "quarantine"])
CLAIMS = dg.AssetKey(["raw", "casualty_claims"])  # one of the extraction step's assets


@dg.multi_asset(
    specs=[
        dg.AssetSpec(ARTICLES, description="One row per distinct article text read from the inbox "
                     "(id = content hash), with metadata and near-duplicate links.", kinds={"duckdb", "polars"}),
        dg.AssetSpec(COPIES, description="Further exact copies of texts already stored.", kinds={"duckdb"}),
        dg.AssetSpec(QUARANTINE, description="Files and lines that could not be read, with the reason.",
                     kinds={"duckdb"}),
    ],
    group_name="ingestion",
)
def inbox_articles(context: dg.AssetExecutionContext, warehouse: WarehouseResource, inbox: InboxResource):
    """Read the new and changed inbox files; bad files are quarantined and the rest still load."""
    started = time.perf_counter()
    fingerprint = project_fingerprint()
    refresh = warehouse.store().open_refresh_unless(
        context.run.run_id, lambda conn: nothing_new(conn, inbox.folder, EXTRACTOR_VERSION, fingerprint), wait=True)
    free_dead_runs(context.instance, context.run.run_id, context.log)
    if refresh.unchanged:
        yield from nothing_new_results(context, refresh, inbox.folder, time.perf_counter() - started)
        return
    if runs_any(context, sitrep_dbt_models.keys):  # dbt's start (import, parse) overlaps ingestion and extraction
        dbt_warm.start(context.run.run_id, refresh.dbt_env())
    with refresh.connect() as conn:
        if runs_any(context, [CLAIMS]):  # the extractors' start, likewise
            prewarm(context.run.run_id, latest_texts(conn, WARM_ARTICLES))
        pause_point("ingestion")
        summary = ingest(conn, inbox.folder)
        remember_raw_schema(conn)
        articles_preview = preview_markdown(
            conn, "SELECT article_id, published_at, outlet, title, duplicate_of FROM raw.articles "
                  "ORDER BY ingested_at DESC, published_at NULLS LAST, article_id LIMIT 10")
        quarantine_preview = preview_markdown(
            conn, "SELECT source_uri, reason, detail FROM raw.quarantine ORDER BY seen_at DESC, source_uri LIMIT 20")
        quarantined_total = conn.execute("SELECT count(*) FROM raw.quarantine").fetchone()[0]
        not_english = count_not_english_in(conn)
    seconds = time.perf_counter() - started
    refresh.record(files_seen=summary.files_seen, files_new=summary.files_new, files_changed=summary.files_changed,
                   articles_new=summary.articles_new, quarantined=summary.quarantined,
                   ingestion_seconds=round(seconds, 2))
    context.log.info(f"inbox {inbox.folder}: {summary} in {seconds:.1f} s")
    yield dg.MaterializeResult(asset_key=ARTICLES, metadata={
        "dagster/row_count": summary.articles,
        "articles_new": summary.articles_new,
        "files_seen": summary.files_seen,
        "files_new": summary.files_new,
        "files_changed": summary.files_changed,
        "near_duplicates": summary.near_duplicates,
        "not_read_by_the_english_extractors": not_english,
        "inbox": dg.MetadataValue.path(str(inbox.folder)),
        "preview": dg.MetadataValue.md(articles_preview),
    })
    yield dg.MaterializeResult(asset_key=COPIES, metadata={"copies_added": summary.copies})
    yield dg.MaterializeResult(asset_key=QUARANTINE, metadata={
        "dagster/row_count": quarantined_total,
        "quarantined_now": summary.quarantined,
        "preview": dg.MetadataValue.md(quarantine_preview),
    })


def latest_texts(conn, n: int) -> list[tuple]:
    """(article_id, text, published_at) of the ``n`` articles ingested last (none in a new warehouse)."""
    try:
        return conn.execute("SELECT article_id, text, published_at FROM raw.articles "
                            "ORDER BY ingested_at DESC, article_id LIMIT ?", [n]).fetchall()
    except duckdb.CatalogException:
        return []


def runs_any(context: dg.AssetExecutionContext, keys) -> bool:
    """True when this run materializes any of ``keys`` (a whole refresh materializes all)."""
    selection = context.run.asset_selection
    return selection is None or bool(set(selection) & set(keys))


def nothing_new_results(context: dg.AssetExecutionContext, refresh, folder, seconds: float):
    """Every inbox file is already in the warehouse, unchanged: no build; the later steps do
    nothing and the run publishes nothing (its row goes to marts.refresh_runs with the next
    publication, outcome ``nothing_new``)."""
    n_files = len(scan(folder))
    refresh.record(files_seen=n_files, files_new=0, files_changed=0, articles_new=0, quarantined=0,
                   articles_extracted=0, claims_added=0, ingestion_seconds=round(seconds, 2))
    context.log.info(f"nothing new in {folder} ({n_files} files, all read before): no build, nothing to publish")
    for key in (ARTICLES, COPIES, QUARANTINE):
        yield dg.MaterializeResult(asset_key=key, metadata={"nothing_new": True, "files_seen": n_files})
