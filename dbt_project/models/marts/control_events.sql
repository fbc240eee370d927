-- One row per real-world change of control: control-change claims about the same place,
-- in the same direction and with overlapping date windows, merged (see the YAML for the
-- full rules). Claims from syndicated copies are left out so each text counts once.

with claims as (
    select
        claim_id,
        article_id,
        claimant,
        place_name,
        place_id,
        admin1,
        latitude,
        longitude,
        new_controller,
        previous_controller,
        change_type,
        place_type,
        geo_precision,
        published_at,
        -- a claim dated to a day or two, not a vague "last week": the event's date prefers these
        date_precision = 'day' or (date_end is not null and date_start is not null
            and date_end - date_start <= 1) as is_precise,
        -- same place: gazetteer id, else normalised name; a placeless claim stays alone
        coalesce({{ place_key('place_id', 'place_name') }}, 'claim:' || claim_id) as place_key,
        -- same direction: hts / opposition / sna are one side
        {{ actor_side('new_controller') }} as side,
        least(coalesce(date_start, date_end), coalesce(date_end, date_start)) as window_start,
        greatest(coalesce(date_start, date_end), coalesce(date_end, date_start)) as window_end
    from {{ ref('int_control_changes') }}
    where is_syndicated_copy is not true
),

dated as (
    select * from claims where window_start is not null
),

-- Dated claims in window order within place and side, with what came before them.
dated_ordered as (
    select
        dated.*,
        lag(window_start) over (
            partition by place_key, side order by window_start, window_end, claim_id
        ) as previous_start,
        max(window_end) over (
            partition by place_key, side order by window_start, window_end, claim_id
            rows between unbounded preceding and 1 preceding
        ) as previous_max_end
    from dated
),

-- A dated claim opens a new event when its window starts after every earlier window
-- (plus the tolerance), or when a claim of another side is dated between it and the
-- claim before it (a recapture in between makes a later capture a new event).
dated_flagged as (
    select
        ordered.*,
        case
            when ordered.previous_max_end is null then 1
            when ordered.window_start
                > ordered.previous_max_end + {{ var('control_merge_tolerance_days') }} then 1
            when exists (
                select 1
                from dated as other
                where other.place_key = ordered.place_key
                    and other.side <> ordered.side
                    and other.side <> 'unknown'
                    and other.window_start > ordered.previous_start
                    and other.window_start < ordered.window_start
            ) then 1
            else 0
        end as opens_event
    from dated_ordered as ordered
),

dated_members as (
    select
        *,
        sum(opens_event) over (
            partition by place_key, side order by window_start, window_end, claim_id
            rows between unbounded preceding and current row
        ) as island_no
    from dated_flagged
),

islands as (
    select
        place_key,
        side,
        island_no,
        min(window_start) as island_start,
        max(window_end) as island_end
    from dated_members
    group by place_key, side, island_no
),

undated as (
    select * from claims where window_start is null
),

-- An undated claim joins the latest event of its place and side that began on or before
-- its article was published, unless a claim of another side is dated after that event
-- and on or before the publication date.
undated_candidates as (
    select
        undated.claim_id,
        islands.island_no,
        islands.island_end
    from undated
    left join islands
        on islands.place_key = undated.place_key
        and islands.side = undated.side
        and (undated.published_at is null or islands.island_start <= undated.published_at)
    qualify row_number() over (
        partition by undated.claim_id order by islands.island_start desc nulls last
    ) = 1
),

undated_members as (
    select
        undated.*,
        case
            when candidates.island_no is not null and not exists (
                select 1
                from dated as other
                where other.place_key = undated.place_key
                    and other.side <> undated.side
                    and other.side <> 'unknown'
                    and other.window_start > candidates.island_end
                    and (undated.published_at is null or other.window_start <= undated.published_at)
            ) then candidates.island_no
        end as island_no,
        -- for undated claims that join no dated event: the latest claim of another side
        -- dated before publication; undated claims sharing it are one event
        (
            select max(other.window_start)
            from dated as other
            where other.place_key = undated.place_key
                and other.side <> undated.side
                and other.side <> 'unknown'
                and (undated.published_at is null or other.window_start <= undated.published_at)
        ) as after_opposite
    from undated
    inner join undated_candidates as candidates on candidates.claim_id = undated.claim_id
),

