-- One row per stated export fact: the volumes of fct_export_claim_source that share a claim_id.
with sources as (
    select * from {{ ref('fct_export_claim_source') }}
),

final as (
    select
        claim_id,
        any_value(claim_key) as claim_key,
        any_value(commodity_id) as commodity_id,
        any_value(route_id) as route_id,
        -- with a route, the partner when every source that names one names the same
        case when count(distinct partner_id) = 1 then min(partner_id) end as partner_id,
        any_value(period_label) as period_label,
        any_value(period_year) as period_year,
        any_value(period_month) as period_month,
        median(volume_tonnes) as volume_tonnes,
        min(volume_tonnes) as volume_tonnes_min,
        max(coalesce(volume_tonnes_max, volume_tonnes)) as volume_tonnes_max,
        bool_or(volume_tonnes_max is not null) as is_range,
        case
            when count(distinct qualifier) = 1 then min(qualifier)
            when bool_and(qualifier in ('exact', 'approx')) then 'approx'
            else mode(qualifier)
        end as qualifier,
        any_value(change) as change,
        count(distinct document_id) as n_documents,
        count(distinct language) as n_languages,
        count(*) as n_figures,
        list(distinct document_id order by document_id) as document_ids,
        list(distinct language order by language) filter (where language is not null) as languages,
        min(published_date) as first_published_date,
        max(published_date) as last_published_date
    from sources
    group by claim_id
)

select * from final
