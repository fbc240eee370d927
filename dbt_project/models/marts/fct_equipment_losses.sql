{{ config(materialized='incremental', unique_key='claim_id', incremental_strategy='delete+insert',
          on_schema_change='append_new_columns',
          post_hook="{{ delete_vanished('claim_id', ref('int_equipment_losses')) }}") }}
-- Equipment losses: which vehicles or weapons were destroyed, damaged, abandoned or captured.
-- Every claim as reported, syndicated copies included (see is_syndicated_copy).
with rows_now as (
select
    claim_id, article_id, claimant, claimant_text, date_start, date_end, date_precision,
    place_name, place_id, admin1, latitude, longitude, geo_precision,
    evidence_text, evidence_start, evidence_end, extractor_version,
    equipment_text, model, category, status, quantity, qualifier, owner_actor, captor_actor,
    published_at,
    is_syndicated_copy,
    hedged
from {{ ref('int_equipment_losses') }}{{ in_scope() }}
)

select * from rows_now {{ only_changed('rows_now', 'claim_id') }}
