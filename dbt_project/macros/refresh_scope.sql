{#- An incremental refresh checks and rebuilds only what it changed.

    The refresh lists the articles it changed (new, metadata or near-duplicate link changed,
    copies added or removed, extracted) in `raw.refresh_scope` and sets
    SITREP_CHECK_SCOPE=changed in dbt's environment when the marts it starts from were built
    by this same project (else every row is rebuilt and tested). Then:
    - per-claim and per-article models read only the rows of those articles (`in_scope`),
      merged on their key; rows of other articles are unchanged since the refresh that wrote them;
    - data tests of those models look only at those rows (`get_where_subquery`, dbt's hook for
      a test's `where`); unique keys stay unique by the merge on them.
    env_var is read only at execution, never at parse time, so switching the scope does not
    make dbt re-parse the project. -#}
{% macro check_scope_active() -%}
    {{- return(execute and env_var('SITREP_CHECK_SCOPE', 'all') == 'changed') -}}
{%- endmacro %}

{#- raw.refresh_scope in the warehouse's own catalog (a DuckLake warehouse is attached
    under another name than the connection's default), as the sources resolve. -#}
{% macro scope_filter(column='article_id') -%}
    {%- set scope = api.Relation.create(database=target.database, schema='raw', identifier='refresh_scope') -%}
    {{ column }} in (select article_id from {{ scope }})
{%- endmacro %}

{#- `where <filter>` (or `and <filter>` with prefix='and') on an incremental run of a scoped
    refresh; nothing otherwise. -#}
{% macro in_scope(column='article_id', prefix='where') -%}
    {%- if check_scope_active() and is_incremental() %}
    {{ prefix }} {{ scope_filter(column) }}
    {%- endif -%}
{%- endmacro %}

{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if check_scope_active() and relation.identifier in var('tests_scoped_by_article', []) -%}
        {%- set where = ('(' ~ where ~ ') and ' if where else '') ~ scope_filter() -%}
    {%- endif -%}
    {%- if where -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') dbt_subquery') -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}
