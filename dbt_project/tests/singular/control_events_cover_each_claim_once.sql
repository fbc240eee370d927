-- Every control-change claim outside syndicated copies belongs to exactly one event,
-- and no event holds a claim from a syndicated copy.
with event_claims as (
    select unnest(claim_ids) as claim_id from {{ ref('control_events') }}
),

counted as (
    select claim_id, count(*) as n_events from event_claims group by claim_id
),

expected as (
    select claim_id from {{ ref('int_control_changes') }} where not is_syndicated_copy
)

select coalesce(expected.claim_id, counted.claim_id) as claim_id, counted.n_events
from expected
full outer join counted on counted.claim_id = expected.claim_id
where expected.claim_id is null or counted.claim_id is null or counted.n_events <> 1
