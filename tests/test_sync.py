"""Incremental loading of the raw schema, straight against DuckDB (no Dagster, no dbt)."""
from __future__ import annotations

import os
import shutil
from dataclasses import replace

import duckdb
import pytest

from warehouse.config import settings
from warehouse.sync import BUCKETS, bucket_of, sync_raw
from tests.conftest import SEEDS


@pytest.fixture()
def env(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(f, src / f.name)
    monkeypatch.setenv("SOURCE_DIR", str(src))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "wh.duckdb"))
    s = replace(settings(), workers=1)
    return s, src


def rows(s, sql, params=None):
    con = duckdb.connect(str(s.warehouse_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_second_run_reads_nothing_and_a_touch_is_not_a_change(env):
    s, src = env
    first = sync_raw(s, log=lambda *_: None)
    assert first.files_new == 3 and first.documents_loaded == 3
    assert first.rows_loaded["mentions"] > 0 and first.rows_loaded["figures"] > 0
    again = sync_raw(s, log=lambda *_: None)
    assert (again.files_new, again.files_changed, again.files_removed, again.documents_loaded) == (0, 0, 0, 0)
    f = sorted(src.iterdir())[0]
    os.utime(f, ns=(1, 1))  # new mtime, same bytes: hashed, not extracted
    touched = sync_raw(s, log=lambda *_: None)
    assert touched.documents_loaded == 0


def test_changed_and_removed_files_replace_only_their_rows(env):
    s, src = env
    sync_raw(s, log=lambda *_: None)
    before = dict(rows(s, "select source_file, count(*) from raw.mentions group by 1"))
    victim, other = sorted(src.iterdir())[:2]
    victim.write_text("Kazachstan i Chiny podpisały umowę o eksporcie 5 mln ton zboża.", encoding="utf-8")
    rep = sync_raw(s, log=lambda *_: None)
    assert rep.files_changed == 1 and rep.documents_loaded == 1
    after = dict(rows(s, "select source_file, count(*) from raw.mentions group by 1"))
    assert after[other.name] == before[other.name]
    assert after[victim.name] != before[victim.name]
    victim.unlink()
    sync_raw(s, log=lambda *_: None)
    for table in ("documents", "mentions", "figures", "sentences", "source_files"):
        assert rows(s, f"select count(*) from raw.{table} where source_file = ?", [victim.name]) == [(0,)]


def test_identical_content_keeps_one_set_of_facts_and_revives_when_the_first_goes(env):
    s, src = env
    original = sorted(src.iterdir())[0]
    shutil.copy(original, src / ("zz_" + original.name))
    sync_raw(s, log=lambda *_: None)
    docs = dict(rows(s, "select source_file, status from raw.documents"))
    assert docs[original.name] == "ok" and docs["zz_" + original.name] == "duplicate"
    assert rows(s, "select count(*) from raw.figures where source_file = ?", ["zz_" + original.name]) == [(0,)]
    assert len({r[0] for r in rows(s, "select document_id from raw.documents")}) == 4
    original.unlink()
    sync_raw(s, log=lambda *_: None)
    assert dict(rows(s, "select source_file, status from raw.documents"))["zz_" + original.name] == "ok"
    assert rows(s, "select count(*) from raw.figures where source_file = ?", ["zz_" + original.name])[0][0] > 0


def test_a_bucket_backfill_touches_only_its_files(env):
    s, src = env
    sync_raw(s, log=lambda *_: None)
    files = sorted(p.name for p in src.iterdir())
    target = bucket_of(files[0])
    rep = sync_raw(s, log=lambda *_: None, buckets={target}, force=True)
    expected = sum(bucket_of(f) == target for f in files)
    assert rep.documents_loaded == expected and rep.files_seen == expected
    assert set(BUCKETS) >= {bucket_of(f) for f in files}


def test_bad_files_are_rows_with_reasons(env):
    s, src = env
    (src / "empty.txt").write_bytes(b"")
    (src / "noise.txt").write_bytes(os.urandom(1000))
    (src / "big.txt").write_bytes(b"x" * 2048)
    s = replace(s, max_file_bytes=1024)
    sync_raw(s, log=lambda *_: None)
    got = dict((r[0], (r[1], r[2])) for r in rows(s, "select source_file, status, status_reason from raw.documents"))
    assert got["empty.txt"][0] == "empty" and got["noise.txt"][0] == "binary" and got["big.txt"][0] == "too_large"
    assert all(reason for status, reason in got.values() if status != "ok")


def test_a_duplicate_becomes_a_document_when_its_original_changes(env):
    s, src = env
    original = sorted(src.iterdir())[0]
    twin = src / ("zz_" + original.name)
    shutil.copy(original, twin)
    sync_raw(s, log=lambda *_: None)
    original.write_text("Kazachstan wysłał 2 mln ton pszenicy do Chin.", encoding="utf-8")
    sync_raw(s, log=lambda *_: None)
    assert dict(rows(s, "select source_file, status from raw.documents"))[twin.name] == "ok"


def test_the_loader_runs_in_its_small_memory_budget_and_gives_the_connection_back(env, monkeypatch):
    import warehouse.sync as sync

    s, _ = env
    s = replace(s, duckdb_load_memory_limit="64MB")
    during = []
    real_load = sync._load

    def load(con, results, report, **kw):
        during.append(con.execute("SELECT current_setting('memory_limit')").fetchone()[0])
        return real_load(con, results, report, **kw)

    monkeypatch.setattr(sync, "_load", load)
    con = duckdb.connect(str(s.warehouse_path), config={"memory_limit": "300MB"})
    try:
        report = sync_raw(s, con=con, log=lambda *_: None)
        after = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        con.close()
    assert report.documents_loaded == 3
    assert during and all(v.startswith("61") for v in during)  # 64 MB while loading (61.0 MiB)
    assert after.startswith("286")                               # the caller's 300 MB again
