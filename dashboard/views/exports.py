"""Export volumes: tonnages by commodity, route, partner and month, and the share bypassing Russia."""
from __future__ import annotations

import streamlit as st

from dashboard.data import date_columns, fmt_int, fmt_mt, fmt_pct, query

MONTH = "coalesce(strftime(date_trunc('month', v.published_date), '%Y-%m'), 'undated')"
VOLUMES = """
    marts.fct_export_volume as v
    left join marts.dim_route as r using (route_id)
    left join marts.dim_commodity as c using (commodity_id)
    left join marts.dim_partner as p using (partner_id)"""


def render() -> None:
    st.title("Export volumes")
    st.write("Tonnages the articles tie to a commodity (`marts.fct_export_volume`). Each row is one statement: "
             "the same fact reported by several outlets counts once per outlet here and once on the Claims page.")
    commodities = ["all"] + list(query("select distinct commodity_id from marts.fct_export_volume order by 1").commodity_id)
    chosen = st.selectbox("Commodity", commodities)
    where, params = ("where v.commodity_id = ?", [chosen]) if chosen != "all" else ("", [])

    k = query(f"""
        select count(*) as volumes, sum(v.volume_tonnes) as tonnes, count(v.route_id) as routed,
               100 * sum(v.volume_tonnes) filter (where r.bypasses_russia)
                   / sum(v.volume_tonnes) filter (where v.route_id is not null) as bypass_pct
        from {VOLUMES} {where}""", params).iloc[0]
    cols = st.columns(4)
    cols[0].metric("Export volumes", fmt_int(k.volumes))
    cols[1].metric("Stated tonnage (Mt)", fmt_mt(k.tonnes), help="sum of every statement; repeated facts count again")
    cols[2].metric("Volumes with a route", fmt_int(k.routed))
    cols[3].metric("Share bypassing Russia", fmt_pct(k.bypass_pct),
                   help="tonnage on routes that avoid Russian territory (dim_route.bypasses_russia) / routed tonnage")

    def chart(dim: str, label: str, title: str) -> None:
        df = query(f"""select {dim} as "{label}", sum(v.volume_tonnes) / 1e6 as million_tonnes, count(*) as volumes
                       from {VOLUMES} {where} group by all order by million_tonnes desc""", params)
        st.subheader(title)
        st.bar_chart(df, x=label, y="million_tonnes", horizontal=True, sort="-million_tonnes")

    left, right = st.columns(2)
    with left:
        chart("coalesce(c.commodity_name, v.commodity_id)", "commodity", "By commodity")
        chart("coalesce(p.partner_name, v.partner_id, 'no partner named')", "partner", "By partner")
    with right:
        chart("coalesce(r.route_name, 'no route named')", "route", "By route")
        st.subheader("By month")
        by_month = query(f"""
            select {MONTH} as month, coalesce(c.commodity_name, v.commodity_id) as commodity,
                   sum(v.volume_tonnes) / 1e6 as million_tonnes
            from {VOLUMES} {where} group by all order by month""", params)
        st.bar_chart(by_month, x="month", y="million_tonnes", color="commodity", x_label="publication month")

    st.subheader("Statements")
    statements = query(f"""
        select v.published_date, v.commodity_id, v.route_id, v.partner_id, v.volume_tonnes, v.volume_tonnes_max,
               v.qualifier, v.change, v.surface_text, v.language, v.document_id
        from {VOLUMES} {where} order by v.volume_tonnes desc""", params)
    st.dataframe(statements, hide_index=True, column_config=date_columns(statements))
