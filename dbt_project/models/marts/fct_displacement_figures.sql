-- Displacement figures: how many people were displaced, fled, were evacuated or returned.
-- Every claim as reported, syndicated copies included (see is_syndicated_copy).
select
    claim_id, article_id, claimant, claimant_text, date_start, date_end, date_precision,
    place_name, place_id, admin1, latitude, longitude, geo_precision,
    evidence_text, evidence_start, evidence_end, extractor_version,
    population, count_low, count_best, count_high, qualifier, is_projection,
    published_at,
    is_syndicated_copy,
    measure,
    as_of,
    cause
from {{ ref('int_displacement_figures') }}
