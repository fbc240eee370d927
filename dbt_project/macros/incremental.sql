{#- Incremental facts that always equal a full build, row for row.

    `incremental_by_key(key)` is the config of such a model: delete+insert on `key`, and a
    post-hook removing rows whose key no longer comes from upstream (claims of an older
    extractor version). `only_changed(cte, key)` keeps, on an incremental run, the rows of
    `cte` that are new or differ in any column from the stored row (the whole row is hashed),
    so an article that became a syndicated copy rewrites its claims, and nothing else moves. -#}
{% macro only_changed(cte, key) -%}
{%- if is_incremental() %}
where not exists (
    select 1 from {{ this }} as stored
    where stored.{{ key }} = {{ cte }}.{{ key }} and hash(stored) = hash({{ cte }})
)
{%- endif %}
{%- endmacro %}

{#- `upstream`: one relation, or a list of relations whose keys together are the current ones. -#}
{% macro delete_vanished(key, upstream) -%}
{%- if is_incremental() -%}
{%- set sources = upstream if upstream is sequence and upstream is not string and upstream.identifier is not defined else [upstream] -%}
delete from {{ this }} as stored
where {% for source in sources %}{{ ' and ' if not loop.first }}not exists (
    select 1 from {{ source }} as current where current.{{ key }} = stored.{{ key }}){% endfor %}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}
