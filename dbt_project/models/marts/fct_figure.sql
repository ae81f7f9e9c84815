with figures as (
    select * from {{ ref('stg_figures') }}
),

documents as (
    select document_id, language, published_date, ingested_at from {{ ref('dim_document') }} as d
    where status = 'ok' {{ only_new_documents('d') }}
),

final as (
    select
        f.figure_id,
        f.document_id,
        f.kind,
        f.value,
        f.value_max,
        f.unit,
        f.qualifier,
        -- change is for masses only (contract)
        case when f.kind = 'mass' then coalesce(f.change, 'level') end as change,
        f.date_year,
        f.date_month,
        f.date_day,
        f.weekday,
        f.date_resolved,
        f.sentence_index,
        f.start_char,
        f.end_char,
        f.surface_text,
        d.language,
        d.published_date,
        d.ingested_at
    from figures as f
    join documents as d using (document_id)
)

select * from final
