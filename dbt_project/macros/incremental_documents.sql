{#
  Incremental facts are rebuilt per document: a run takes the documents (re)loaded since the
  mart's newest ingested_at, delete+insert replaces their rows, and the post-hook removes rows of
  documents that are gone, no longer ok, or loaded again since (a re-extraction that found nothing).
  `dbt build --full-refresh` rebuilds everything.
#}
{% macro only_new_documents(alias) -%}
    {#- a table built before it was incremental has no ingested_at yet: every row, this once -#}
    {%- if is_incremental() and 'ingested_at' in (adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list) %}
    and {{ alias }}.ingested_at > (select coalesce(max(prev.ingested_at), timestamp '1900-01-01') from {{ this }} as prev)
    {%- endif %}
{%- endmacro %}

{% macro delete_rows_of_gone_documents(documents='dim_document', only_ok=true) -%}
    {%- if is_incremental() -%}
    delete from {{ this }} as t
    where not exists (
        select 1 from {{ ref(documents) }} as d
        where d.document_id = t.document_id and d.ingested_at = t.ingested_at
        {%- if only_ok %} and d.status = 'ok'{% endif %}
    )
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
