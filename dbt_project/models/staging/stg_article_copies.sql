-- Exact copies of stored texts: where else the same article was seen.
select
    cast(source_uri as varchar) as source_uri,
    cast(article_id as varchar) as article_id,
    cast(seen_at as timestamp) as seen_at
from {{ source('raw', 'article_copies') }}
