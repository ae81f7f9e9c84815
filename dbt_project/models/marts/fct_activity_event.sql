-- One row per act that a sentence states between a partner and Kazakhstan (ACTIVITY.md),
-- coded by extract/activity; negations, comparisons and third-party dealings never get here.
with changed as (
    select document_id, language, published_date, ingested_at, body_text from {{ ref('dim_document') }} as d
    where status = 'ok' {{ only_new_documents('d') }}
),

events as (
    select * from {{ ref('stg_activity_events') }}
    where document_id in (select document_id from changed)
),

-- the sentence is cut from the changed documents' own text, sentence by sentence: stg_sentences'
-- sentence_text would read every document's text before the filter reached it (2 s on a run after
-- ten new files), and a document's whole text must not ride along with each event (a 3 MB article)
sentences as (
    select s.document_id, s.sentence_index, substr(c.body_text, s.start_char + 1, s.end_char - s.start_char) as sentence_text
    from {{ ref('stg_sentences') }} as s
    join changed as c using (document_id)
),

partners as (
    select partner_id from {{ ref('dim_partner') }}
),

final as (
    select
        e.event_id,
        e.document_id,
        e.partner_id,
        e.activity_type,
        e.sector,
        e.planned,
        e.sentence_index,
        e.start_char,
        e.end_char,
        e.surface_text,
        s.sentence_text as evidence_text,
        e.partner_start_char,
        e.partner_end_char,
        c.language,
        c.published_date,
        c.ingested_at
    from events as e
    join changed as c using (document_id)
    join partners as p using (partner_id)
    left join sentences as s
        on s.document_id = e.document_id and s.sentence_index = e.sentence_index
)

select * from final
