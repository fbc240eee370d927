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
    under another name than the connection's default), as the sources resolve.

    A small scope is written out as a list of ids: DuckDB then pushes the filter down through
    the staging and intermediate views to the raw tables' scans, where `in (select ...)` is
    applied above the views, after every row of the table was cast and joined (100 articles
    of 100,000: int_casualty_claims 1.04 -> 0.24 CPU s, int_articles 0.51 -> 0.03). -#}
{% macro scope_filter(column='article_id') -%}
    {%- set scope = api.Relation.create(database=target.database, schema='raw', identifier='refresh_scope') -%}
    {%- set ids = scope_ids(scope) if execute else none -%}
    {%- if ids -%}
    {{ column }} in ({% for id in ids %}'{{ id | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor %})
    {%- else -%}
    {{ column }} in (select article_id from {{ scope }})
    {%- endif -%}
{%- endmacro %}

{#- The scope's ids when there are at most `max_ids` of them, else none. -#}
{% macro scope_ids(scope, max_ids=2000) -%}
    {%- set result = run_query('select article_id from ' ~ scope ~ ' limit ' ~ (max_ids + 1)) -%}
    {%- set ids = result.columns[0].values() | list -%}
    {{- return(ids if ids | length <= max_ids else none) -}}
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
