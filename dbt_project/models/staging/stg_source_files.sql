with source as (
    select * from {{ source('raw', 'source_files') }}
),

renamed as (
    select
        source_file,
        content_hash,
        size_bytes,
        file_format,
        n_documents,
        status,
        status_reason,
        processed_at
    from source
)

select * from renamed
