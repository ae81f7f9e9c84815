"""Claims: one export fact, the documents that state it, and how far their figures differ."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data import date_columns, fmt_int, has_table, query


def render() -> None:
    st.title("Claims")
    st.write("Export volumes from different documents that state the same fact — same commodity, route (or "
             "partner), period and change, tonnage within rounding — are one claim (`marts.fct_export_claim`, "
             "sources in `marts.fct_export_claim_source`).")
    if not has_table("fct_export_claim"):
        st.warning("This published copy predates export claims: rebuild it with `make run`.")
        return
    k = query("""
        select count(*) as claims, count(*) filter (where n_documents >= 2) as confirmed,
               max(n_documents) as most, sum(n_figures) as figures
        from marts.fct_export_claim""").iloc[0]
    cols = st.columns(4)
    cols[0].metric("Claims", fmt_int(k.claims))
    cols[1].metric("Stated by 2+ documents", fmt_int(k.confirmed))
    cols[2].metric("Most documents on one claim", fmt_int(k.most))
    cols[3].metric("Volumes matched", fmt_int(k.figures))

    claims = query("""
        select c.claim_id, c.commodity_id, coalesce(r.route_name, c.route_id) as route, c.partner_id,
               c.period_label as period, c.n_documents, c.n_languages, array_to_string(c.languages, ', ') as languages,
               c.volume_tonnes / 1e6 as mt, c.volume_tonnes_min / 1e6 as mt_min, c.volume_tonnes_max / 1e6 as mt_max,
               c.qualifier, c.change, c.first_published_date, c.last_published_date
        from marts.fct_export_claim as c left join marts.dim_route as r using (route_id)
        order by c.n_documents desc, c.n_languages desc, c.volume_tonnes desc""")
    if st.toggle("Only claims stated by two or more documents"):
        claims = claims[claims.n_documents >= 2]
    if claims.empty:
        st.info("No export claims to show.")
        return
    st.dataframe(claims.drop(columns=["claim_id"]), hide_index=True, column_config={
        **date_columns(claims),
        "mt": st.column_config.NumberColumn("Mt", format="%.3f"),
        "mt_min": st.column_config.NumberColumn("min Mt", format="%.3f"),
        "mt_max": st.column_config.NumberColumn("max Mt", format="%.3f"),
    })

    st.subheader("Sources of a claim")
    labels = {
        row.claim_id: (f"{row.commodity_id} · {_text(row.route) or _text(row.partner_id) or 'no route or partner'} · "
                       f"{_text(row.period) or 'no period'} · {row.change} · {row.mt:,.3f} Mt · "
                       f"{row.n_documents} document{'s' if row.n_documents != 1 else ''}")
        for row in claims.itertuples()
    }
    claim_id = st.selectbox("Claim", list(labels), format_func=labels.get)
    sources = query("""
        select d.published_date, d.source_file, d.title, s.language, s.surface_text, s.volume_tonnes, s.qualifier,
               substr(d.body_text, greatest(1, v.start_char - 150), 320) as context
        from marts.fct_export_claim_source as s
        join marts.dim_document as d using (document_id)
        join marts.fct_export_volume as v using (figure_id)
        where s.claim_id = ? order by d.published_date nulls last, d.source_file""", [claim_id])
    st.dataframe(sources, hide_index=True, column_config={
        **date_columns(sources),
        "context": st.column_config.TextColumn("context", width="large"),
    })


def _text(value) -> str:
    """A cell as text; empty for null/NaN (pandas turns SQL nulls into NaN, which is truthy)."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
