-- The controller of a place is the controller after the last transferring event of
-- its timeline; only places that hold territory (settlements, admin1 areas) are rows.
with last_transfer as (
    select place_key, controller_after
    from {{ ref('territorial_control_history') }}
    where transfers_control
        and place_type in ({% for t in var('territory_place_types') %}'{{ t }}'{{ ", " if not loop.last }}{% endfor %})
    qualify row_number() over (partition by place_key order by event_seq desc) = 1
)

select coalesce(control.place_key, last_transfer.place_key) as place_key
from {{ ref('territorial_control') }} as control
full outer join last_transfer on last_transfer.place_key = control.place_key
where control.place_key is null
   or last_transfer.place_key is null
   or control.controller is distinct from last_transfer.controller_after
