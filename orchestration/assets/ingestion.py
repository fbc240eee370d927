"""Stage 1, ingestion: the inbox folder into raw.articles, raw.article_copies, raw.quarantine."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from warehouse.inbox import read_inbox
from warehouse.loading import store_inbox
from warehouse.queries import preview_markdown

from ..resources import DUCKDB_POOL, InboxResource

ARTICLES = dg.AssetKey(["raw", "articles"])
COPIES = dg.AssetKey(["raw", "article_copies"])
QUARANTINE = dg.AssetKey(["raw", "quarantine"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(ARTICLES, description="One row per distinct article text read from the inbox "
                     "(id = content hash), with metadata and near-duplicate links.", kinds={"duckdb", "polars"}),
        dg.AssetSpec(COPIES, description="Further exact copies of texts already stored.", kinds={"duckdb"}),
        dg.AssetSpec(QUARANTINE, description="Files and lines that could not be read, with the reason.",
                     kinds={"duckdb"}),
    ],
    group_name="ingestion",
    pool=DUCKDB_POOL,
)
def inbox_articles(context: dg.AssetExecutionContext, duckdb: DuckDBResource, inbox: InboxResource):
    """Read every file in the inbox; bad files are quarantined and the rest still load."""
    batch = read_inbox(inbox.folder)
    with duckdb.get_connection() as conn:
        summary = store_inbox(conn, batch)
        articles_preview = preview_markdown(
            conn, "SELECT article_id, published_at, outlet, title, duplicate_of FROM raw.articles "
                  "ORDER BY published_at NULLS LAST, article_id LIMIT 10")
        quarantine_preview = preview_markdown(
            conn, "SELECT source_uri, reason, detail FROM raw.quarantine ORDER BY source_uri LIMIT 20")
    context.log.info(f"inbox {inbox.folder}: {summary}")
    yield dg.MaterializeResult(asset_key=ARTICLES, metadata={
        "dagster/row_count": summary.articles,
        "files_seen": summary.files_seen,
        "near_duplicates": summary.near_duplicates,
        "inbox": dg.MetadataValue.path(str(inbox.folder)),
        "preview": dg.MetadataValue.md(articles_preview),
    })
    yield dg.MaterializeResult(asset_key=COPIES, metadata={"dagster/row_count": summary.copies})
    yield dg.MaterializeResult(asset_key=QUARANTINE, metadata={
        "dagster/row_count": summary.quarantined,
        "preview": dg.MetadataValue.md(quarantine_preview),
    })
