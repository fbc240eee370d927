-- Articles as stored, cast and tidied; `is_syndicated_copy` flags near-identical copies
-- of an earlier article (their claims count once in the reconciled views).
select
    cast(article_id as varchar) as article_id,
    nullif(trim(external_id), '') as external_id,
    nullif(trim(title), '') as title,
    nullif(trim(outlet), '') as outlet,
    cast(published_at as date) as published_at,
    nullif(trim(published_at_raw), '') as published_at_raw,
    nullif(trim(url), '') as url,
    cast(source_uri as varchar) as source_uri,
    cast(content_sha256 as varchar) as content_sha256,
    cast(n_chars as integer) as n_chars,
    lower(nullif(trim(language), '')) as language,
    cast(text as varchar) as text,
    nullif(trim(duplicate_of), '') as duplicate_of,
    nullif(trim(duplicate_of), '') is not null as is_syndicated_copy,
    cast(ingested_at as timestamp) as ingested_at
from {{ source('raw', 'articles') }}
