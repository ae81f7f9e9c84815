{# The contract's offset invariant: substr(body_text, start_char + 1, end_char - start_char) = surface_text. #}
{% test offsets_point_at_surface_text(model, column_name) %}
select f.*
from {{ model }} as f
join {{ ref('dim_document') }} as d using (document_id)
where f.{{ column_name }} is null
   or f.start_char < 0
   or f.end_char > d.char_count
   or substr(d.body_text, f.start_char + 1, f.end_char - f.start_char) <> f.{{ column_name }}
{% endtest %}
