{#- Fails on rows whose window ends before it starts. -#}
{% test ordered_dates(model, start_column, end_column) %}
select *
from {{ model }}
where {{ start_column }} > {{ end_column }}
{% endtest %}
