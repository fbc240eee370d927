-- Latest known controller per place: the last event in the place's timeline that
-- handed it over, with when that happened and the event behind it. Only settlements and
-- admin1 areas hold territory here: roads, prisons, bases, airports and "N villages"
-- phrases keep their control events (control_events, territorial_control_history) but
-- are no row of this map.
with history as (
    select
        *,
        count(*) over (partition by place_key) as n_events
    from {{ ref('territorial_control_history') }}
)

select
    cast(place_key as varchar) as place_key,
    cast(place_name as varchar) as place_name,
    cast(place_id as varchar) as place_id,
    cast(latitude as double) as latitude,
    cast(longitude as double) as longitude,
    cast(controller_after as varchar) as controller,
    cast(event_date as date) as controlled_since,
    cast(date_start is null as boolean) as since_is_report_date,
    cast(controller_before as varchar) as previous_controller,
    cast(event_id as varchar) as event_id,
    cast(change_type as varchar) as change_type,
    cast(n_claims as bigint) as n_claims,
    cast(n_articles as bigint) as n_articles,
    cast(last_reported as date) as last_reported,
    cast(n_events as bigint) as n_events,
    cast(geo_precision as varchar) as geo_precision,
    cast(admin1 as varchar) as admin1,
    cast(place_type as varchar) as place_type
from history
where transfers_control
    and place_type in ({% for t in var('territory_place_types') %}'{{ t }}'{{ ", " if not loop.last }}{% endfor %})
qualify row_number() over (partition by place_key order by event_seq desc) = 1
