{#
  What a data test reads (warehouse/scope.py). On a full build, every row. On an incremental build
  (a few documents loaded since the last build whose tests all passed), the big per-document facts
  are tested on the rows of the documents loaded since then: raw._dbt_scope.changed_since, written
  by the Dagster asset before `dbt build`, is read by the test's SQL at run time (a dbt var would
  make dbt parse the whole project again on every run). Ids of these facts start with their document's
  id, so unique tests on the changed rows miss no duplicate; relationships tests check the changed
  rows against the whole parent table. Everything else (documents, claims) is tested whole every
  time; an incremental build does not test the staging views and the tables made from seeds alone
  (orchestration/assets/dbt.py: the last full build made and tested them). The filtered relation is
  a subquery without an alias (DuckDB needs none), so tests may alias it themselves (`{{ model }} as f`).
#}
{% macro scoped_test_relations() -%}
    {{ return(['fct_partner_mention', 'fct_entity_mention', 'fct_figure', 'fct_activity_event', 'fct_partner_activity',
               'fct_export_volume']) }}
{%- endmacro %}

{% macro changed_rows_only(alias=none) -%}
    {{ alias ~ '.' if alias else '' }}ingested_at > coalesce((select max(changed_since) from {{ target.database }}.raw._dbt_scope), timestamp '-infinity')
{%- endmacro %}

{% macro default__get_where_subquery(relation) -%}
    {% set where = config.get('where', '') %}
    {% set scoped = relation.identifier in scoped_test_relations() %}
    {% if where or scoped %}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where if where else 'true' }}
            {%- if scoped %} and {{ changed_rows_only() }}{% endif %})
        {%- endset -%}
        {% do return(filtered) %}
    {%- else -%}
        {% do return(relation) %}
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__get_where_subquery(relation) -%}
    {% do return(default__get_where_subquery(relation)) %}
{%- endmacro %}

{# on-run-start: the scope table exists for every build, also one run by hand (then it tests every row) #}
{% macro ensure_test_scope() -%}
    create schema if not exists {{ target.database }}.raw;
    create table if not exists {{ target.database }}.raw._dbt_scope (
        changed_since timestamp, tested_until timestamp, full_fingerprint varchar)
{%- endmacro %}
