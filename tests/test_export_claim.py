"""marts.fct_export_claim and its bridge, built by dbt from hand-made export volumes.

The models read only marts.fct_export_volume, marts.fct_figure and (for datelines)
marts.dim_document, so the test writes those tables into a fresh DuckDB file and runs `dbt run` on the two claim models against it: a
multi-language example checked column by column, incremental builds after documents come, go and
change compared with full ones, and a 100,000-document build timed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parent.parent
DBT = Path(sys.executable).parent / "dbt"

VOLUMES = """
    figure_id VARCHAR, document_id VARCHAR, commodity_id VARCHAR, route_id VARCHAR, partner_id VARCHAR,
    volume_tonnes DOUBLE, volume_tonnes_max DOUBLE, qualifier VARCHAR, change VARCHAR, sentence_index INTEGER,
    surface_text VARCHAR, start_char INTEGER, end_char INTEGER, bypasses_russia BOOLEAN, language VARCHAR,
    published_date DATE, ingested_at TIMESTAMP"""
FIGURES = """
    figure_id VARCHAR, document_id VARCHAR, kind VARCHAR, date_year INTEGER, date_month INTEGER,
    date_day INTEGER, weekday VARCHAR, date_resolved DATE, sentence_index INTEGER, start_char INTEGER,
    end_char INTEGER"""


LOADED = datetime(2025, 6, 1)


def _build(path: Path, fill) -> float:
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA marts")
    con.execute(f"CREATE TABLE marts.fct_export_volume ({VOLUMES})")
    con.execute(f"CREATE TABLE marts.fct_figure ({FIGURES})")
    con.execute("CREATE TABLE marts.dim_document (document_id VARCHAR, body_text VARCHAR, published_date_text VARCHAR)")
    fill(con)
    con.close()
    return _dbt_run(path)


def _dbt_run(path: Path, *args: str, select=("fct_export_claim_source", "fct_export_claim")) -> float:
    env = {**os.environ, "WAREHOUSE_PATH": str(path), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    started = time.monotonic()
    proc = subprocess.run(
        [str(DBT), "run", "--project-dir", "dbt_project", "--profiles-dir", "dbt_project",
         "--select", *select, "--quiet", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return time.monotonic() - started


def _volume(fid, doc, commodity, tonnes, *, route=None, partner=None, tmax=None, qualifier="exact",
            change="level", sentence=0, text="", lang="en", published=None, ingested=LOADED):
    return (fid, doc, commodity, route, partner, tonnes, tmax, qualifier, change, sentence, text, 0, len(text),
            None, lang, published, ingested)


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
        con.executemany("INSERT INTO marts.fct_export_volume VALUES (" + ",".join("?" * 17) + ")", rows)
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


def _claim_tables(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table, key in (("fct_export_claim_source", "figure_id"), ("fct_export_claim", "claim_id")):
            cur = con.execute(f"select * from marts.{table} order by {key}")
            out[table] = ([d[0] for d in cur.description], cur.fetchall())
        return out
    finally:
        con.close()


def _equals_full(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """The claim tables equal, row by row and column by column, a --full-refresh build of a copy of the input."""
    full = path.with_name("full.duckdb")
    shutil.copy(path, full)
    _dbt_run(full, "--full-refresh")
    got, want = _claim_tables(path), _claim_tables(full)
    full.unlink()
    for table in want:
        assert got[table][0] == want[table][0], table
        assert got[table][1] == want[table][1], table
    return got


def test_incremental_builds_equal_full_builds(tmp_path):
    """Documents come, go, are loaded again or turn non-ok between builds: each incremental build of the
    claim models equals a --full-refresh one, and recomputes only the claims beside a change."""
    path = tmp_path / "w.duckdb"
    t1, t2, t3 = datetime(2025, 6, 2), datetime(2025, 6, 3), datetime(2025, 6, 4)
    cpc = dict(route="cpc")

    def dated(doc, year=2025, sentence=0, start=50):  # a date figure stating a year
        return ("x" + doc + str(sentence), doc, "date", year, None, None, None, None, sentence, start, start + 4)

    volumes = [
        # crude oil via CPC in 2025: claims 1 010 000 | 1 040 000 (2.9 % apart) | 3 Mt | 4 Mt (v14) | 5 Mt |
        # 7.01–7.19 Mt chained
        _volume("v01", "d01", "crude_oil", 1_010_000, **cpc),
        _volume("v02", "d02", "crude_oil", 1_040_000, **cpc),
        _volume("v03", "d03", "crude_oil", 7_010_000, **cpc),
        _volume("v04", "d04", "crude_oil", 7_100_000, **cpc),
        _volume("v05", "d05", "crude_oil", 7_190_000, **cpc),
        _volume("v06", "d06", "crude_oil", 3_000_000, **cpc),
        _volume("v26", "d24", "crude_oil", 5_000_000, **cpc),
        _volume("v07", "d07", "wheat", 500_000, partner="CN"),
        _volume("v08", "d08", "crude_oil", 2_000_000, route="btc"),
        _volume("v09", "d09", "crude_oil", 2_000_000, route="btc", qualifier="approx"),
        _volume("v10", "d10", "crude_oil", 10_000_000, tmax=12_000_000, route="kazakhstan_china"),
        _volume("v11", "d11", "crude_oil", 10_000_000, tmax=12_000_000, route="kazakhstan_china"),
        _volume("v12", "d12", "coal", 800_000, partner="RU", change="increase", text="800 kt"),
        _volume("v13", "d12", "coal", 810_000, partner="RU", change="increase", sentence=1),
        # a dateline (month 7) before the sentence's own year
        _volume("v14", "d13", "crude_oil", 4_000_000, **cpc),
        # ranges: five claims in tonnage order; the 2nd and the 4th would be one claim without the 3rd between
        *[_volume(f"r{i}", f"d3{i}", "crude_oil", lo, tmax=hi, route="middle_corridor")
          for i, (lo, hi) in enumerate([(8e6, 9e6), (10e6, 12e6), (10.05e6, 20e6), (10.1e6, 12e6), (15e6, 16e6)], 1)],
    ]
    figures = [dated(d) for d in ("d01", "d02", "d03", "d04", "d05", "d06", "d13", "d24")]
    figures += [dated(f"d3{i}", 2030) for i in range(1, 6)]
    figures += [dated("d08", 2024), dated("d09", 2024), dated("d10", 2030), dated("d11", 2030)]
    figures += [("xd13m", "d13", "date", None, 7, 4, None, None, 0, 5, 19)]
    dateline = ("Head\nBURGAS, 4 July – A tanker", "BURGAS, 4 July")

    def fill(con):
        con.executemany("INSERT INTO marts.fct_export_volume VALUES (" + ",".join("?" * 17) + ")", volumes)
        con.executemany("INSERT INTO marts.fct_figure VALUES (" + ",".join("?" * 11) + ")", figures)
        con.execute("INSERT INTO marts.dim_document SELECT 'd' || lpad(i::varchar, 2, '0'), 'x', null FROM range(1, 13) t(i)")
        con.execute("INSERT INTO marts.dim_document VALUES ('d13', ?, ?)", dateline)
        con.execute("INSERT INTO marts.dim_document SELECT 'd3' || i, 'x', null FROM range(1, 6) t(i)")
        con.execute("INSERT INTO marts.dim_document VALUES ('d24', 'x', null)")

    _build(path, fill)

    def change(*sql, volumes=(), figures=()):
        con = duckdb.connect(str(path))
        for statement in sql:
            con.execute(statement)
        if volumes:
            con.executemany("INSERT INTO marts.fct_export_volume VALUES (" + ",".join("?" * 17) + ")", volumes)
        if figures:
            con.executemany("INSERT INTO marts.fct_figure VALUES (" + ",".join("?" * 11) + ")", figures)
        con.close()

    def claim_key(fid):
        con = duckdb.connect(str(path), read_only=True)
        try:
            return con.execute("select claim_key from marts.fct_export_claim_source where figure_id = ?",
                               [fid]).fetchone()[0]
        finally:
            con.close()

    def incremental_run(*fids):
        """An incremental build; which of these rows it recomputed (their claim_key marked before it)."""
        keys = {fid: claim_key(fid) for fid in fids}
        for fid in fids:
            change(f"update marts.fct_export_claim_source set claim_key = 'mark' where figure_id = '{fid}'")
        _dbt_run(path)
        recomputed = {fid for fid in fids if claim_key(fid) != "mark"}
        for fid in set(fids) - recomputed:
            change(f"update marts.fct_export_claim_source set claim_key = '{keys[fid]}' where figure_id = '{fid}'")
        if set(fids) - recomputed:
            _dbt_run(path, select=["fct_export_claim"])  # made from the marked rows
        return recomputed

    # nothing loaded: nothing is recomputed
    assert incremental_run("v01", "v12", "r3") == set()
    _equals_full(path)

    # round 1: new documents join a claim, start one, start a partition, merge two claims (1 025 000 is
    # within 1.5 % of both); d04 is loaded again with another tonnage (splits the 7 Mt chain), d10 again
    # with another year (moves partition); d07 goes (its partition empties), d09 turns non-ok (no volumes)
    change(
        "delete from marts.fct_export_volume where document_id in ('d04', 'd07', 'd09', 'd10')",
        "delete from marts.fct_figure where document_id = 'd10'",
        "insert into marts.dim_document values ('d18', 'Head\nBURGAS, 4 July – A tanker', 'BURGAS, 4 July')",
        volumes=[
            _volume("v15", "d14", "crude_oil", 1_025_000, ingested=t1, **cpc),
            _volume("v16", "d15", "crude_oil", 3_010_000, ingested=t1, **cpc),
            _volume("v17", "d16", "crude_oil", 9_000_000, ingested=t1, **cpc),
            _volume("v18", "d17", "uranium", 1_000, partner="CN", ingested=t1),
            _volume("v04", "d04", "crude_oil", 7_500_000, ingested=t1, **cpc),
            _volume("v10", "d10", "crude_oil", 10_000_000, tmax=12_000_000, route="kazakhstan_china", ingested=t1),
            # only the dateline's date in its sentence: no period
            _volume("v19", "d18", "crude_oil", 4_000_000, ingested=t1, **cpc),
        ],
        figures=[dated("d14"), dated("d15"), dated("d16"), dated("d17"), dated("d10", 2031),
                 ("xd18m", "d18", "date", None, 7, 4, None, None, 0, 5, 19)])
    # the claims beside a change (1.01 and 1.04 Mt; 3 and 4 Mt; 7 Mt), not 5 Mt nor other partitions
    assert incremental_run("v01", "v02", "v06", "v14", "v26", "v03", "v05", "v12", "r3") == {
        "v01", "v02", "v06", "v14", "v03", "v05"}
    got = _equals_full(path)
    keys = {row[3]: row[1] for row in got["fct_export_claim_source"][1]}  # figure_id -> claim_key
    assert "crude_oil|route:cpc|2025|level|point|1010000" in keys.values()
    assert "crude_oil|route:cpc|2025|level|point|1040000" not in keys.values()  # merged into 1 010 000
    assert {"crude_oil|route:cpc|2025|level|point|7010000", "crude_oil|route:cpc|2025|level|point|7190000"} <= set(keys.values())
    assert not any(k.startswith("wheat|") for k in keys.values())
    assert "crude_oil|route:cpc|-|level|point|4000000" in keys.values()

    # round 2: d07 back, d14 gone again (the claims split), d12 loaded again unchanged, a new coal figure;
    # 1 000 000 comes before the first claim and joins it (its key changes), d06 (first of the 3 Mt claim)
    # goes; the first and last range go, so the claims beside them are recomputed but not the one between
    change(
        "delete from marts.fct_export_volume where document_id in ('d14', 'd12', 'd06', 'd31', 'd35')",
        volumes=[
            _volume("v25", "d23", "crude_oil", 1_000_000, ingested=t2, **cpc),
            _volume("v07", "d07", "wheat", 500_000, partner="CN", ingested=t2),
            _volume("v12", "d12", "coal", 800_000, partner="RU", change="increase", text="800 kt", ingested=t2),
            _volume("v13", "d12", "coal", 810_000, partner="RU", change="increase", sentence=1, ingested=t2),
            _volume("v20", "d19", "coal", 805_000, partner="RU", change="increase", ingested=t2),
        ],
        figures=[dated("d23")])
    assert incremental_run("r2", "r3", "r4", "v13") == {"r2", "r4", "v13"}  # v13: d12 was loaded again
    got = _equals_full(path)
    keys = {row[3]: row[1] for row in got["fct_export_claim_source"][1]}  # figure_id -> claim_key
    assert keys["v01"] == keys["v25"] == "crude_oil|route:cpc|2025|level|point|1000000"
    assert keys["v02"] == "crude_oil|route:cpc|2025|level|point|1040000"
    assert keys["v16"] == "crude_oil|route:cpc|2025|level|point|3010000"
    assert len({keys["r2"], keys["r3"], keys["r4"]}) == 3

    # a table built before the bridge was incremental (no claim_partition, no ingested_at): rebuilt whole
    change("alter table marts.fct_export_claim_source drop column claim_partition",
           "alter table marts.fct_export_claim_source drop column ingested_at",
           volumes=[_volume("v21", "d20", "crude_oil", 1_000_000, ingested=t3, **cpc)])
    _dbt_run(path)
    got = _equals_full(path)
    assert got["fct_export_claim_source"][0][-2:] == ["claim_partition", "ingested_at"]


def test_incremental_build_after_an_empty_one(tmp_path):
    """A first build without volumes leaves an empty bridge; the volumes that come later are all new."""
    path = tmp_path / "w.duckdb"
    _build(path, lambda con: None)
    con = duckdb.connect(str(path))
    con.executemany("INSERT INTO marts.fct_export_volume VALUES (" + ",".join("?" * 17) + ")", [
        _volume("e1", "d1", "wheat", 500_000, partner="CN"), _volume("e2", "d2", "wheat", 505_000, partner="CN")])
    con.close()
    _dbt_run(path)
    got = _equals_full(path)
    assert [row[1] for row in got["fct_export_claim"][1]] == ["wheat|partner:CN|-|level|point|500000"]


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
                   (['en', 'ru', 'pl', 'bg', 'fr'])[1 + (i // 3) % 5], date '2025-01-01' + cast(i % 300 as integer),
                   timestamp '2025-06-01'
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
