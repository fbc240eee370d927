-- Control-change claims as extracted, one per statement.
select
    {{ claim_shared_columns() }},
    {{ vocab('new_controller') }} as new_controller,
    nullif(trim(new_controller_label), '') as new_controller_label,
    {{ vocab('previous_controller') }} as previous_controller,
    nullif(trim(previous_controller_label), '') as previous_controller_label,
    {{ vocab('change_type') }} as change_type,
    {{ vocab('place_type') }} as place_type
from {{ source('raw', 'control_changes') }}
