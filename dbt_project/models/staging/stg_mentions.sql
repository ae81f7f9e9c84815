with source as (
    select * from {{ source('raw', 'mentions') }}
),

renamed as (
    select
        mention_id,
        document_id,
        entity_type,
        entity_id,
        case when entity_type = 'partner' then entity_id end as partner_id,
        mention_kind,
        sentence_index,
        start_char,
        end_char,
        surface_text
    from source
)

select * from renamed
