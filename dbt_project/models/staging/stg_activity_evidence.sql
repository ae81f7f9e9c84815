with source as (
    select * from {{ source('raw', 'activity_evidence') }}
),

renamed as (
    select
        document_id,
        partner_id,
        activity_type,
        sentence_index,
        trigger_word
    from source
)

select * from renamed
