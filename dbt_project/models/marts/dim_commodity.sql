with commodities as (
    select * from {{ ref('commodities') }}
)

select commodity_id, commodity_name, category from commodities
