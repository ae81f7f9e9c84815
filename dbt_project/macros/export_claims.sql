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
