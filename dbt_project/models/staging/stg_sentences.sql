with sentences as (
    select * from {{ source('raw', 'sentences') }}
),

documents as (
    select document_id, body_text from {{ source('raw', 'documents') }}
),

joined as (
    select
        s.document_id,
        s.sentence_index,
        s.start_char,
        s.end_char,
        substr(d.body_text, s.start_char + 1, s.end_char - s.start_char) as sentence_text
    from sentences as s
    join documents as d using (document_id)
)

select * from joined
