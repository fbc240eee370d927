-- Control-change claims: who took (or lost) which place, when, according to whom.
-- Every claim as reported, syndicated copies included (see is_syndicated_copy).
select
    claim_id, article_id, claimant, claimant_text, date_start, date_end, date_precision,
    place_name, place_id, admin1, latitude, longitude, geo_precision,
    evidence_text, evidence_start, evidence_end, extractor_version,
    new_controller, new_controller_label, previous_controller, previous_controller_label,
    change_type,
    place_type,
    published_at,
    is_syndicated_copy
from {{ ref('int_control_changes') }}
