with source as (
    select * from {{ source('raw', 'figures') }}
),

renamed as (
    select
        figure_id,
        document_id,
        kind,
        value,
        value_max,
        unit,
        qualifier,
        change,
        date_year,
        date_month,
        date_day,
        weekday,
        date_resolved,
        sentence_index,
        start_char,
        end_char,
        surface_text
    from source
)

select * from renamed
