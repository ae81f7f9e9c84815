-- An export volume repeats its mass figure's value, qualifier and change.
select v.figure_id
from {{ ref('fct_export_volume') }} v
join {{ ref('fct_figure') }} f using (figure_id)
where f.kind <> 'mass' or f.value <> v.volume_tonnes
   or coalesce(f.value_max, -1) <> coalesce(v.volume_tonnes_max, -1)
   or f.qualifier <> v.qualifier or f.change <> v.change
