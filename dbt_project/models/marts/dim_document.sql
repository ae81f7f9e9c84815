with documents as (
    select * from {{ ref('stg_documents') }} as d
    where true {{ only_new_documents('d') }}
),

facts as (
    select
        document_id,
        count(*) filter (where entity_type = 'partner') as partner_mention_count
    from {{ ref('stg_mentions') }}
    where document_id in (select document_id from documents)
    group by 1
),

figures as (
    select document_id, count(*) as figure_count from {{ ref('stg_figures') }}
    where document_id in (select document_id from documents)
    group by 1
),

final as (
    select
        d.document_id,
        d.source_file,
        d.record_index,
        d.status,
        d.status_reason,
        d.language,
        d.language_confidence,
        d.title,
        d.published_date,
        d.published_date_source,
        d.published_date_text,
        d.body_text,
        d.char_count,
        d.file_format,
        d.encoding,
        d.url,
        d.headline_detected,
        d.boilerplate_removed,
        coalesce(f.partner_mention_count, 0) as partner_mention_count,
        coalesce(g.figure_count, 0) as figure_count,
        d.ingested_at
    from documents as d
    left join facts as f using (document_id)
    left join figures as g using (document_id)
)

select * from final
