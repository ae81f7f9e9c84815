-- depends_on: {{ ref('dim_document') }}
-- One row per document x partner x activity type: fct_activity_event grouped, with the
-- first event's sentence as evidence. Its pairs are what score.py compares with the gold.
with events as (
    select * from {{ ref('fct_activity_event') }} as e
    where true {{ only_new_documents('e') }}
),

grouped as (
    select
        document_id,
        partner_id,
        activity_type,
        list_sort(list_distinct(list(sector))) as sectors,
        arg_min(evidence_text, sentence_index) as evidence_text,  -- the sentence of the first event
        count(*) as event_count,
        min(sentence_index) as first_sentence_index,
        bool_and(planned) as planned_only,
        any_value(language) as language,
        any_value(published_date) as published_date,
        max(ingested_at) as ingested_at
    from events
    group by 1, 2, 3
)

select * from grouped
