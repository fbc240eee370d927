-- Equipment losses: which vehicles or weapons were destroyed, damaged, abandoned or captured.
-- Every claim as reported, syndicated copies included (see is_syndicated_copy).
select
    claim_id, article_id, claimant, claimant_text, date_start, date_end, date_precision,
    place_name, place_id, admin1, latitude, longitude, geo_precision,
    evidence_text, evidence_start, evidence_end, extractor_version,
    equipment_text, model, category, status, quantity, qualifier, owner_actor, captor_actor,
    published_at,
    is_syndicated_copy,
    hedged
from {{ ref('int_equipment_losses') }}
