-- One row per export volume with the claim it belongs to (the bridge of fct_export_claim).
-- Matching, in SQL only (no pairwise join): volumes share a claim key (commodity, route, or the partner
-- when no route is named, period, change, qualifier class, point or range); inside a key they are sorted
-- by tonnage and a new claim starts where a tonnage is not the same figure as the one before it
-- (macros/export_claims.sql: within 1.5 %, or equal after rounding to the coarser precision).
--
-- Incremental: a volume can change only the claims of its own key (claim_partition), and there only
-- the claims beside its place in tonnage order: claims are runs of neighbours, so a claim with no change
-- beside it keeps its rows, its first row and its key. A build takes the volumes new since the last one
-- (or of a document loaded again) and the rows gone (their volume is no longer in fct_export_volume as
-- loaded then), recomputes the claims beside them with the new volumes, writes the rows whose claim
-- changed (delete+insert by figure_id), and the post-hook drops the rows gone. The result equals a full
-- build (tests/test_export_claim.py). A change to this SQL or its macros needs --full-refresh.
{%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list
        if is_incremental() else [] %}
{%- set incremental = 'claim_partition' in columns and 'ingested_at' in columns %}

{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='figure_id',
    on_schema_change='sync_all_columns',
    post_hook="{{ delete_claim_sources_of_gone_volumes() }}",
) }}

with volumes as (
    select
        figure_id, document_id, commodity_id, route_id, partner_id, volume_tonnes, volume_tonnes_max,
        qualifier, change, sentence_index, surface_text, language, published_date, ingested_at
    from {{ ref('fct_export_volume') }} as v
    where volume_tonnes > 0
    {%- if incremental %}
      -- new, or of a document loaded again, since the last build (as the per-document facts)
      and ingested_at > (select coalesce(max(ingested_at), timestamp '-infinity') from {{ this }})
    {%- endif %}
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

dated as (
    select v.*, d.period_year, d.period_month, {{ period_label('d.period_year', 'd.period_month') }} as period_label
    from volumes as v
    left join sentence_dates as d using (document_id, sentence_index)
),

{% if incremental -%}
new_sources as materialized (
    select *, {{ claim_partition() }} as claim_partition, {{ claim_order() }} as claim_order from dated
),

-- rows whose volume is no longer in fct_export_volume as loaded then: gone, non-ok, or loaded again
gone as materialized (
    select t.figure_id, t.claim_partition, {{ claim_order('t') }} as claim_order
    from {{ this }} as t
    anti join {{ ref('fct_export_volume') }} as v
        on v.figure_id = t.figure_id and v.ingested_at = t.ingested_at and v.volume_tonnes > 0
),

changes as (
    select claim_partition, claim_order from new_sources
    union all
    select claim_partition, claim_order from gone
),

-- the claims of the keys that changed, each from its first to its last row in claim order
spans as materialized (
    select claim_partition, claim_id, min({{ claim_order() }}) as first_order, max({{ claim_order() }}) as last_order
    from {{ this }}
    where claim_partition in (select claim_partition from changes)
    group by claim_partition, claim_id
),

-- for each change, the claims of the old rows just before and after its place (the claim it falls
-- inside, else the claims either side): the only claims whose breaks it can move
beside as (
    select
        coalesce(
            any_value(s.claim_id) filter (where s.first_order < c.claim_order and c.claim_order <= s.last_order),
            arg_max(s.claim_id, s.last_order) filter (where s.last_order < c.claim_order)) as claim_before,
        coalesce(
            any_value(s.claim_id) filter (where s.first_order <= c.claim_order and c.claim_order < s.last_order),
            arg_min(s.claim_id, s.first_order) filter (where s.first_order > c.claim_order)) as claim_after
    from changes as c
    join spans as s using (claim_partition)
    group by c.claim_partition, c.claim_order
),

reached as (
    select claim_id from (select claim_before as claim_id from beside union select claim_after from beside)
    where claim_id is not null
),

-- recomputed rows between two claims that stay are numbered apart (claim_run: how many stay before them)
kept as (
    select claim_partition, first_order from spans anti join reached using (claim_id)
),

reached_runs as (
    select s.claim_id, count(k.first_order) as claim_run
    from spans as s
    semi join reached using (claim_id)
    left join kept as k on k.claim_partition = s.claim_partition and k.first_order < s.first_order
    group by s.claim_id
),

new_runs as (
    select n.figure_id, count(k.first_order) as claim_run
    from new_sources as n
    left join kept as k on k.claim_partition = n.claim_partition and k.first_order < n.claim_order
    group by n.figure_id
),

sources as (
    select
        t.figure_id, t.document_id, t.commodity_id, t.route_id, t.partner_id, t.volume_tonnes, t.volume_tonnes_max,
        t.qualifier, t.change, t.sentence_index, t.surface_text, t.language, t.published_date, t.ingested_at,
        t.period_year, t.period_month, t.period_label, t.claim_partition, r.claim_run,
        t.claim_key as previous_claim_key
    from {{ this }} as t
    join reached_runs as r using (claim_id)
    anti join gone as g using (figure_id)
    union all by name
    select n.* exclude (claim_order), r.claim_run
    from new_sources as n
    join new_runs as r using (figure_id)
),
{%- else -%}
sources as (
    select *, {{ claim_partition() }} as claim_partition, 0 as claim_run from dated
),
{%- endif %}

keyed as (
    select
        *,
        {{ claim_match_columns() }},
        {{ tonnage_precision('volume_tonnes') }} as precision_tonnes,
        {{ tonnage_precision('volume_tonnes_max') }} as precision_max_tonnes
    from sources
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
        partition by {{ claim_match_key() }}, claim_run
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
            partition by {{ claim_match_key() }}, claim_run
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
        partition by {{ claim_match_key() }}, claim_run, claim_number
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
        published_date,
        claim_partition,
        ingested_at
    from anchored
    {%- if incremental %}
    -- a row whose claim is as it was needs no writing
    where claim_key is distinct from previous_claim_key
    {%- endif %}
)

select * from final
