-- One row per tonnage tied to a commodity in the same sentence; rebuilt per document like the other
-- facts (macros/incremental_documents.sql): its rows come from its document's volumes and figures.
with changed as (
    select document_id, ingested_at from {{ ref('dim_document') }} as d
    where status = 'ok' {{ only_new_documents('d') }}
),

volumes as (
    select * from {{ ref('stg_export_volumes') }}
    where document_id in (select document_id from changed)
),

figures as (
    select figure_id, surface_text, start_char, end_char, language, published_date
    from {{ ref('fct_figure') }}
    where document_id in (select document_id from changed)
),

routes as (
    select route_id, bypasses_russia from {{ ref('dim_route') }}
),

final as (
    select
        v.figure_id,
        v.document_id,
        v.commodity_id,
        v.route_id,
        v.partner_id,
        v.volume_tonnes,
        v.volume_tonnes_max,
        v.qualifier,
        v.change,
        v.sentence_index,
        f.surface_text,
        f.start_char,
        f.end_char,
        r.bypasses_russia,
        f.language,
        f.published_date,
        c.ingested_at
    from volumes as v
    join figures as f using (figure_id)
    join changed as c using (document_id)
    left join routes as r using (route_id)
)

select * from final
