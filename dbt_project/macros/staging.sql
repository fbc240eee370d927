{#- Columns every raw claim table shares (warehouse contract, "Shared columns"), cast
    to their contract types and tidied: blank strings become null, closed vocabularies
    are lower-cased. Evidence text is kept byte for byte (its offsets point into the
    article). -#}
{% macro claim_shared_columns() -%}
    cast(claim_id as varchar) as claim_id,
    cast(article_id as varchar) as article_id,
    nullif(trim(claimant), '') as claimant,
    nullif(trim(claimant_text), '') as claimant_text,
    cast(date_start as date) as date_start,
    cast(date_end as date) as date_end,
    coalesce(lower(nullif(trim(date_precision), '')), 'unknown') as date_precision,
    nullif(trim(place_name), '') as place_name,
    nullif(trim(place_id), '') as place_id,
    nullif(trim(admin1), '') as admin1,
    cast(latitude as double) as latitude,
    cast(longitude as double) as longitude,
    coalesce(lower(nullif(trim(geo_precision), '')), 'unresolved') as geo_precision,
    cast(evidence_text as varchar) as evidence_text,
    cast(evidence_start as integer) as evidence_start,
    cast(evidence_end as integer) as evidence_end,
    cast(extractor_version as varchar) as extractor_version
{%- endmacro %}

{#- A closed-vocabulary value: trimmed, lower-cased, blank -> null. -#}
{% macro vocab(column) -%}
    lower(nullif(trim({{ column }}), ''))
{%- endmacro %}
