-- Rejected files or lines, with their reason.
select
    cast(source_uri as varchar) as source_uri,
    {{ vocab('reason') }} as reason,
    cast(detail as varchar) as detail,
    cast(seen_at as timestamp) as seen_at
from {{ source('raw', 'quarantine') }}
