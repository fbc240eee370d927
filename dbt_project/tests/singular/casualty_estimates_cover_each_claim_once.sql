-- Every casualty claim outside syndicated copies and background figures (another war or
-- country, is_background) is counted in exactly one estimate.
with counted as (
    select claim_id, count(*) as n_estimates
    from (select unnest(claim_ids) as claim_id from {{ ref('casualty_estimates') }})
    group by claim_id
),

expected as (
    select claim_id from {{ ref('int_casualty_claims') }} where not is_syndicated_copy and not is_background
)

select coalesce(expected.claim_id, counted.claim_id) as claim_id, counted.n_estimates
from expected
full outer join counted on counted.claim_id = expected.claim_id
where expected.claim_id is null or counted.claim_id is null or counted.n_estimates <> 1
