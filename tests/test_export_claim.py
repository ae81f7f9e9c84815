"""marts.fct_export_claim and its bridge, built by dbt from hand-made export volumes.

The models read only marts.fct_export_volume, marts.fct_figure and (for datelines)
marts.dim_document, so the test writes those tables into a fresh DuckDB file and runs `dbt run` on the two claim models against it: a
multi-language example checked column by column, and a 100,000-document build timed.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parent.parent
DBT = Path(sys.executable).parent / "dbt"

VOLUMES = """
    figure_id VARCHAR, document_id VARCHAR, commodity_id VARCHAR, route_id VARCHAR, partner_id VARCHAR,
    volume_tonnes DOUBLE, volume_tonnes_max DOUBLE, qualifier VARCHAR, change VARCHAR, sentence_index INTEGER,
    surface_text VARCHAR, start_char INTEGER, end_char INTEGER, bypasses_russia BOOLEAN, language VARCHAR,
    published_date DATE"""
FIGURES = """
    figure_id VARCHAR, document_id VARCHAR, kind VARCHAR, date_year INTEGER, date_month INTEGER,
    date_day INTEGER, weekday VARCHAR, date_resolved DATE, sentence_index INTEGER, start_char INTEGER,
    end_char INTEGER"""


def _build(path: Path, fill) -> float:
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA marts")
    con.execute(f"CREATE TABLE marts.fct_export_volume ({VOLUMES})")
    con.execute(f"CREATE TABLE marts.fct_figure ({FIGURES})")
    con.execute("CREATE TABLE marts.dim_document (document_id VARCHAR, body_text VARCHAR, published_date_text VARCHAR)")
    fill(con)
    con.close()
    env = {**os.environ, "WAREHOUSE_PATH": str(path), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    started = time.monotonic()
    proc = subprocess.run(
        [str(DBT), "run", "--project-dir", "dbt_project", "--profiles-dir", "dbt_project",
         "--select", "fct_export_claim_source", "fct_export_claim", "--quiet"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return time.monotonic() - started


def _volume(fid, doc, commodity, tonnes, *, route=None, partner=None, tmax=None, qualifier="exact",
            change="level", sentence=0, text="", lang="en", published=None):
    return (fid, doc, commodity, route, partner, tonnes, tmax, qualifier, change, sentence, text, 0, len(text),
            None, lang, published)


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    path = tmp_path_factory.mktemp("claims") / "w.duckdb"
    rows = [
        # one fact in three languages: 3.8 Mt via BTC in 2025 (two writings, one approx), and a repeat in d1
        _volume("a1", "d1", "crude_oil", 3_800_000, route="btc", partner="AZ", text="3.8 Mt", lang="en",
                published=date(2025, 3, 2)),
        _volume("a2", "d1", "crude_oil", 3_800_000, route="btc", sentence=4, text="3.8 million tonnes", lang="en",
                published=date(2025, 3, 2)),
        _volume("a3", "d2", "crude_oil", 3_820_000, route="btc", qualifier="approx", text="około 3 820 000 ton",
                lang="pl", published=date(2025, 3, 4)),
        _volume("a4", "d3", "crude_oil", 3_800_000, route="btc", partner="AZ", text="3,8 млн тонн", lang="ru"),
        # the same tonnage last year, and as an increase: other claims
        _volume("b1", "d4", "crude_oil", 3_800_000, route="btc", sentence=1, text="3.8 Mt", lang="en"),
        _volume("b2", "d5", "crude_oil", 3_800_000, route="btc", change="increase", text="by 3.8 Mt", lang="en"),
        # without a route, partners keep claims apart
        _volume("c1", "d6", "wheat", 1_500_000, partner="UZ", text="1.5 Mt", lang="en"),
        _volume("c2", "d7", "wheat", 1_500_000, partner="AF", text="1,5 млн т", lang="ru"),
    ]
    dates = [
        ("x1", "d1", "date", 2025, None, None, None, None, 0, 50, 54),
        ("x2", "d1", "date", 2025, None, None, None, None, 4, 50, 54),
        ("x3", "d2", "date", 2025, None, None, None, None, 0, 50, 54),
        ("x4", "d3", "date", 2025, None, None, None, None, 0, 50, 54),
        ("x5", "d4", "date", 2024, None, None, None, None, 1, 50, 54),
        ("x6", "d5", "date", 2025, None, None, None, None, 0, 50, 54),
    ]

    def fill(con):
        con.executemany("INSERT INTO marts.fct_export_volume VALUES (" + ",".join("?" * 16) + ")", rows)
        con.executemany("INSERT INTO marts.fct_figure VALUES (" + ",".join("?" * 11) + ")", dates)
        con.execute("INSERT INTO marts.dim_document SELECT 'd' || i, 'x', null FROM range(1, 8) t(i)")

    _build(path, fill)
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def test_one_fact_in_three_languages_is_one_claim(claims):
    row = claims.execute("""
        select route_id, partner_id, period_label, volume_tonnes, volume_tonnes_min, volume_tonnes_max, qualifier,
               change, n_documents, n_languages, n_figures, document_ids, languages,
               first_published_date, last_published_date
        from marts.fct_export_claim where commodity_id = 'crude_oil' and change = 'level' and period_label = '2025'
    """).fetchall()
    assert row == [("btc", "AZ", "2025", 3_800_000, 3_800_000, 3_820_000, "approx", "level", 3, 3, 4,
                    ["d1", "d2", "d3"], ["en", "pl", "ru"], date(2025, 3, 2), date(2025, 3, 4))]


def test_other_period_change_or_partner_are_other_claims(claims):
    got = claims.execute("""
        select commodity_id, coalesce(period_label, '-'), change, coalesce(partner_id, '-'), n_documents
        from marts.fct_export_claim order by all""").fetchall()
    assert got == [
        ("crude_oil", "2024", "level", "-", 1),
        ("crude_oil", "2025", "increase", "-", 1),
        ("crude_oil", "2025", "level", "AZ", 3),
        ("wheat", "-", "level", "AF", 1),
        ("wheat", "-", "level", "UZ", 1),
    ]


def test_bridge_has_every_volume_once_and_claims_add_up(claims):
    assert claims.execute("select count(*), count(distinct figure_id) from marts.fct_export_claim_source").fetchone() == (8, 8)
    mismatched = claims.execute("""
        select c.claim_id from marts.fct_export_claim c
        join (select claim_id, count(*) n, count(distinct document_id) d from marts.fct_export_claim_source group by 1) s
          using (claim_id)
        where c.n_figures <> s.n or c.n_documents <> s.d""").fetchall()
    assert mismatched == []


def test_builds_fast_on_100k_documents(tmp_path):
    """Two volumes per document over 100,000 documents, with dates in half the sentences."""
    def fill(con):
        con.execute("""
            insert into marts.fct_export_volume
            select 'f' || i, 'd' || (i // 2),
                   (['crude_oil', 'wheat', 'uranium', 'coal', 'zinc'])[1 + i % 5],
                   (['cpc', 'btc', null, 'middle_corridor'])[1 + (i // 5) % 4],
                   (['CN', 'RU', null, 'AZ', 'TR'])[1 + (i // 7) % 5],
                   (1 + (hash(i) % 400)) * 50000.0 + (case when i % 3 = 0 then 10000 else 0 end), null,
                   'exact', (['level', 'level', 'increase'])[1 + i % 3], i % 2, 'x', 0, 1, null,
                   (['en', 'ru', 'pl', 'bg', 'fr'])[1 + (i // 3) % 5], date '2025-01-01' + cast(i % 300 as integer)
            from range(200000) t(i)""")
        con.execute("""
            insert into marts.fct_figure
            select 'g' || i, 'd' || (i // 2), 'date', 2020 + i % 6, case when i % 4 = 0 then 1 + i % 12 end,
                   null, null, null, i % 2, 100, 110
            from range(0, 200000, 2) t(i)""")
        con.execute("""
            insert into marts.dim_document
            select 'd' || i, 'Headline\nASTANA, 3 December – ' || repeat('Kazakhstan exports oil. ', 10),
                   case when i % 2 = 0 then 'ASTANA, 3 December' end
            from range(100000) t(i)""")
    seconds = _build(tmp_path / "big.duckdb", fill)
    con = duckdb.connect(str(tmp_path / "big.duckdb"), read_only=True)
    n_sources, n_claims, max_docs = con.execute("""
        select (select count(*) from marts.fct_export_claim_source), count(*), max(n_documents)
        from marts.fct_export_claim""").fetchone()
    con.close()
    assert n_sources == 200_000
    assert 1_000 < n_claims < n_sources and max_docs > 10   # many sources share a claim
    assert seconds < 60, f"the claim models took {seconds:.1f} s on 100k documents"
