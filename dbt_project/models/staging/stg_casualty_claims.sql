-- Casualty claims as extracted, one per statement.
select
    {{ claim_shared_columns() }},
    {{ vocab('victim_actor') }} as victim_actor,
    nullif(trim(victim_label), '') as victim_label,
    coalesce({{ vocab('victim_type') }}, 'unknown') as victim_type,
    {{ vocab('outcome') }} as outcome,
    cast(count_low as bigint) as count_low,
    cast(count_best as bigint) as count_best,
    cast(count_high as bigint) as count_high,
    {{ vocab('qualifier') }} as qualifier,
    cast(period_start as date) as period_start,
    cast(period_end as date) as period_end,
    {{ vocab('perpetrator_actor') }} as perpetrator_actor,
    nullif(trim(part_of), '') as part_of,
    coalesce(cast(is_background as boolean), false) as is_background
from {{ source('raw', 'casualty_claims') }}
