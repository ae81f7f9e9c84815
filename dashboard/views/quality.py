"""Data quality: documents by status and language, publication dates, and the files that were not read."""
from __future__ import annotations

import streamlit as st

from dashboard.data import columns, fmt_int, query


def render() -> None:
    st.title("Data quality")
    k = query("""
        select count(*) as documents, count(*) filter (where status = 'ok') as ok,
               count(*) filter (where status <> 'ok') as not_ok,
               count(*) filter (where published_date is not null) as dated,
               count(distinct language) filter (where status = 'ok') as languages
        from marts.dim_document""").iloc[0]
    cols = st.columns(5)
    cols[0].metric("Documents", fmt_int(k.documents))
    cols[1].metric("OK", fmt_int(k.ok))
    cols[2].metric("Not OK", fmt_int(k.not_ok))
    cols[3].metric("With a publication date", fmt_int(k.dated))
    cols[4].metric("Languages", fmt_int(k.languages))

    left, right = st.columns(2)
    with left:
        st.subheader("Documents by status and language")
        by = query("""select coalesce(language, 'unknown') as language, status, count(*) as documents
                      from marts.dim_document group by all order by language""")
        others = iter(["#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"])
        colors = ["#2ca02c" if s == "ok" else next(others, "#7f7f7f") for s in sorted(by.status.unique())]
        wide = by.pivot(index="language", columns="status", values="documents").fillna(0)
        statuses = sorted(by.status.unique())
        if by.empty:
            st.info("No documents in this warehouse yet.")
        else:
            st.bar_chart(wide[statuses], y=statuses, color=colors if len(colors) > 1 else colors[0],
                         y_label="documents")
    with right:
        st.subheader("Where publication dates come from")
        if "published_date_source" in columns("dim_document"):
            src = query("""select coalesce(published_date_source, 'unknown') as source, count(*) as documents
                           from marts.dim_document group by all order by documents desc""")
            st.bar_chart(src, x="source", y="documents", horizontal=True)
        else:
            st.info("This warehouse predates publication-date sources.")

    st.subheader("Files not read, with the reason")
    bad = query("""
        select source_file, status, status_reason, language, char_count
        from marts.dim_document where status <> 'ok' order by status, source_file""")
    if bad.empty:
        st.success("Every document was read and extracted.")
    else:
        st.dataframe(bad, hide_index=True, column_config={
            "status_reason": st.column_config.TextColumn("reason", width="large"),
        })
