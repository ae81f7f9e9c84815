"""One partner: what the articles say it does with Kazakhstan, sentence by sentence."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data import date_columns, fmt_int, has_table, query

_SHOWN = 40  # evidence sentences written out; the rest are in the table


def render() -> None:
    options = query("""
        select a.partner_id, coalesce(p.partner_name, a.partner_id) as name, count(distinct a.document_id) as documents
        from marts.fct_partner_activity as a left join marts.dim_partner as p using (partner_id)
        group by all order by documents desc, name""")
    if options.empty:
        st.title("Partner")
        st.info("No partner activity in this warehouse yet.")
        return
    names = dict(zip(options.partner_id, options.name))
    ids = list(options.partner_id)
    wanted = st.query_params.get("partner")
    pid = st.selectbox("Partner", ids, index=ids.index(wanted) if wanted in ids else 0,
                       format_func=lambda i: f"{names[i]} ({i})")
    st.query_params["partner"] = pid
    st.title(names[pid])

    k = query("""
        select
            (select count(distinct document_id) from marts.fct_partner_activity where partner_id = $1) as documents,
            (select count(distinct activity_type) from marts.fct_partner_activity where partner_id = $1) as types,
            (select count(*) from marts.fct_partner_mention where partner_id = $1) as mentions,
            (select count(*) from marts.fct_export_volume where partner_id = $1) as volumes""", [pid]).iloc[0]
    cols = st.columns(4)
    cols[0].metric("Documents", fmt_int(k.documents))
    cols[1].metric("Activity types", fmt_int(k.types))
    cols[2].metric("Mentions", fmt_int(k.mentions))
    cols[3].metric("Export volumes naming it", fmt_int(k.volumes))

    by_type = query("""
        select activity_type, count(distinct document_id) as documents from marts.fct_partner_activity
        where partner_id = ? group by all order by documents desc""", [pid])
    st.bar_chart(by_type, x="activity_type", y="documents", horizontal=True)

    st.subheader("Evidence")
    if has_table("fct_activity_event"):
        evidence = query("""
            select d.published_date, d.source_file, e.activity_type, e.sector, e.planned, e.surface_text,
                   e.evidence_text
            from marts.fct_activity_event as e join marts.dim_document as d using (document_id)
            where e.partner_id = ? order by d.published_date desc nulls last, d.source_file, e.sentence_index""", [pid])
    else:
        evidence = query("""
            select d.published_date, d.source_file, a.activity_type, a.evidence_text
            from marts.fct_partner_activity as a join marts.dim_document as d using (document_id)
            where a.partner_id = ? order by d.published_date desc nulls last, d.source_file, a.activity_type""", [pid])
    for row in evidence.head(_SHOWN).itertuples():
        sentence = str(row.evidence_text or "")
        surface = getattr(row, "surface_text", None)
        if isinstance(surface, str) and surface and surface in sentence:  # the words that state the act, in bold
            sentence = sentence.replace(surface, f"**{surface}**", 1)
        when = "undated" if pd.isna(row.published_date) else str(row.published_date)[:10]
        sector, planned = getattr(row, "sector", None), getattr(row, "planned", None)
        extra = f" · {sector}" if isinstance(sector, str) and sector else ""
        extra += " · planned" if planned is not None and not pd.isna(planned) and bool(planned) else ""
        st.markdown(f"`{row.activity_type}`{extra} · {row.source_file} · {when}\n> {sentence}")
    with st.expander(f"All {len(evidence)} evidence rows as a table"):
        st.dataframe(evidence, hide_index=True, column_config=date_columns(evidence))
