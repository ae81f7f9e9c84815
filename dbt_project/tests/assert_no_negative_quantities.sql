-- Masses, counts and durations have no sign: "au moins deux", "не менее", "mindestens" are
-- qualifiers, not minus signs, and a fall is told by change = 'decrease', not by a negative mass.
-- (the changed documents' figures on an incremental build: macros/test_scope.sql)
select figure_id, kind, value, value_max, surface_text from {{ ref('fct_figure') }}
where kind in ('mass', 'count', 'duration')
  and (value < 0 or value_max < 0)
  and {{ changed_rows_only() }}
