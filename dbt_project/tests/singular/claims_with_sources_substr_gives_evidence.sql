-- The 1-based columns give the evidence back in SQL: substr(text, evidence_substr_start,
-- evidence_length) = evidence_text for every claim (rows returned are failures).
select claims.claim_id
from {{ ref('claims_with_sources') }} as claims
inner join {{ ref('dim_articles') }} as articles on articles.article_id = claims.article_id
where substr(articles.text, claims.evidence_substr_start, claims.evidence_length) <> claims.evidence_text
{%- if check_scope_active() %}
    and {{ scope_filter('claims.article_id') }}  -- an incremental refresh: the rows it wrote
{%- endif %}
