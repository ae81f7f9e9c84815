-- Every lexicon mention, whatever its entity type (partners, commodities, routes):
-- the wider view behind fct_partner_mention.
with mentions as (
    select * from {{ ref('stg_mentions') }}
),

documents as (
    select document_id from {{ ref('dim_document') }} where status = 'ok'
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
    m.surface_text
from mentions as m
join documents as d using (document_id)
