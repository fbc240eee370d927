{#- Keys and rankings the reconciled views merge on. Kept in one place so every model
    (and every unit test) agrees on what "the same place" or "the same side" means. -#}

{#- A place name as merge key: lower-case, spaces collapsed and trimmed, a leading
    "the " dropped ("The Kuweires airbase " -> "kuweires airbase"). -#}
{% macro normalise_place_name(name) -%}
    nullif(regexp_replace(lower(trim(regexp_replace({{ name }}, '\s+', ' ', 'g'))), '^the ', ''), '')
{%- endmacro %}

{#- Which place a claim is about: the gazetteer id when resolved, else the normalised
    name; null when the claim names no place at all. -#}
{% macro place_key(place_id, place_name) -%}
    case
        when nullif(trim({{ place_id }}), '') is not null then 'id:' || trim({{ place_id }})
        when {{ normalise_place_name(place_name) }} is not null
            then 'name:' || {{ normalise_place_name(place_name) }}
    end
{%- endmacro %}

{#- The side an actor id belongs to for merging (var actor_sides); an id not listed is
    its own side; a missing id is the side 'unknown'. -#}
{% macro actor_side(actor) -%}
    case
    {%- for actor_id, side in var('actor_sides').items() %}
        when {{ actor }} = '{{ actor_id }}' then '{{ side }}'
    {%- endfor %}
        when {{ actor }} is null then 'unknown'
        else {{ actor }}
    end
{%- endmacro %}

{#- 1 for a specific actor id, 0 for a generic one (var generic_actor_ids). -#}
{% macro actor_specificity(actor) -%}
    case when {{ actor }} in (
        {%- for actor_id in var('generic_actor_ids') -%}
            '{{ actor_id }}'{{ ", " if not loop.last }}
        {%- endfor -%}
    ) then 0 else 1 end
{%- endmacro %}

{#- A deterministic short id from several SQL expressions. -#}
{% macro short_hash(parts) -%}
    substr(md5({{ hash_input(parts) }}), 1, 20)
{%- endmacro %}

{#- The text short_hash hashes: the parts as text, '|' between them, null as ''. A model can
    group on it and hash each group once (casualty_estimates). -#}
{% macro hash_input(parts) -%}
    concat_ws('|'
    {%- for part in parts -%}
        , coalesce(cast({{ part }} as varchar), '')
    {%- endfor -%}
    )
{%- endmacro %}
