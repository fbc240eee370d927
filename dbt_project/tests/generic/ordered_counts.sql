{#- Fails on rows whose count range is out of order: low <= best <= high wherever both
    sides are known (UCDP style; best may be null for vague amounts). -#}
{% test ordered_counts(model, low, best, high) %}
select *
from {{ model }}
where {{ low }} > {{ best }}
   or {{ best }} > {{ high }}
   or {{ low }} > {{ high }}
   or {{ low }} < 0
{% endtest %}
