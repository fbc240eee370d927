-- Displacement figures as extracted, one per statement.
select
    {{ claim_shared_columns() }},
    {{ vocab('population') }} as population,
    cast(count_low as bigint) as count_low,
    cast(count_best as bigint) as count_best,
    cast(count_high as bigint) as count_high,
    {{ vocab('qualifier') }} as qualifier,
    coalesce(cast(is_projection as boolean), false) as is_projection,
    {{ vocab('measure') }} as measure,
    cast(as_of as date) as as_of,
    coalesce({{ vocab('cause') }}, 'unknown') as cause
from {{ source('raw', 'displacement_figures') }}
