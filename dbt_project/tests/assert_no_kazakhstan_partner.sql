-- Kazakhstan is never its own partner.
-- (the changed documents' mentions on an incremental build: macros/test_scope.sql)
select * from {{ ref('fct_partner_mention') }} where partner_id = 'KZ' and {{ changed_rows_only() }}
