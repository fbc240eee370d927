-- One row per victim group, outcome and period: the range of counts across everyone
-- who reported it (UCDP style). Syndicated copies and background figures (another war or
-- country than the article's own, is_background) are left out. A claimant's running toll
-- is a time series: only its latest report counts (ties all count), so a toll that rose
-- from 107 to 111 gives 111, not a range; the claimants' latest figures make the range,
-- and the estimate is disputed when their ranges share no value.

with claims as (
    select
        claim_id, article_id, claimant, victim_actor, victim_type, outcome, perpetrator_actor,
        count_low, count_best, count_high, qualifier, published_at,
        period_start, period_end, date_start, date_end,
        -- what the period is: a stated cumulative period ("since November 27"), the
        -- date of the incident, failing both the day the article was published, and
        -- when even that is unknown the article alone (nothing to match it with)
        case
            when period_start is not null or period_end is not null then 'period'
            when date_start is not null or date_end is not null then 'date'
            when published_at is not null then 'reported'
            else 'undated'
        end as period_basis
    from {{ ref('int_casualty_claims') }}
    where is_syndicated_copy is not true
      and is_background is not true
),

windowed as (
    select
        *,
        case period_basis
            when 'period' then period_start
            when 'date' then coalesce(date_start, date_end)
            else published_at
        end as window_start,
        case period_basis
            when 'period' then period_end
            when 'date' then coalesce(date_end, date_start)
            else published_at
        end as window_end,
        -- each claim's own range; an open-ended one ("hundreds", "more than 1,600",
        -- "at least 70") has no upper bound: its high stays null, never its low
        coalesce(count_low, count_best, count_high) as claim_low,
        case
            when count_high is not null then count_high
            when qualifier in ('at_least', 'more_than', 'vague') then null
            else coalesce(count_best, count_low)
        end as claim_high,
        coalesce(claimant, '(unattributed)') as claimant_key,
        -- which report is a claimant's latest, as one number: published last (undated
        -- reports 0, before any date), then ending last (likewise); reports that tie share it
        (case when published_at is null then 0
              else published_at - date '1970-01-01' + 2147483649 end)::hugeint * 8589934592
          + case when coalesce(date_end, date_start) is null then 0
                 else coalesce(date_end, date_start) - date '1970-01-01' + 2147483649 end as report_order
    from claims
),

-- The estimate's key as the text its id hashes (short_hash): grouped on, and hashed once
-- per estimate at the end instead of once per claim.
keyed as (
    select
        *,
        {{ hash_input([
            'victim_actor', 'outcome', 'period_basis', 'window_start', 'window_end',
            "case when period_basis = 'undated' then article_id end",
        ]) }} as estimate_key
    from windowed
),

-- A claimant's latest report within the group: the one published last (else the one
-- whose date ends last); reports that tie all stay, and undated ones yield to dated ones.
-- (The highest report_order of the claimant's reports, joined back: a rank() window over
-- every claim cost twice as much.)
latest_order as (
    select estimate_key, claimant_key, max(report_order) as report_order
    from keyed
    group by estimate_key, claimant_key
),

latest as (
    select keyed.*
    from keyed
    inner join latest_order using (estimate_key, claimant_key, report_order)
),

-- Each claimant's range within the group, from its latest report(s); an open-ended
-- figure has no upper bound.
claimant_ranges as (
    select
        estimate_key, claimant_key, min(claim_low) as low,
        case when bool_or(claim_high is null) then null else max(claim_high) end as high
    from latest
    group by estimate_key, claimant_key
),

-- Disputed: the claimants' latest ranges have no value in common.
disputes as (
    select estimate_key, coalesce(max(low) > min(high), false) as disputed
    from claimant_ranges
    group by estimate_key
),

-- The range across claimants, from each claimant's latest report(s).
latest_range as (
    select
        estimate_key,
        min(claim_low) as count_low,
        round(median(count_best)) as count_best,
        -- the highest high; null (no upper bound) when any latest claim is open-ended
        case when bool_or(claim_high is null) then null else max(claim_high) end as count_high,
        list_sort(list(claim_id)) as latest_claim_ids
    from latest
    group by estimate_key
),

victim_types as (
    select estimate_key, victim_type
    from (
        select estimate_key, victim_type, count(*) as n_votes
        from keyed
        group by estimate_key, victim_type
    )
    qualify row_number() over (partition by estimate_key order by n_votes desc, victim_type) = 1
),

estimates as (
    select
        estimate_key,
        any_value(victim_actor) as victim_actor,
        any_value(outcome) as outcome,
        any_value(period_basis) as period_basis,
        any_value(window_start) as period_start,
        any_value(window_end) as period_end,
        count(*) as n_claims,
        count(distinct article_id) as n_articles,
        count(distinct claimant) as n_claimants,
        list_sort(list_distinct(list(claimant))) as claimants,
        list_sort(list_distinct(list(perpetrator_actor))) as perpetrator_actors,
        list_sort(list(claim_id)) as claim_ids,
        min(published_at) as first_reported,
        max(published_at) as last_reported
    from keyed
    group by estimate_key
)

select
    cast(substr(md5(estimates.estimate_key), 1, 20) as varchar) as estimate_id,
    cast(estimates.victim_actor as varchar) as victim_actor,
    cast(victim_types.victim_type as varchar) as victim_type,
    cast(estimates.outcome as varchar) as outcome,
    cast(estimates.period_basis as varchar) as period_basis,
    cast(estimates.period_start as date) as period_start,
    cast(estimates.period_end as date) as period_end,
    cast(latest_range.count_low as bigint) as count_low,
    cast(latest_range.count_best as bigint) as count_best,
    cast(latest_range.count_high as bigint) as count_high,
    cast(disputes.disputed as boolean) as disputed,
    cast(estimates.n_claims as bigint) as n_claims,
    cast(estimates.n_articles as bigint) as n_articles,
    cast(estimates.n_claimants as bigint) as n_claimants,
    cast(estimates.claimants as varchar[]) as claimants,
    cast(estimates.perpetrator_actors as varchar[]) as perpetrator_actors,
    cast(estimates.claim_ids as varchar[]) as claim_ids,
    cast(estimates.first_reported as date) as first_reported,
    cast(estimates.last_reported as date) as last_reported,
    cast(latest_range.latest_claim_ids as varchar[]) as latest_claim_ids
from estimates
inner join disputes on disputes.estimate_key = estimates.estimate_key
inner join latest_range on latest_range.estimate_key = estimates.estimate_key
inner join victim_types on victim_types.estimate_key = estimates.estimate_key
