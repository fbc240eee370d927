-- Articles with the number of exact copies recorded in raw.article_copies.
with copies as (
    select article_id, count(*) as n_copies
    from {{ ref('stg_article_copies') }}
    group by article_id
)

select
    articles.*,
    coalesce(copies.n_copies, 0) as n_copies
from {{ ref('stg_articles') }} as articles
left join copies on copies.article_id = articles.article_id
