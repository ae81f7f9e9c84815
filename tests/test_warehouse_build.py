"""End to end: `python -m orchestration.run` (Dagster → DuckDB → dbt → BI copy) on real folders.

These are the checks of the backbone issue: the contract's tables and columns,
bad input that never stops a run, idempotence, add-then-remove restoring the
marts exactly, and a BI reader that keeps answering while a rebuild runs.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, SEEDS

pytestmark = pytest.mark.slow

CONTRACT_COLUMNS = {
    "dim_document": ["document_id", "source_file", "status", "status_reason", "language", "language_confidence",
                     "title", "published_date", "body_text", "char_count"],
    "dim_partner": ["partner_id", "partner_name", "iso3", "region", "is_bloc"],
    "dim_commodity": ["commodity_id", "commodity_name", "category"],
    "dim_route": ["route_id", "route_name", "mode", "bypasses_russia"],
    "fct_partner_mention": ["mention_id", "document_id", "partner_id", "sentence_index", "start_char", "end_char",
                            "surface_text", "mention_kind"],
    "fct_activity_event": ["event_id", "document_id", "partner_id", "activity_type", "sector", "planned",
                           "sentence_index", "start_char", "end_char", "surface_text", "evidence_text"],
    "fct_partner_activity": ["document_id", "partner_id", "activity_type", "sectors", "evidence_text", "event_count",
                             "first_sentence_index"],
    "fct_figure": ["figure_id", "document_id", "kind", "value", "value_max", "unit", "qualifier", "change",
                   "date_year", "date_month", "date_day", "weekday", "sentence_index", "start_char", "end_char",
                   "surface_text"],
    "fct_export_volume": ["figure_id", "document_id", "commodity_id", "route_id", "partner_id", "volume_tonnes",
                          "volume_tonnes_max", "qualifier", "change"],
}
CONTRACT_COMMODITIES = {"crude_oil", "natural_gas", "petroleum_products", "uranium", "coal", "grain", "wheat",
                        "hydrogen", "rare_earths", "lithium", "copper", "zinc", "manganese", "tungsten", "gallium",
                        "graphite", "electricity", "metals_other"}
CONTRACT_ROUTES = {"cpc", "btc", "middle_corridor", "atyrau_samara", "kazakhstan_china", "aktau_port", "other"}
CHINESE = "哈萨克斯坦是中亚最大的国家。该国的石油出口主要经过里海管道财团的管道运往黑海港口。" * 4


def run_build(source: Path, warehouse: Path, dagster_home: Path, wait: bool = True):
    env = dict(os.environ, SOURCE_DIR=str(source), WAREHOUSE_PATH=str(warehouse), DAGSTER_HOME=str(dagster_home),
               EXTRACT_WORKERS="1", DBT_SEND_ANONYMOUS_USAGE_STATS="false", DAGSTER_DISABLE_TELEMETRY="1")
    dagster_home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", dagster_home / "dagster.yaml")
    proc = subprocess.Popen([sys.executable, "-m", "orchestration.run"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if not wait:
        return proc
    out, _ = proc.communicate(timeout=900)
    assert proc.returncode == 0, out[-4000:]
    return out


def snapshot(warehouse: Path) -> dict[str, str]:
    """A digest of every mart's rows, order-independent."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        return {t: con.execute(
            f"select count(*) || ':' || coalesce(md5(string_agg(cast(x as varchar), '|' order by cast(x as varchar))), '')"
            f" from marts.{t} as x").fetchone()[0] for t in tables}
    finally:
        con.close()


