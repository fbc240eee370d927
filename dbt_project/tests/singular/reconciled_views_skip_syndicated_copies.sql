-- No reconciled view may count a claim read from a syndicated copy.
with copy_claims as (
    select claim_id from {{ ref('int_control_changes') }} where is_syndicated_copy
    union all
    select claim_id from {{ ref('int_casualty_claims') }} where is_syndicated_copy
    union all
    select claim_id from {{ ref('int_equipment_losses') }} where is_syndicated_copy
    union all
    select claim_id from {{ ref('int_displacement_figures') }} where is_syndicated_copy
),

counted as (
    select 'control_events' as view_name, unnest(claim_ids) as claim_id from {{ ref('control_events') }}
    union all
    select 'casualty_estimates', unnest(claim_ids) from {{ ref('casualty_estimates') }}
    union all
    select 'equipment_loss_summary', unnest(claim_ids) from {{ ref('equipment_loss_summary') }}
    union all
    select 'displacement_latest', claim_id from {{ ref('displacement_latest') }}
    union all
    select 'displacement_latest', projection_claim_id from {{ ref('displacement_latest') }}
)

select counted.view_name, counted.claim_id
from counted
inner join copy_claims on copy_claims.claim_id = counted.claim_id
