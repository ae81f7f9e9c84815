-- One row per export volume with the claim it belongs to (the bridge of fct_export_claim).
-- Matching, in SQL only (no pairwise join): volumes share a claim key (commodity, route, or the partner
-- when no route is named, period, change, qualifier class, point or range); inside a key they are sorted
-- by tonnage and a new claim starts where a tonnage is not the same figure as the one before it
-- (macros/export_claims.sql: within 1.5 %, or equal after rounding to the coarser precision).
with volumes as (
    select
        figure_id, document_id, commodity_id, route_id, partner_id, volume_tonnes, volume_tonnes_max,
        qualifier, change, sentence_index, surface_text, language, published_date
    from {{ ref('fct_export_volume') }}
    where volume_tonnes > 0
),

-- where each document's dateline or byline sits: its date is when the article was written, not the
-- period of the volumes in the lead sentence ("BURGAS, 4 July – A tanker with 100,000 tonnes ...")
datelines as (
    select document_id, strpos(body_text, published_date_text) - 1 as dateline_start,
           length(published_date_text) as dateline_length
    from {{ ref('dim_document') }}
    where published_date_text is not null and document_id in (select document_id from volumes)
),

-- the period a volume is about: the first date in its sentence that states a year or a month
sentence_dates as (
    select
        f.document_id,
        f.sentence_index,
        coalesce(f.date_year, year(f.date_resolved)) as period_year,
        f.date_month as period_month
    from {{ ref('fct_figure') }} as f
    left join datelines as dl using (document_id)
    where f.kind = 'date'
      and (f.date_year is not null or f.date_month is not null)
      and f.document_id in (select document_id from volumes)
      and not coalesce(dl.dateline_start >= 0 and f.start_char >= dl.dateline_start
                       and f.end_char <= dl.dateline_start + dl.dateline_length, false)
    qualify row_number() over (partition by f.document_id, f.sentence_index order by f.start_char) = 1
),

keyed as (
    select
        v.*,
        d.period_year,
        d.period_month,
        case
            when d.period_year is not null and d.period_month is not null
                then printf('%04d-%02d', d.period_year, d.period_month)
            when d.period_year is not null then printf('%04d', d.period_year)
            when d.period_month is not null then printf('--%02d', d.period_month)
        end as period_label,
        coalesce('route:' || v.route_id, 'partner:' || v.partner_id, '-') as channel,
        case
            when v.qualifier in ('more_than', 'at_least') then 'lower_bound'
            when v.qualifier in ('less_than', 'up_to') then 'upper_bound'
            else 'point'
        end as qualifier_class,
        v.volume_tonnes_max is not null as is_range,
        {{ tonnage_precision('v.volume_tonnes') }} as precision_tonnes,
        {{ tonnage_precision('v.volume_tonnes_max') }} as precision_max_tonnes
    from volumes as v
    left join sentence_dates as d using (document_id, sentence_index)
),

ordered as (
    select
        *,
        lag(volume_tonnes) over w as prev_tonnes,
        lag(precision_tonnes) over w as prev_precision,
        lag(volume_tonnes_max) over w as prev_max,
        lag(precision_max_tonnes) over w as prev_precision_max
    from keyed
    window w as (
        partition by commodity_id, channel, period_label, change, qualifier_class, is_range
        order by volume_tonnes, volume_tonnes_max, figure_id
    )
),

breaks as (
    select
        *,
        case
            when prev_tonnes is null then 1
            when not {{ same_tonnage('prev_tonnes', 'prev_precision', 'volume_tonnes', 'precision_tonnes') }} then 1
            when is_range and not {{ same_tonnage('prev_max', 'prev_precision_max', 'volume_tonnes_max', 'precision_max_tonnes') }} then 1
            else 0
        end as starts_claim
    from ordered
),

numbered as (
    select
        *,
        sum(starts_claim) over (
            partition by commodity_id, channel, period_label, change, qualifier_class, is_range
            order by volume_tonnes, volume_tonnes_max, figure_id
            rows between unbounded preceding and current row
        ) as claim_number
    from breaks
),

anchored as (
    -- a claim's key: its matching key and its first (smallest) tonnage, so it stays put as sources are
    -- added above it; readable (crude_oil|route:btc|2025|increase|point|1500000), claim_id is its hash
    select
        *,
        concat_ws('|', commodity_id, channel, coalesce(period_label, '-'), change, qualifier_class,
            cast(round(first_value(volume_tonnes) over c) as bigint)
            || coalesce('-' || cast(round(first_value(volume_tonnes_max) over c) as bigint), '')) as claim_key
    from numbered
    window c as (
        partition by commodity_id, channel, period_label, change, qualifier_class, is_range, claim_number
        order by volume_tonnes, volume_tonnes_max, figure_id
    )
),

final as (
    select
        substr(md5(claim_key), 1, 16) as claim_id,
        claim_key,
        document_id,
        figure_id,
        commodity_id,
        route_id,
        partner_id,
        period_label,
        period_year,
        period_month,
        volume_tonnes,
        volume_tonnes_max,
        qualifier,
        change,
        sentence_index,
        surface_text,
        language,
        published_date
    from anchored
)

select * from final
