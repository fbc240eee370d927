-- Files or lines the warehouse could not read, with why.
select source_uri, reason, detail, seen_at
from {{ ref('stg_quarantine') }}
