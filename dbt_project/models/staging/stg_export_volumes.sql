with source as (
    select * from {{ source('raw', 'export_volumes') }}
),

renamed as (
    select
        figure_id,
        document_id,
        commodity_id,
        route_id,
        partner_id,
        volume_tonnes,
        volume_tonnes_max,
        qualifier,
        change,
        sentence_index
    from source
)

select * from renamed