def query(warehouse: Path, sql: str, params=None):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """The seeds plus every kind of bad input, built once for this module."""
    root = tmp_path_factory.mktemp("build")
    src = root / "src"
    src.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, src / f.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "noise.txt").write_bytes(os.urandom(20_000))
    ru = (SEEDS / "001_9cc73fe6376e6e9d.txt").read_text(encoding="utf-8")
    (src / "legacy").mkdir()
    (src / "legacy" / "ru_cp1251.txt").write_bytes(ru.encode("cp1251", errors="replace"))
    (src / "chinese.txt").write_text(CHINESE, encoding="utf-8")
    with open(src / "huge.txt", "wb") as f:
        f.write(b"Kazakhstan oil exports. " * (40 * 1024 * 1024 // 24))
    warehouse = root / "wh" / "warehouse.duckdb"
    out = run_build(src, warehouse, root / "dagster")
    return {"root": root, "src": src, "warehouse": warehouse, "bi": warehouse.with_name("warehouse_bi.duckdb"),
            "output": out}


def test_run_prints_where_the_results_are(build):
    assert str(build["warehouse"]) in build["output"]
    assert str(build["bi"]) in build["output"]
    assert build["bi"].exists()
    assert list((build["warehouse"].parent / "exports" / "fct_figure").glob("*.parquet"))


def test_every_contract_table_and_column_exists(build):
    cols = query(build["warehouse"], "select table_name, column_name from information_schema.columns "
                                     "where table_schema = 'marts'")
    have: dict[str, set[str]] = {}
    for t, c in cols:
        have.setdefault(t, set()).add(c)
    for table, wanted in CONTRACT_COLUMNS.items():
        assert table in have, table
        assert set(wanted) <= have[table], (table, set(wanted) - have[table])
    assert CONTRACT_COMMODITIES <= {r[0] for r in query(build["warehouse"], "select commodity_id from marts.dim_commodity")}
    assert CONTRACT_ROUTES <= {r[0] for r in query(build["warehouse"], "select route_id from marts.dim_route")}
    partners = {r[0] for r in query(build["warehouse"], "select partner_id from marts.dim_partner")}
    assert {"US", "RU", "CN", "EU", "DE", "TR"} <= partners and "KZ" not in partners
    assert len(partners) >= 193


def test_bad_input_has_status_rows_and_no_facts(build):
    rows = dict((r[0], r[1:]) for r in query(
        build["warehouse"], "select source_file, status, status_reason, language from marts.dim_document"))
    assert rows["empty.txt"][0] == "empty"
    assert rows["noise.txt"][0] == "binary"
    assert rows["chinese.txt"][0] == "unsupported_language" and "zh" in rows["chinese.txt"][1]
    assert rows["huge.txt"][0] == "too_large"
    for name in ("empty.txt", "noise.txt", "chinese.txt", "huge.txt"):
        assert rows[name][1], f"{name} needs a readable reason"
    assert len(rows) == 10  # 5 seeds + 5 odd files: nothing read is dropped
    facts = query(build["warehouse"], """
        select count(*) from marts.fct_figure f join marts.dim_document d using (document_id) where d.status <> 'ok'""")
    assert facts == [(0,)]


def test_cp1251_file_is_read_as_russian_with_mentions(build):
    [(status, lang, enc, doc_id)] = query(build["warehouse"], """
        select status, language, encoding, document_id from marts.dim_document where source_file = 'legacy/ru_cp1251.txt'""")
    assert (status, lang, enc) == ("ok", "ru", "cp1251")
    partners = {r[0] for r in query(build["warehouse"],
                                    "select partner_id from marts.fct_partner_mention where document_id = ?", [doc_id])}
    assert {"US", "RU"} <= partners


def test_offsets_point_at_surface_text(build):
    for table in ("fct_partner_mention", "fct_figure", "fct_entity_mention"):
        bad = query(build["warehouse"], f"""
            select count(*) from marts.{table} f join marts.dim_document d using (document_id)
            where substr(d.body_text, f.start_char + 1, f.end_char - f.start_char) <> f.surface_text""")
        assert bad == [(0,)], table


def test_bi_copy_is_in_a_format_duckdb_1x_reads(build):
    con = duckdb.connect()
    con.execute(f"attach '{build['bi']}' as bi (read_only)")
    [(tags,)] = con.execute("select tags from duckdb_databases() where database_name = 'bi'").fetchall()
    assert tags["storage_version"].startswith("v1."), tags
    assert con.execute("select count(*) from bi.marts.dim_document").fetchone()[0] == 10


def test_rerun_is_a_no_op_and_add_then_remove_restores(build, dev_corpus):
    before = snapshot(build["warehouse"])
    run_build(build["src"], build["warehouse"], build["root"] / "dagster")
    assert snapshot(build["warehouse"]) == before

    extra = build["src"] / "en_02_aktau-wheat.txt"
    shutil.copy(dev_corpus / extra.name, extra)
    run_build(build["src"], build["warehouse"], build["root"] / "dagster")
    added = snapshot(build["warehouse"])
    assert added["dim_document"] != before["dim_document"]
    [(n,)] = query(build["warehouse"], "select count(*) from marts.fct_figure f join marts.dim_document d "
                                       "using (document_id) where d.source_file = ?", [extra.name])
    assert n > 0

    extra.unlink()
    run_build(build["src"], build["warehouse"], build["root"] / "dagster")
    assert snapshot(build["warehouse"]) == before


def test_bi_reader_keeps_answering_during_a_rebuild(build, dev_corpus):
    sqlalchemy = pytest.importorskip("sqlalchemy")
    pytest.importorskip("duckdb_engine")
    # no pooling, as a BI tool should be set up: each query opens the current copy
    engine = sqlalchemy.create_engine(f"duckdb:///{build['bi']}", connect_args={"read_only": True},
                                      poolclass=sqlalchemy.pool.NullPool)
    # give the rebuild real work: a changed file
    shutil.copy(dev_corpus / "ru_01_ktk-shtorm.txt", build["src"] / "ru_01.txt")
    answers, errors = [], []
    proc = run_build(build["src"], build["warehouse"], build["root"] / "dagster", wait=False)

    def poll():
        while proc.poll() is None:
            try:
                with engine.connect() as c:
                    answers.append(c.execute(sqlalchemy.text("select count(*) from marts.dim_document")).scalar())
            except Exception as e:  # noqa: BLE001 - any failure is what this test looks for
                errors.append(repr(e))
            time.sleep(0.2)

    t = threading.Thread(target=poll)
    t.start()
    out, _ = proc.communicate(timeout=900)
    t.join()
    assert proc.returncode == 0, out[-3000:]
    assert not errors, errors[:3]
    assert len(answers) >= 3 and all(a >= 10 for a in answers)
    with engine.connect() as c:
        assert c.execute(sqlalchemy.text("select count(*) from marts.dim_document")).scalar() == 11
    (build["src"] / "ru_01.txt").unlink()


def test_the_readme_example_queries_run_on_the_bi_copy(build):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    statements = [s.strip() for b in blocks for s in b.split(";") if "select" in s.lower()]
    assert len(statements) >= 4
    con = duckdb.connect(str(build["bi"]), read_only=True)
    try:
        for sql in statements:
            con.execute(sql).fetchall()  # each must at least run against the published marts
    finally:
        con.close()
