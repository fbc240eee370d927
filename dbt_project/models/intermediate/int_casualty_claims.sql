-- Every casualty claims claim with what its article adds: the publication date and whether the
-- article is a syndicated copy of an earlier one (the reconciled views skip those).
select
    claims.*,
    articles.published_at,
    coalesce(articles.is_syndicated_copy, false) as is_syndicated_copy
from {{ ref('stg_casualty_claims') }} as claims
left join {{ ref('stg_articles') }} as articles on articles.article_id = claims.article_id
