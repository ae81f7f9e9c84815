-- Kazakhstan is never its own partner.
select * from {{ ref('fct_partner_mention') }} where partner_id = 'KZ'
