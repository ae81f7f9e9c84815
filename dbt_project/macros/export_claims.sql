{#- Helpers of fct_export_claim_source: how two tonnages count as the same stated figure. -#}

{% macro tonnage_precision(v) -%}
    {#- the place value of the last significant digit of a whole tonnage: 3 800 000 -> 100 000, 3 820 000 -> 10 000 -#}
    case
        when {{ v }} is null or {{ v }} <> round({{ v }}) then 0
        {%- for k in range(10, 0, -1) %}
        when {{ v }} % {{ 10 ** k }} = 0 then {{ 10 ** k }}
        {%- endfor %}
        else 1
    end
{%- endmacro %}

{% macro same_tonnage(a, pa, b, pb) -%}
    {#- within 1.5 %, or equal after rounding the finer figure to the coarser one's precision (at most 5 % apart) -#}
    (
        abs({{ a }} - {{ b }}) <= 0.015 * greatest({{ a }}, {{ b }})
        or (
            abs({{ a }} - {{ b }}) <= 0.05 * greatest({{ a }}, {{ b }})
            and (
                ({{ pa }} >= {{ pb }} and {{ pa }} > 0 and round({{ b }} / {{ pa }}) * {{ pa }} = {{ a }})
                or ({{ pb }} > {{ pa }} and round({{ a }} / {{ pb }}) * {{ pb }} = {{ b }})
            )
        )
    )
{%- endmacro %}

{% macro claim_channel(route_id, partner_id) -%}
    {#- the route when the sentence names one, else its partner: a volume with a route never meets one without -#}
    coalesce('route:' || {{ route_id }}, 'partner:' || {{ partner_id }}, '-')
{%- endmacro %}

{% macro qualifier_class(qualifier) -%}
    case
        when {{ qualifier }} in ('more_than', 'at_least') then 'lower_bound'
        when {{ qualifier }} in ('less_than', 'up_to') then 'upper_bound'
        else 'point'
    end
{%- endmacro %}

{% macro period_label(year, month) -%}
    case
        when {{ year }} is not null and {{ month }} is not null then printf('%04d-%02d', {{ year }}, {{ month }})
        when {{ year }} is not null then printf('%04d', {{ year }})
        when {{ month }} is not null then printf('--%02d', {{ month }})
    end
{%- endmacro %}

{% macro claim_match_columns() -%}
    {#- the parts of the matching key that are not columns of fct_export_volume -#}
    {{ claim_channel('route_id', 'partner_id') }} as channel,
    {{ qualifier_class('qualifier') }} as qualifier_class,
    volume_tonnes_max is not null as is_range
{%- endmacro %}

{% macro claim_match_key() -%}
    {#- volumes are numbered into claims inside this key -#}
    commodity_id, channel, period_label, change, qualifier_class, is_range
{%- endmacro %}

{% macro claim_partition() -%}
    {#- the matching key as one text (crude_oil|route:btc|2025|level|point|single), stored with each row:
        an incremental build finds the rows of a key by it -#}
    concat_ws('|', commodity_id, {{ claim_channel('route_id', 'partner_id') }}, coalesce(period_label, '-'), change,
        {{ qualifier_class('qualifier') }}, case when volume_tonnes_max is null then 'single' else 'range' end)
{%- endmacro %}

{% macro claim_order(alias=none) -%}
    {#- a volume's place in claim order inside its key (the order of the numbering windows; a key's
        volumes are all ranges or all single figures, so the coalesce orders nothing differently) -#}
    {%- set a = alias ~ '.' if alias else '' -%}
    struct_pack(tonnes := {{ a }}volume_tonnes, tonnes_max := coalesce({{ a }}volume_tonnes_max, 0),
                figure_id := {{ a }}figure_id)
{%- endmacro %}

{% macro delete_claim_sources_of_gone_volumes() -%}
    {#- post-hook: rows of volumes gone or loaded again (delete+insert replaced only the recomputed ones), and
        rows of a table built before the bridge was incremental -#}
    {%- if is_incremental() -%}
    delete from {{ this }} as t
    where t.claim_partition is null or not exists (
        select 1 from {{ ref('fct_export_volume') }} as v
        where v.figure_id = t.figure_id and v.ingested_at = t.ingested_at and v.volume_tonnes > 0
    )
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
