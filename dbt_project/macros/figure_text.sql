{#- A reported figure as words: "605", "at least 200", "200-300", "about 280000",
    "hundreds (200+)". Used by claims_with_sources for its one-line summary. -#}
{% macro figure_text(low, best, high, qualifier) -%}
    case
        when {{ qualifier }} = 'vague' then 'vague (' || coalesce(cast({{ low }} as varchar) || '+', 'no figure') || ')'
        when {{ best }} is null and {{ low }} is not null and {{ high }} is not null and {{ low }} <> {{ high }}
            then cast({{ low }} as varchar) || '-' || cast({{ high }} as varchar)
        else coalesce(
            case {{ qualifier }}
                when 'at_least' then 'at least '
                when 'more_than' then 'more than '
                when 'approximately' then 'about '
                when 'up_to' then 'up to '
                else ''
            end, '')
            || coalesce(cast(coalesce({{ best }}, {{ low }}, {{ high }}) as varchar), '?')
    end
{%- endmacro %}
