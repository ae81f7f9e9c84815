with source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        document_id,
        source_file,
        record_index,
        status,
        status_reason,
        language,
        language_confidence,
        title,
        published_date,
        published_date_source,
        published_date_text,
        body_text,
        char_count,
        file_format,
        encoding,
        url,
        headline_detected,
        boilerplate_removed,
        extractor_version,
        ingested_at
    from source
)

select * from renamed
