{{ config(materialized='incremental', unique_key='claim_id', incremental_strategy='delete+insert',
          on_schema_change='append_new_columns',
          post_hook="{{ delete_vanished('claim_id', ref('int_casualty_claims')) }}") }}
-- Casualty claims: how many of whom were killed, wounded, missing or captive, according to whom.
-- Every claim as reported, syndicated copies included (see is_syndicated_copy).
with rows_now as (
select
    claim_id, article_id, claimant, claimant_text, date_start, date_end, date_precision,
    place_name, place_id, admin1, latitude, longitude, geo_precision,
    evidence_text, evidence_start, evidence_end, extractor_version,
    victim_actor, victim_label, victim_type, outcome,
    count_low, count_best, count_high, qualifier, period_start, period_end, perpetrator_actor,
    published_at,
    is_syndicated_copy,
    part_of,
    is_background
from {{ ref('int_casualty_claims') }}{{ in_scope() }}
)

select * from rows_now {{ only_changed('rows_now', 'claim_id') }}
