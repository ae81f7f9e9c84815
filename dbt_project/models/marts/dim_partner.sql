with partners as (
    select * from {{ ref('partners') }}
),

aliases as (
    select partner_id, count(*) as alias_count, count(distinct lang) as language_count
    from {{ ref('partner_aliases') }}
    -- a place named after a partner ("Indian Ocean") is no name of it
    where mention_kind <> 'place'
    group by 1
),

final as (
    select
        p.partner_id,
        p.partner_name,
        p.iso3,
        p.region,
        p.is_bloc,
        coalesce(a.alias_count, 0) as alias_count,
        coalesce(a.language_count, 0) as language_count
    from partners as p
    left join aliases as a using (partner_id)
    -- Kazakhstan is never its own foreign partner
    where p.partner_id <> 'KZ'
)

select * from final
