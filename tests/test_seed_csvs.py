"""Every reference CSV loads in dbt as it does in Python: one header, the same number of fields on
every row (a comma inside a cue word made dbt's seed fail while Python read the row short)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"


@pytest.mark.parametrize("path", sorted(SEEDS.rglob("*.csv")), ids=lambda p: str(p.relative_to(SEEDS)))
def test_every_row_has_the_header_fields(path):
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    width = len(rows[0])
    bad = [(n, row) for n, row in enumerate(rows[1:], start=2) if len(row) != width]
    assert not bad, bad[:5]


@pytest.mark.parametrize("path", sorted(SEEDS.rglob("*.csv")), ids=lambda p: str(p.relative_to(SEEDS)))
def test_one_kind_of_line_end_per_file(path):
    # (a row added with "\n" to a file of "\r\n" rows: DuckDB's CSV sniffer gave up and dbt's seed failed)
    data = path.read_bytes()
    crlf, lf = data.count(b"\r\n"), data.count(b"\n")
    assert crlf in (0, lf), f"{crlf} of {lf} lines end in CRLF"


@pytest.mark.parametrize("path", sorted(SEEDS.rglob("*.csv")), ids=lambda p: str(p.relative_to(SEEDS)))
def test_no_row_twice(path):
    # (a row added again beside its twin matched the same words twice and hid nothing but the intent)
    rows = path.read_text(encoding="utf-8").splitlines()
    twice = sorted({r for r in rows if rows.count(r) > 1}) if len(set(rows)) < len(rows) else []
    assert not twice, twice[:5]
