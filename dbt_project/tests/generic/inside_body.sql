{# Facts never come from text that was cut as boilerplate: every fact lies inside the stored body. #}
{% test inside_body(model, column_name) %}
select f.* from {{ model }} f join {{ ref('dim_document') }} d using (document_id)
where f.{{ column_name }} > d.char_count or d.status <> 'ok'
{% endtest %}
