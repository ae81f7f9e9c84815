"""The Streamlit dashboard over the published read-only BI copy (`make dashboard`)."""