members as (
    select
        claim_id, article_id, claimant, place_name, place_id, admin1, latitude, longitude,
        new_controller, previous_controller, change_type, place_type, geo_precision, is_precise,
        published_at, place_key, side, window_start, window_end,
        concat_ws('|', place_key, side, 'dated', island_no) as event_key
    from dated_members
    union all
    select
        claim_id, article_id, claimant, place_name, place_id, admin1, latitude, longitude,
        new_controller, previous_controller, change_type, place_type, geo_precision, is_precise,
        published_at, place_key, side, window_start, window_end,
        case
            when island_no is not null then concat_ws('|', place_key, side, 'dated', island_no)
            else concat_ws('|', place_key, side, 'undated', coalesce(cast(after_opposite as varchar), 'start'))
        end as event_key
    from undated_members
),

-- Values voted on per event: the most frequent wins; for actor ids a specific id beats
-- a generic one ("hts" before "opposition") whatever the counts.
votes as (
    select event_key, 'place_name' as field, place_name as value, 1 as specificity from members
    union all
    select event_key, 'new_controller', new_controller, {{ actor_specificity('new_controller') }} from members
    union all
    select event_key, 'previous_controller', previous_controller, {{ actor_specificity('previous_controller') }} from members
    union all
    select event_key, 'change_type', change_type, 1 from members
    union all
    select event_key, 'place_type', place_type, 1 from members
    union all
    select event_key, 'geo_precision', geo_precision, 1 from members
),

winners as (
    select event_key, field, value
    from (
        select event_key, field, value, specificity, count(*) as n_votes
        from votes
        where value is not null
        group by event_key, field, value, specificity
    )
    qualify row_number() over (
        partition by event_key, field order by specificity desc, n_votes desc, value
    ) = 1
),

events as (
    select
        event_key,
        any_value(place_key) as place_key,
        any_value(side) as side,
        min(claim_id) as first_claim_id,
        max(place_id) as place_id,
        max(admin1) as admin1,
        max(latitude) as latitude,
        max(longitude) as longitude,
        -- the date range comes from the precise claims when there are any, so a vague
        -- "last week" never widens what dated claims say
        coalesce(max(window_start) filter (where is_precise), max(window_start)) as latest_start,
        coalesce(min(window_end) filter (where is_precise), min(window_end)) as earliest_end,
        coalesce(min(window_start) filter (where is_precise), min(window_start)) as earliest_start,
        coalesce(max(window_end) filter (where is_precise), max(window_end)) as latest_end,
        count(*) as n_claims,
        count(distinct article_id) as n_articles,
        count(distinct claimant) as n_claimants,
        list_sort(list_distinct(list(claimant))) as claimants,
        min(published_at) as first_reported,
        max(published_at) as last_reported,
        list_sort(list(claim_id)) as claim_ids
    from members
    group by event_key
)

select
    cast({{ short_hash(['events.place_key', 'events.side', 'events.first_claim_id']) }} as varchar)
        as event_id,
    cast(place_name.value as varchar) as place_name,
    cast(events.place_id as varchar) as place_id,
    cast(events.latitude as double) as latitude,
    cast(events.longitude as double) as longitude,
    cast(new_controller.value as varchar) as new_controller,
    cast(previous_controller.value as varchar) as previous_controller,
    cast(change_type.value as varchar) as change_type,
    -- tightest range all dated claims support; the widest when they do not intersect
    cast(case when events.latest_start <= events.earliest_end
        then events.latest_start else events.earliest_start end as date) as date_start,
    cast(case when events.latest_start <= events.earliest_end
        then events.earliest_end else events.latest_end end as date) as date_end,
    cast(events.n_claims as bigint) as n_claims,
    cast(events.n_articles as bigint) as n_articles,
    cast(events.n_claimants as bigint) as n_claimants,
    cast(events.claimants as varchar[]) as claimants,
    cast(events.first_reported as date) as first_reported,
    cast(events.last_reported as date) as last_reported,
    cast(events.claim_ids as varchar[]) as claim_ids,
    cast(events.place_key as varchar) as place_key,
    cast(events.side as varchar) as side,
    cast(events.admin1 as varchar) as admin1,
    cast(place_type.value as varchar) as place_type,
    cast(geo_precision.value as varchar) as geo_precision
from events
left join winners as place_name
    on place_name.event_key = events.event_key and place_name.field = 'place_name'
left join winners as new_controller
    on new_controller.event_key = events.event_key and new_controller.field = 'new_controller'
left join winners as previous_controller
    on previous_controller.event_key = events.event_key and previous_controller.field = 'previous_controller'
left join winners as change_type
    on change_type.event_key = events.event_key and change_type.field = 'change_type'
left join winners as place_type
    on place_type.event_key = events.event_key and place_type.field = 'place_type'
left join winners as geo_precision
    on geo_precision.event_key = events.event_key and geo_precision.field = 'geo_precision'
