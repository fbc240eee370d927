{#- Fails on rows whose evidence offsets cannot be a span of the article text: negative,
    empty, or not as long as the evidence sentence (text[start:end] = evidence_text). -#}
{% test evidence_offsets(model, text_column='evidence_text', start_column='evidence_start',
                         end_column='evidence_end') %}
select *
from {{ model }}
where {{ start_column }} < 0
   or {{ end_column }} <= {{ start_column }}
   or {{ end_column }} - {{ start_column }} <> length({{ text_column }})
{% endtest %}
