{#- Fails on rows whose list column does not hold exactly `count_column` items
    (e.g. claim_ids against n_claims). -#}
{% test list_length_matches(model, column_name, count_column) %}
select *
from {{ model }}
where len({{ column_name }}) <> {{ count_column }}
{% endtest %}
