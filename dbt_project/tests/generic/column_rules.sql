{#- Every per-column rule of a model in ONE data test, instead of one dbt test per rule and
    column: in a small refresh each test node costs dbt ~40 ms of its own bookkeeping, its
    query about 1 ms (220 test nodes -> 51; docs/readme/scale3.md). Arguments, each optional:

      unique:          [column, ...]                  no two rows share a non-null value
      not_null:        [column, ...]
      accepted_values: {column: [value, ...]}         every non-null value is one of these
      relationships:   {column: {to: ref('x'), field: f[, where: sql]}}
                                                      every non-null value is in x.f (rows
                                                      matching `where`, when given)

    The same failures as dbt's built-in tests of the same name (unique and accepted_values
    count the failing values, not_null and relationships the failing rows). Each failing row
    names its rule and column in `failed_rule` ("not_null(claim_id)") with `failing_value`;
    the model's Dagster check lists them (orchestration/dbt_tests.py). A rule of another
    severity goes in a second column_rules test with that severity. -#}
{% test column_rules(model, unique=[], not_null=[], accepted_values={}, relationships={}) %}
{%- set parts = [] -%}
{%- for column in unique -%}
    {%- do parts.append("select 'unique(" ~ column ~ ")' as failed_rule, cast(" ~ column ~ " as varchar) as failing_value"
        ~ " from " ~ model ~ " where " ~ column ~ " is not null group by " ~ column ~ " having count(*) > 1") -%}
{%- endfor -%}
{%- for column in not_null -%}
    {%- do parts.append("select 'not_null(" ~ column ~ ")' as failed_rule, null::varchar as failing_value"
        ~ " from " ~ model ~ " where " ~ column ~ " is null") -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
    {%- set allowed = [] -%}
    {%- for value in values -%}{%- do allowed.append("'" ~ (value | string | replace("'", "''")) ~ "'") -%}{%- endfor -%}
    {%- do parts.append("select 'accepted_values(" ~ column ~ ")' as failed_rule, cast(" ~ column ~ " as varchar) as failing_value"
        ~ " from " ~ model ~ " where " ~ column ~ " is not null and cast(" ~ column ~ " as varchar) not in ("
        ~ allowed | join(', ') ~ ") group by " ~ column) -%}
{%- endfor -%}
{%- for column, rule in relationships.items() -%}
    {%- do parts.append("select 'relationships(" ~ column ~ " -> " ~ rule.to.identifier ~ "." ~ rule.field ~ ")' as failed_rule,"
        ~ " cast(child." ~ column ~ " as varchar) as failing_value from (select * from " ~ model ~ ") as child"
        ~ " where child." ~ column ~ " is not null" ~ (" and (" ~ rule.where ~ ")" if rule.where else "")
        ~ " and not exists (select 1 from " ~ rule.to ~ " as parent where parent." ~ rule.field ~ " = child." ~ column ~ ")") -%}
{%- endfor -%}
{%- if parts -%}
{{ parts | join('\nunion all\n') }}
{%- else -%}
select null::varchar as failed_rule, null::varchar as failing_value where false
{%- endif %}
{% endtest %}
