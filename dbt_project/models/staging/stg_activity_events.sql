with source as (
    select * from {{ source('raw', 'activity_events') }}
),

renamed as (
    select
        event_id,
        document_id,
        partner_id,
        activity_type,
        sector,
        planned,
        sentence_index,
        start_char,
        end_char,
        surface_text,
        partner_start_char,
        partner_end_char
    from source
)

select * from renamed
