{{ config(materialized='incremental', unique_key='claim_id', incremental_strategy='delete+insert',
          on_schema_change='append_new_columns',
          post_hook="{{ delete_vanished('claim_id', [ref('fct_control_changes'), ref('fct_casualty_claims'),
                                                    ref('fct_displacement_figures'), ref('fct_equipment_losses')]) }}") }}
-- Every claim of the four fact types, with where it was read (outlet, title, url, date)
-- and who says it: the claimant normalised so one source counts once, and the relay it
-- came through ("field sources (Al-Mayadeen TV)": claimant "field sources", via
-- "Al-Mayadeen TV"). One row per claim as reported; syndicated copies are flagged.

{%- set relay_in_brackets = "^(.*?)\\s*\\((?:via\\s+)?([^)]+)\\)\\s*$" %}
{%- set relay_after_via = "^(.*?)\\s+via\\s+(.+)$" %}
{%- set shared_columns %}claim_id, article_id, claimant, claimant_text, date_start, date_end, date_precision,
        place_name, place_id, admin1, latitude, longitude, geo_precision, evidence_text,
        evidence_start, evidence_end, extractor_version, is_syndicated_copy{% endset %}

with claims as (
    select
        'control_change' as fact_type, {{ shared_columns }},
        new_controller as actor,
        cast(null as bigint) as count_low, cast(null as bigint) as count_best,
        cast(null as bigint) as count_high, cast(null as varchar) as qualifier,
        coalesce(place_name, '?') || ': ' || change_type || ' -> ' || coalesce(new_controller, '?')
            || coalesce(' (from ' || previous_controller || ')', '') as summary
    from {{ ref('fct_control_changes') }}
    union all
    select
        'casualty_claim', {{ shared_columns }},
        victim_actor,
        count_low, count_best, count_high, qualifier,
        coalesce(victim_actor, '?') || ' ' || outcome || ': '
            || {{ figure_text('count_low', 'count_best', 'count_high', 'qualifier') }}
    from {{ ref('fct_casualty_claims') }}
    union all
    select
        'displacement_figure', {{ shared_columns }},
        population,
        count_low, count_best, count_high, qualifier,
        population || ': ' || {{ figure_text('count_low', 'count_best', 'count_high', 'qualifier') }}
            || case when is_projection then ' (projection)' else '' end
    from {{ ref('fct_displacement_figures') }}
    union all
    select
        'equipment_loss', {{ shared_columns }},
        owner_actor,
        quantity, quantity, quantity, qualifier,
        coalesce(owner_actor, '?') || ' ' || coalesce(model, category) || ' ' || status
            || coalesce(' x' || quantity, '')
    from {{ ref('fct_equipment_losses') }}
),

scoped as (
    select * from claims{{ in_scope() }}
),

relayed as (
    select
        scoped.*,
        case
            when regexp_matches(claimant, '{{ relay_in_brackets }}')
                then trim(regexp_extract(claimant, '{{ relay_in_brackets }}', 1))
            when regexp_matches(claimant, '{{ relay_after_via }}')
                then trim(regexp_extract(claimant, '{{ relay_after_via }}', 1))
            else claimant
        end as speaker,
        case
            when regexp_matches(claimant, '{{ relay_in_brackets }}')
                then trim(regexp_extract(claimant, '{{ relay_in_brackets }}', 2))
            when regexp_matches(claimant, '{{ relay_after_via }}')
                then trim(regexp_extract(claimant, '{{ relay_after_via }}', 2))
        end as via
    from scoped
),

rows_now as (
select
    cast(relayed.claim_id as varchar) as claim_id,
    cast(relayed.fact_type as varchar) as fact_type,
    cast(relayed.article_id as varchar) as article_id,
    cast(articles.outlet as varchar) as outlet,
    cast(articles.title as varchar) as title,
    cast(articles.url as varchar) as url,
    cast(articles.published_at as date) as published_at,
    cast(coalesce(sources.source, nullif(relayed.speaker, '')) as varchar) as claimant,
    cast(relayed.via as varchar) as via,
    cast(relayed.claimant as varchar) as claimant_as_extracted,
    cast(relayed.claimant_text as varchar) as claimant_text,
    cast(relayed.summary as varchar) as summary,
    cast(relayed.actor as varchar) as actor,
    cast(relayed.count_low as bigint) as count_low,
    cast(relayed.count_best as bigint) as count_best,
    cast(relayed.count_high as bigint) as count_high,
    cast(relayed.qualifier as varchar) as qualifier,
    cast(relayed.date_start as date) as date_start,
    cast(relayed.date_end as date) as date_end,
    cast(relayed.date_precision as varchar) as date_precision,
    cast(relayed.place_name as varchar) as place_name,
    cast(relayed.place_id as varchar) as place_id,
    cast(relayed.admin1 as varchar) as admin1,
    cast(relayed.latitude as double) as latitude,
    cast(relayed.longitude as double) as longitude,
    cast(relayed.geo_precision as varchar) as geo_precision,
    cast(relayed.evidence_text as varchar) as evidence_text,
    cast(relayed.evidence_start as integer) as evidence_start,
    cast(relayed.evidence_end as integer) as evidence_end,
    cast(relayed.evidence_start + 1 as integer) as evidence_substr_start,
    cast(relayed.evidence_end - relayed.evidence_start as integer) as evidence_length,
    cast(coalesce(relayed.is_syndicated_copy, false) as boolean) as is_syndicated_copy,
    cast(relayed.extractor_version as varchar) as extractor_version
from relayed
left join {{ ref('dim_articles') }} as articles on articles.article_id = relayed.article_id
left join {{ ref('claimant_sources') }} as sources on sources.claimant = nullif(relayed.speaker, '')
)

select * from rows_now {{ only_changed('rows_now', 'claim_id') }}
