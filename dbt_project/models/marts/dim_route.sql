with routes as (
    select * from {{ ref('routes') }}
)

select route_id, route_name, mode, bypasses_russia from routes
