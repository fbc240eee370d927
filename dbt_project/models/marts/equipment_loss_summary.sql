-- Equipment losses per owner, category, model and status (Oryx style), each real loss
-- counted once even when several articles report it. Syndicated copies are left out.

with claims as (
    select
        *,
        -- same loss: same owner, category, model, status and place ...
        {{ short_hash(['owner_actor', 'category', 'model', 'status',
                       place_key('place_id', 'place_name')]) }} as loss_key,
        -- ... reported for dates a few days apart at most (undated: the report date)
        coalesce(date_start, date_end, published_at) as loss_date
    from {{ ref('int_equipment_losses') }}
    where is_syndicated_copy is not true
),

flagged as (
    select
        *,
        case
            when loss_date is null then 1
            when loss_date > max(loss_date) over (
                partition by loss_key order by loss_date nulls last, claim_id
                rows between unbounded preceding and 1 preceding
            ) + {{ var('equipment_dedup_days') }} then 1
            when count(*) over (
                partition by loss_key order by loss_date nulls last, claim_id
                rows between unbounded preceding and 1 preceding
            ) = 0 then 1
            else 0
        end as opens_loss
    from claims
),

numbered as (
    select
        *,
        loss_key || '#' || sum(opens_loss) over (
            partition by loss_key order by loss_date nulls last, claim_id
            rows between unbounded preceding and current row
        ) as loss_id
    from flagged
),

-- What each article says about one loss: stated quantities summed, rows without a
-- quantity counted as "at least one" each.
per_article as (
    select
        loss_id,
        article_id,
        coalesce(sum(quantity), 0) as n_specified,
        count(*) filter (where quantity is null) as n_unspecified
    from numbered
    group by loss_id, article_id
),

-- A loss reported by several articles counts once: the article reporting the most.
losses as (
    select loss_id, n_specified, n_unspecified
    from per_article
    qualify row_number() over (
        partition by loss_id
        order by n_specified + n_unspecified desc, n_specified desc, article_id
    ) = 1
),

loss_totals as (
    select
        numbered.owner_actor,
        numbered.category,
        numbered.model,
        numbered.status,
        numbered.loss_id,
        any_value(losses.n_specified) as n_specified,
        any_value(losses.n_unspecified) as n_unspecified
    from numbered
    inner join losses on losses.loss_id = numbered.loss_id
    group by all
)

select
    cast({{ short_hash(['claims.owner_actor', 'claims.category', 'claims.model', 'claims.status']) }}
        as varchar) as summary_id,
    cast(claims.owner_actor as varchar) as owner_actor,
    cast(claims.category as varchar) as category,
    cast(claims.model as varchar) as model,
    cast(claims.status as varchar) as status,
    cast(totals.n_specified as bigint) as n_specified,
    cast(totals.n_unspecified_at_least_1 as bigint) as n_unspecified_at_least_1,
    cast(totals.n_specified + totals.n_unspecified_at_least_1 as bigint) as n_at_least,
    cast(totals.n_losses as bigint) as n_losses,
    cast(count(*) as bigint) as n_claims,
    cast(count(distinct claims.article_id) as bigint) as n_articles,
    cast(list_sort(list_distinct(list(claims.captor_actor))) as varchar[]) as captor_actors,
    cast(list_sort(list(claims.claim_id)) as varchar[]) as claim_ids,
    cast(min(claims.published_at) as date) as first_reported,
    cast(max(claims.published_at) as date) as last_reported
from numbered as claims
inner join (
    select
        owner_actor, category, model, status,
        sum(n_specified) as n_specified,
        sum(n_unspecified) as n_unspecified_at_least_1,
        count(*) as n_losses
    from loss_totals
    group by all
) as totals
    on totals.owner_actor is not distinct from claims.owner_actor
    and totals.category is not distinct from claims.category
    and totals.model is not distinct from claims.model
    and totals.status is not distinct from claims.status
group by
    claims.owner_actor, claims.category, claims.model, claims.status,
    totals.n_specified, totals.n_unspecified_at_least_1, totals.n_losses
