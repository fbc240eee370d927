{#- Incremental facts that always equal a full build, row for row.

    `incremental_by_key(key)` is the config of such a model: delete+insert on `key`, and a
    post-hook removing rows whose key no longer comes from upstream (claims of an older
    extractor version). `only_changed(cte, key)` keeps, on an incremental run, the rows of
    `cte` that are new or differ in any column from the stored row (the whole row is hashed),
    so an article that became a syndicated copy rewrites its claims, and nothing else moves.

    In a scoped refresh (macros/refresh_scope.sql) both look at the rows of the changed
    articles only: `cte` holds only those (`in_scope`), a key belongs to one article (a claim
    id hashes its article id), and a row can vanish only when its article was extracted
    again, which puts the article in the scope. So neither reads the whole table, nor the
    whole upstream view, in a small refresh. -#}
{% macro only_changed(cte, key) -%}
{%- if is_incremental() %}
where not exists (
    select 1 from {{ this }} as stored
    where stored.{{ key }} = {{ cte }}.{{ key }} and hash(stored) = hash({{ cte }})
    {%- if check_scope_active() %} and {{ scope_filter('stored.article_id') }}{% endif %}
)
{%- endif %}
{%- endmacro %}

{#- `upstream`: one relation, or a list of relations whose keys together are the current ones. -#}
{% macro delete_vanished(key, upstream) -%}
{%- if is_incremental() -%}
{%- set sources = upstream if upstream is sequence and upstream is not string and upstream.identifier is not defined else [upstream] -%}
{%- set scoped = check_scope_active() -%}
delete from {{ this }} as stored
where {% if scoped %}{{ scope_filter('stored.article_id') }} and {% endif -%}
{% for source in sources %}{{ ' and ' if not loop.first }}not exists (
    select 1 from {{ source }} as current where current.{{ key }} = stored.{{ key }}
    {%- if scoped %} and {{ scope_filter('current.article_id') }}{% endif %}){% endfor %}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}
