-- Equipment losses as extracted, one per statement.
select
    {{ claim_shared_columns() }},
    nullif(trim(equipment_text), '') as equipment_text,
    nullif(trim(model), '') as model,
    coalesce({{ vocab('category') }}, 'other') as category,
    {{ vocab('status') }} as status,
    cast(quantity as bigint) as quantity,
    {{ vocab('qualifier') }} as qualifier,
    {{ vocab('owner_actor') }} as owner_actor,
    {{ vocab('captor_actor') }} as captor_actor,
    coalesce(cast(hedged as boolean), false) as hedged
from {{ source('raw', 'equipment_losses') }}
