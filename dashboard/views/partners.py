"""Partners: who Kazakhstan deals with, by activity type and month, and the most active partners."""
from __future__ import annotations

import streamlit as st

from dashboard.data import fmt_int, has_table, query

MONTH = "coalesce(strftime(date_trunc('month', d.published_date), '%Y-%m'), 'undated')"


def render() -> None:
    st.title("Partners")
    st.write("Acts between Kazakhstan and its foreign partners that the articles state "
             "(`marts.fct_partner_activity`: one row per document × partner × activity type).")
    k = query("""
        select count(distinct partner_id) as partners, count(distinct document_id) as documents, count(*) as rows_
        from marts.fct_partner_activity""").iloc[0]
    cols = st.columns(4)
    cols[0].metric("Partners with activity", fmt_int(k.partners))
    cols[1].metric("Documents with activity", fmt_int(k.documents))
    cols[2].metric("Partner activities", fmt_int(k.rows_), help="document × partner × activity type")
    if has_table("fct_activity_event"):
        events = query("select count(*) as n from marts.fct_activity_event").iloc[0].n
        cols[3].metric("Activity events", fmt_int(events), help="marts.fct_activity_event: one row per stated act")

    st.subheader("Activity by type and month")
    by_month = query(f"""
        select {MONTH} as month, a.activity_type, count(*) as activities
        from marts.fct_partner_activity as a join marts.dim_document as d using (document_id)
        group by all order by month, activity_type""")
    if by_month.empty:
        st.info("No partner activity in this warehouse yet.")
        return
    st.bar_chart(by_month, x="month", y="activities", color="activity_type", x_label="publication month")
    if (by_month.month == "undated").all():
        st.caption("No document of this warehouse states its publication date, so every activity is `undated`.")

    st.subheader("Top partners")
    top = query("""
        select coalesce(p.partner_name, a.partner_id) as partner, a.partner_id,
               count(distinct a.document_id) as documents, count(*) as activities,
               string_agg(distinct a.activity_type, ', ' order by a.activity_type) as activity_types,
               'partner?partner=' || a.partner_id as page
        from marts.fct_partner_activity as a left join marts.dim_partner as p using (partner_id)
        group by all order by documents desc, activities desc, partner limit 25""")
    left, right = st.columns([2, 3])
    left.bar_chart(top.head(15), x="partner", y="documents", horizontal=True, sort="-documents")
    right.dataframe(top, hide_index=True, column_config={
        "page": st.column_config.LinkColumn("evidence", display_text="open"),
    })
