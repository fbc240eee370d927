-- Latest displacement figure per population, place, cause (conflict, disaster, unknown) and
-- measure (IDMC stock or flow). Reported counts and projections ("could reach", "expected
-- to") sit in separate columns and are never mixed; a disaster figure never replaces a
-- conflict one, nor a flow a stock. Syndicated copies are left out.

with claims as (
    select
        *,
        coalesce(
            place_id,
            {{ normalise_place_name('place_name') }},
            '{{ var("unspecified_place_label") }}'
        ) as place_key,
        coalesce(cause, 'unknown') as cause_key,
        coalesce(measure, 'flow') as measure_key,
        -- the date the figure describes: its stated "as of" date, else the event date,
        -- else the publication date
        coalesce(as_of, date_end, date_start, published_at) as as_of_date
    from {{ ref('int_displacement_figures') }}
    where is_syndicated_copy is not true
),

latest as (
    select *
    from claims
    qualify row_number() over (
        partition by population, place_key, cause_key, measure_key, is_projection
        order by as_of_date desc nulls last, published_at desc nulls last,
            count_best desc nulls last, claim_id
    ) = 1
),

counts as (select * from latest where not is_projection),
projections as (select * from latest where is_projection),

groups as (
    select
        population,
        place_key,
        cause_key,
        measure_key,
        count(*) filter (where not is_projection) as n_count_claims,
        count(*) filter (where is_projection) as n_projection_claims,
        count(distinct article_id) as n_articles
    from claims
    group by population, place_key, cause_key, measure_key
)

select
    cast({{ short_hash(['groups.population', 'groups.place_key', 'groups.cause_key', 'groups.measure_key']) }} as varchar) as figure_id,
    cast(groups.population as varchar) as population,
    cast(groups.place_key as varchar) as place_key,
    cast(coalesce(counts.place_name, projections.place_name, '{{ var("unspecified_place_label") }}')
        as varchar) as place_name,
    cast(coalesce(counts.place_id, projections.place_id) as varchar) as place_id,
    cast(coalesce(counts.admin1, projections.admin1) as varchar) as admin1,
    cast(counts.count_low as bigint) as count_low,
    cast(counts.count_best as bigint) as count_best,
    cast(counts.count_high as bigint) as count_high,
    cast(counts.qualifier as varchar) as qualifier,
    cast(counts.as_of_date as date) as as_of_date,
    cast(counts.claimant as varchar) as claimant,
    cast(counts.claim_id as varchar) as claim_id,
    cast(projections.count_low as bigint) as projected_count_low,
    cast(projections.count_best as bigint) as projected_count_best,
    cast(projections.count_high as bigint) as projected_count_high,
    cast(projections.qualifier as varchar) as projected_qualifier,
    cast(projections.as_of_date as date) as projection_as_of_date,
    cast(projections.claimant as varchar) as projection_claimant,
    cast(projections.claim_id as varchar) as projection_claim_id,
    cast(groups.n_count_claims as bigint) as n_count_claims,
    cast(groups.n_projection_claims as bigint) as n_projection_claims,
    cast(groups.n_articles as bigint) as n_articles,
    cast(groups.cause_key as varchar) as cause,
    cast(groups.measure_key as varchar) as measure
from groups
left join counts
    on counts.population is not distinct from groups.population
    and counts.place_key = groups.place_key
    and counts.cause_key = groups.cause_key
    and counts.measure_key = groups.measure_key
left join projections
    on projections.population is not distinct from groups.population
    and projections.place_key = groups.place_key
    and projections.cause_key = groups.cause_key
    and projections.measure_key = groups.measure_key
