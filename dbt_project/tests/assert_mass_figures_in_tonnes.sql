-- Masses are normalised to tonnes, percentages to %, and dates carry at least one stated field.
-- (the changed documents' figures on an incremental build: macros/test_scope.sql)
select figure_id, kind, unit from {{ ref('fct_figure') }}
where {{ changed_rows_only() }}
  and ((kind = 'mass' and unit <> 't')
   or (kind = 'percentage' and unit <> '%')
   or (kind = 'duration' and unit not in ('day', 'week', 'month', 'year'))
   or (kind = 'date' and coalesce(date_year, date_month, date_day) is null and weekday is null)
   or (kind <> 'date' and value is null)
   or (value_max is not null and value_max < value))
