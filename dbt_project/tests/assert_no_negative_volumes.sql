-- An export volume is a tonnage: never below zero, at either end of a range.
-- (the changed documents' volumes on an incremental build: macros/test_scope.sql)
select figure_id, commodity_id, volume_tonnes, volume_tonnes_max from {{ ref('fct_export_volume') }}
where (volume_tonnes < 0 or volume_tonnes_max < 0) and {{ changed_rows_only() }}
