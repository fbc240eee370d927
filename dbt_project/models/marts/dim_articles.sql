{{ config(materialized='incremental', unique_key='article_id', incremental_strategy='delete+insert',
          on_schema_change='append_new_columns',
          post_hook="{{ delete_vanished('article_id', ref('int_articles')) }}") }}
-- One row per distinct article text, with its metadata, full text, the article it is a
-- syndicated copy of (if any) and how many exact copies of it were seen.
with rows_now as (
select
    article_id, title, outlet, published_at, url, source_uri, content_sha256, n_chars,
    language, ingested_at,
    external_id, duplicate_of, is_syndicated_copy, text, published_at_raw,
    cast(n_copies as bigint) as n_copies
from {{ ref('int_articles') }}{{ in_scope() }}
)

select * from rows_now {{ only_changed('rows_now', 'article_id') }}
