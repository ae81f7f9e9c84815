-- Every lexicon mention, whatever its entity type (partners, commodities, routes):
-- the wider view behind fct_partner_mention.
with mentions as (
    select * from {{ ref('stg_mentions') }}
),

documents as (
    select document_id, ingested_at from {{ ref('dim_document') }} as d
    where status = 'ok' {{ only_new_documents('d') }}
)

select
    m.mention_id,
    m.document_id,
    m.entity_type,
    m.entity_id,
    m.mention_kind,
    m.sentence_index,
    m.start_char,
    m.end_char,
    m.surface_text,
    d.ingested_at
from mentions as m
join documents as d using (document_id)
