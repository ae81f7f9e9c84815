"""Reading the published BI copy: read-only, a fresh connection per query.

The dashboard reads only the BI copy that each build publishes (BI_WAREHOUSE_PATH, default
warehouse/warehouse_bi.duckdb beside WAREHOUSE_PATH; see warehouse/config.py), never the
warehouse being built. Publication swaps the file atomically, so a new connection per query
always sees the newest copy and never holds a lock a build needs.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from warehouse.config import settings


def bi_path() -> Path:
    return settings().bi_path


def query(sql: str, params: list | None = None) -> pd.DataFrame:
    with duckdb.connect(str(bi_path()), read_only=True) as con:
        return con.execute(sql, params or []).df()


def scalar(sql: str, params: list | None = None):
    with duckdb.connect(str(bi_path()), read_only=True) as con:
        row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None


def columns(table: str) -> set[str]:
    """Columns of marts.<table> in the BI copy; empty when the table is not there."""
    return _columns(str(bi_path()), bi_path().stat().st_mtime_ns if bi_path().exists() else 0, table)


@lru_cache(maxsize=64)
def _columns(path: str, _mtime: int, table: str) -> frozenset[str]:
    with duckdb.connect(path, read_only=True) as con:
        rows = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' AND table_name = ?",
            [table]).fetchall()
    return frozenset(r[0] for r in rows)


def has_table(table: str) -> bool:
    return bool(columns(table))


def fmt_int(n) -> str:
    return f"{int(n or 0):,}"


def fmt_pct(x) -> str:
    return "–" if x is None or pd.isna(x) else f"{x:.1f} %"


def fmt_mt(tonnes) -> str:
    return "–" if tonnes is None or pd.isna(tonnes) else f"{tonnes / 1e6:,.2f}"


def date_columns(df: pd.DataFrame) -> dict:
    """column_config showing DATE columns as dates (pandas reads them as midnight timestamps)."""
    return {c: st.column_config.DateColumn(c, format="YYYY-MM-DD") for c in df.columns
            if c.endswith("_date") or c == "published_date"}
