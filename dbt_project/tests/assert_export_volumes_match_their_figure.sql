-- An export volume repeats its mass figure's value, qualifier and change.
-- (the changed documents' volumes on an incremental build: macros/test_scope.sql)
select v.figure_id
from {{ ref('fct_export_volume') }} v
join {{ ref('fct_figure') }} f using (figure_id)
where {{ changed_rows_only('v') }}
  and (f.kind <> 'mass' or f.value <> v.volume_tonnes
   or coalesce(f.value_max, -1) <> coalesce(v.volume_tonnes_max, -1)
   or f.qualifier <> v.qualifier or f.change <> v.change)
