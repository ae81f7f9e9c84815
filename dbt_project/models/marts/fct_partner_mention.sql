with mentions as (
    select * from {{ ref('stg_mentions') }}
    where entity_type = 'partner'
),

documents as (
    select document_id, language, published_date, ingested_at from {{ ref('dim_document') }} as d
    where status = 'ok' {{ only_new_documents('d') }}
),

partners as (
    select partner_id from {{ ref('dim_partner') }}
),

final as (
    select
        m.mention_id,
        m.document_id,
        m.partner_id,
        m.sentence_index,
        m.start_char,
        m.end_char,
        m.surface_text,
        m.mention_kind,
        d.language,
        d.published_date,
        d.ingested_at
    from mentions as m
    join documents as d using (document_id)
    join partners as p using (partner_id)
)

select * from final
