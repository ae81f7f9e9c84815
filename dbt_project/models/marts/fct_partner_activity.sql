-- One row per document x partner x activity type. Evidence comes per sentence
-- from the extractor; here it is rolled up, with the first sentence as evidence
-- and the number of the partner's mentions in the sentences that carry it.
with changed as (
    select document_id, ingested_at from {{ ref('dim_document') }} as d
    where status = 'ok' {{ only_new_documents('d') }}
),

evidence as (
    select distinct document_id, partner_id, activity_type, sentence_index
    from {{ ref('stg_activity_evidence') }}
    where document_id in (select document_id from changed)
),

mentions as (
    select document_id, partner_id, sentence_index, count(*) as mentions_in_sentence
    from {{ ref('fct_partner_mention') }}
    where document_id in (select document_id from changed)
    group by 1, 2, 3
),

sentences as (
    select document_id, sentence_index, sentence_text from {{ ref('stg_sentences') }}
    where document_id in (select document_id from changed)
),

rolled as (
    select
        e.document_id,
        e.partner_id,
        e.activity_type,
        min(e.sentence_index) as first_sentence_index,
        count(*) as sentence_count,
        sum(coalesce(m.mentions_in_sentence, 0)) as mention_count
    from evidence as e
    left join mentions as m using (document_id, partner_id, sentence_index)
    group by 1, 2, 3
),

final as (
    select
        r.document_id,
        r.partner_id,
        r.activity_type,
        s.sentence_text as evidence_text,
        r.mention_count,
        r.first_sentence_index,
        r.sentence_count,
        c.ingested_at
    from rolled as r
    join changed as c using (document_id)
    left join sentences as s
        on s.document_id = r.document_id and s.sentence_index = r.first_sentence_index
    where r.partner_id in (select partner_id from {{ ref('dim_partner') }})
)

select * from final
