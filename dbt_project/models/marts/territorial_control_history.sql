-- Timeline of control per place: one row per control event, in date order, with the
-- controller before and after it. Events without a place are left out.
{%- set non_transfer = var('non_transfer_change_types') %}

with events as (
    select
        *,
        -- does this event hand the place over? (an encirclement does not)
        new_controller is not null
            {%- if non_transfer %}
            and coalesce(change_type, '') not in (
                {%- for t in non_transfer %}'{{ t }}'{{ ", " if not loop.last }}{% endfor -%}
            )
            {%- endif %} as transfers_control,
        -- when it happened; an undated event is placed at its first report
        coalesce(date_start, date_end, first_reported) as event_date
    from {{ ref('control_events') }}
    where place_key not like 'claim:%'
),

ordered as (
    select
        *,
        row_number() over (
            partition by place_key
            order by event_date nulls first, last_reported nulls first, event_id
        ) as event_seq
    from events
),

with_earlier as (
    select
        *,
        -- the controller left by the latest earlier event that transferred control
        last_value(case when transfers_control then new_controller end ignore nulls) over (
            partition by place_key order by event_seq
            rows between unbounded preceding and 1 preceding
        ) as earlier_controller
    from ordered
)

select
    cast(place_key as varchar) as place_key,
    cast(place_name as varchar) as place_name,
    cast(place_id as varchar) as place_id,
    cast(latitude as double) as latitude,
    cast(longitude as double) as longitude,
    cast(admin1 as varchar) as admin1,
    cast(geo_precision as varchar) as geo_precision,
    cast(place_type as varchar) as place_type,
    cast(event_seq as bigint) as event_seq,
    cast(event_id as varchar) as event_id,
    cast(change_type as varchar) as change_type,
    cast(date_start as date) as date_start,
    cast(date_end as date) as date_end,
    cast(event_date as date) as event_date,
    cast(transfers_control as boolean) as transfers_control,
    cast(coalesce(earlier_controller, previous_controller) as varchar) as controller_before,
    cast(case when transfers_control then new_controller
        else coalesce(earlier_controller, previous_controller) end as varchar) as controller_after,
    cast(previous_controller as varchar) as claimed_previous_controller,
    cast(n_claims as bigint) as n_claims,
    cast(n_articles as bigint) as n_articles,
    cast(first_reported as date) as first_reported,
    cast(last_reported as date) as last_reported
from with_earlier
