"""Kazakhstan partners & exports: the dashboard (`make dashboard`).

Reads only the published read-only BI copy (BI_WAREHOUSE_PATH). Pages: partners, one
partner's evidence, export volumes, claims with their sources, data quality.
"""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo: warehouse.config, dashboard.*

from dashboard.data import bi_path  # noqa: E402
from dashboard.views import claims, exports, partner, partners, quality  # noqa: E402

st.set_page_config(page_title="Kazakhstan partners & exports", page_icon=":material/public:", layout="wide")

if not bi_path().exists():
    st.error(f"No published warehouse at {bi_path()}. Build it first with `make run` "
             "(or point BI_WAREHOUSE_PATH at a published *_bi.duckdb copy).")
    st.stop()

page = st.navigation([
    st.Page(partners.render, title="Partners", icon=":material/handshake:", url_path="partners", default=True),
    st.Page(partner.render, title="Partner", icon=":material/person_search:", url_path="partner"),
    st.Page(exports.render, title="Export volumes", icon=":material/oil_barrel:", url_path="exports"),
    st.Page(claims.render, title="Claims", icon=":material/fact_check:", url_path="claims"),
    st.Page(quality.render, title="Data quality", icon=":material/health_and_safety:", url_path="quality"),
])
page.run()
st.caption(f"Source: `{bi_path()}` (read-only BI copy, published by `make run`).")
