"""Partial publication (warehouse/publish.py): after a few documents change, only their rows are
written to the BI copy and the Parquet exports, and the result equals a full publication of the same
warehouse; anything unexpected makes it a full one; a crash half way leaves the earlier copy."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO
from tests.runtime_support import mart_rows, parquet_rows
from warehouse import publish as pubmod
from warehouse.publish import publish, standby_path


def make_warehouse(path: Path, n_docs: int = 20) -> Path:
    """A warehouse with the shape publication relies on: per-document marts keyed by document_id and
    ingested_at, a mart computed across documents (claims) and a dimension."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""create table marts.dim_document as
        select 'd' || lpad(range::varchar, 4, '0') as document_id, timestamp '2026-01-01' as ingested_at,
               'text ' || range as body_text from range(?)""", [n_docs])
    con.execute("""create table marts.fct_figure as
        select document_id || ':f' || k as figure_id, document_id, ingested_at, k * 1.5 as value, [k, k + 1] as tags
        from marts.dim_document, range(3) t(k)""")
    con.execute("create table marts.dim_partner as select 'CN' as partner_id, 'China' as partner_name")
    _claims(con)
    con.close()
    return path


def _claims(con) -> None:
    con.execute("""create or replace table marts.fct_export_claim as
        select 'c' || count(*) as claim_id, count(*) as n_figures, list(document_id order by document_id) as document_ids
        from marts.fct_figure""")
    # a bridge computed across documents with a key of its own (figure_id): a new figure moves the
    # claims of figures above it in value order, in documents that did not change
    con.execute("""create or replace table marts.fct_export_claim_source as
        select 'claim-' || dense_rank() over (order by value desc) as claim_id, figure_id, document_id, value
        from marts.fct_figure""")


def change(path: Path, add: int = 2, replace: tuple[str, ...] = ("d0003",), remove: tuple[str, ...] = ("d0005",)) -> None:
    """New documents, a changed one (reloaded: new ingested_at, new rows) and a removed one."""
    con = duckdb.connect(str(path))
    con.execute("""insert into marts.dim_document
        select 'n' || range || '-' || (select count(*) from marts.dim_document), timestamp '2026-02-01', 'new ' || range
        from range(?)""", [add])
    for d in replace:
        con.execute("update marts.dim_document set ingested_at = timestamp '2026-02-02', body_text = 'changed' "
                    "where document_id = ?", [d])
        con.execute("delete from marts.fct_figure where document_id = ?", [d])
        con.execute("insert into marts.fct_figure values (? || ':f9', ?, timestamp '2026-02-02', 99.0, [9])", [d, d])
    for d in remove:
        con.execute("delete from marts.dim_document where document_id = ?", [d])
        con.execute("delete from marts.fct_figure where document_id = ?", [d])
    con.execute("""insert into marts.fct_figure
        select document_id || ':f0', document_id, ingested_at, 7.0, [] from marts.dim_document
        where ingested_at = timestamp '2026-02-01' and document_id not in (select document_id from marts.fct_figure)""")
    _claims(con)
    con.close()


@pytest.fixture()
def pub(tmp_path, monkeypatch):
    for name in ("ALLOW_MASS_DELETE", "MAX_DELETE_SHARE"):
        monkeypatch.delenv(name, raising=False)
    wh = make_warehouse(tmp_path / "wh.duckdb")
    bi, exports = tmp_path / "pub" / "wh_bi.duckdb", tmp_path / "pub" / "exports"
    first = publish(wh, bi, exports)
    assert (first.bi_mode, first.exports_mode) == ("full", "full")
    return wh, bi, exports


def assert_published(wh: Path, bi: Path, exports: Path, tmp_path: Path) -> None:
    """The publication holds the warehouse's marts, and equals a full publication of it."""
    want = mart_rows(wh)
    assert mart_rows(bi) == want
    assert parquet_rows(exports, want) == want
    full_bi, full_exports = tmp_path / "full" / "bi.duckdb", tmp_path / "full" / "exports"
    report = publish(wh, full_bi, full_exports, full=True)
    assert report.bi_mode == "full"
    assert mart_rows(full_bi) == mart_rows(bi)
    assert parquet_rows(full_exports, want) == parquet_rows(exports, want)
    con = duckdb.connect()
    con.execute("attach ? as b (read_only)", [str(bi)])
    [(tags,)] = con.execute("select tags from duckdb_databases() where database_name = 'b'").fetchall()
    assert tags["storage_version"].startswith("v1."), tags  # still readable by DuckDB 1.x
    con.close()


def test_a_few_changed_documents_are_published_partially_and_equal_a_full_publication(pub, tmp_path):
    wh, bi, exports = pub
    for round_ in range(3):  # from the copy, then twice from the standby (the publication before last)
        change(wh, replace=(f"d000{round_ + 1}",), remove=(f"d001{round_}",))
        report = publish(wh, bi, exports)
        assert (report.bi_mode, report.exports_mode) == ("partial", "partial"), report.notes
        # two new, one changed, one removed; the standby is two publications behind: both rounds' changes
        assert report.changed_documents == (4 if round_ == 0 else 8)
        assert_published(wh, bi, exports, tmp_path / f"r{round_}")
        assert standby_path(bi).exists() and not os.path.samefile(standby_path(bi), bi)
    # new documents went to new parts; the parts that held a changed or removed document were rewritten
    assert len(list((exports / "fct_figure").glob("part-*.parquet"))) == 4
    # nothing changed since: still partial (the standby catches up with the last round only)
    report = publish(wh, bi, exports)
    assert (report.bi_mode, report.exports_mode, report.changed_documents) == ("partial", "partial", 4)
    assert_published(wh, bi, exports, tmp_path / "same")


def test_a_keyed_table_across_documents_is_updated_by_its_rows(pub, tmp_path, monkeypatch):
    """fct_export_claim_source changes outside the changed documents: its rows are compared by key and
    hash, and only the different ones written; with a key that is not unique, the table is written whole."""
    wh, bi, exports = pub
    calls = []
    real = pubmod._update_by_key
    monkeypatch.setattr(pubmod, "_update_by_key", lambda *a: calls.append(real(*a)) or calls[-1])
    claim_of = "select figure_id, claim_id from marts.fct_export_claim_source where document_id like 'd%' " \
               "and document_id != 'd0002'"
    con = duckdb.connect(str(wh))
    before = dict(con.execute(claim_of).fetchall())
    con.close()
    change(wh, replace=("d0002",), remove=())
    con = duckdb.connect(str(wh))
    after = dict(con.execute(claim_of).fetchall())
    con.close()
    # the new figures (7.0, 99.0) renumbered the claims of documents that did not change
    assert after.keys() == before.keys() and sum(after[f] != before[f] for f in after) > 0
    report = publish(wh, bi, exports)
    assert (report.bi_mode, calls) == ("partial", [True])
    assert_published(wh, bi, exports, tmp_path / "keyed")
    con = duckdb.connect(str(wh))
    con.execute("insert into marts.fct_export_claim_source select * from marts.fct_export_claim_source limit 1")
    con.close()
    report = publish(wh, bi, exports)
    assert (report.bi_mode, calls) == ("partial", [True, False])
    assert_published(wh, bi, exports, tmp_path / "duplicated")


def test_no_earlier_copy_or_a_corrupt_one_means_a_full_publication(pub, tmp_path):
    wh, bi, exports = pub
    change(wh)
    publish(wh, bi, exports)
    # a standby that is not a database: the copy is written whole, correctly
    standby_path(bi).write_bytes(b"not a database" * 1000)
    change(wh, replace=("d0007",), remove=())
    report = publish(wh, bi, exports)
    assert report.bi_mode == "full" and report.exports_mode == "partial"
    assert_published(wh, bi, exports, tmp_path / "a")
    # the BI copy gone (and its standby): full; the exports gone: full
    bi.unlink()
    standby_path(bi).unlink()
    import shutil
    shutil.rmtree(exports)
    change(wh, replace=(), remove=("d0008",))
    report = publish(wh, bi, exports)
    assert (report.bi_mode, report.exports_mode) == ("full", "full")
    assert_published(wh, bi, exports, tmp_path / "b")


def test_a_changed_schema_or_dbt_project_means_a_full_publication(pub, tmp_path, monkeypatch):
    wh, bi, exports = pub
    con = duckdb.connect(str(wh))
    con.execute("alter table marts.fct_figure add column unit varchar default 't'")
    con.close()
    report = publish(wh, bi, exports)
    assert (report.bi_mode, report.exports_mode) == ("full", "full")
    assert any("columns of marts.fct_figure" in n for n in report.notes), report.notes
    assert_published(wh, bi, exports, tmp_path / "a")
    monkeypatch.setattr(pubmod, "fingerprint", lambda: "other models")
    report = publish(wh, bi, exports)
    assert (report.bi_mode, report.exports_mode) == ("full", "full")
    assert_published(wh, bi, exports, tmp_path / "b")


def test_many_changed_documents_or_an_old_exports_layout_mean_a_full_publication(pub, tmp_path):
    wh, bi, exports = pub
    change(wh, add=30, replace=(), remove=())
    report = publish(wh, bi, exports)
    assert (report.bi_mode, report.exports_mode) == ("full", "full")  # 30 of 50 changed
    import shutil
    for folder in [p for p in exports.iterdir() if p.is_dir()]:  # one file per table, as before
        shutil.copy(next(folder.glob("*.parquet")), exports / f"{folder.name}.parquet")
        shutil.rmtree(folder)
    change(wh)
    report = publish(wh, bi, exports)
    assert report.exports_mode == "full", report.notes
    assert sorted(p.name for p in exports.iterdir()) == ["dim_document", "dim_partner", "fct_export_claim",
                                                          "fct_export_claim_source", "fct_figure"]
    assert_published(wh, bi, exports, tmp_path / "a")


def test_the_published_inode_is_never_written(pub, tmp_path):
    """A standby that is the published copy itself (a crash between the link and the swap of an
    older version, or a hand-made link) is not updated in place: readers of that inode keep it."""
    wh, bi, exports = pub
    standby_path(bi).unlink(missing_ok=True)
    os.link(bi, standby_path(bi))
    reader_view = tmp_path / "held.duckdb"
    os.link(bi, reader_view)  # what a reader holding the current copy sees
    before = mart_rows(reader_view)
    change(wh)
    report = publish(wh, bi, exports)
    assert report.bi_mode == "partial"
    assert mart_rows(reader_view) == before
    assert_published(wh, bi, exports, tmp_path / "a")


def test_a_reader_holding_the_standby_gets_a_full_publication(pub, tmp_path):
    """DuckDB's file lock keeps the writer off a copy that another process still reads."""
    wh, bi, exports = pub
    change(wh)
    publish(wh, bi, exports)  # the first copy is the standby now
    before = mart_rows(standby_path(bi))
    reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, duckdb
        con = duckdb.connect(sys.argv[1], read_only=True)
        con.execute("select count(*) from marts.dim_document").fetchall()
        print("ready", flush=True)
        sys.stdin.read()
        """), str(standby_path(bi))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        held = tmp_path / "held.duckdb"
        os.link(standby_path(bi), held)
        change(wh, replace=("d0009",), remove=())
        report = publish(wh, bi, exports)
        assert report.bi_mode == "full", report.notes
        assert mart_rows(held) == before  # the reader's file was not touched
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)
    assert_published(wh, bi, exports, tmp_path / "a")


CRASH = """
import os, signal, sys
from pathlib import Path
import duckdb
from warehouse.publish import publish

class Killing:
    # SIGKILL at the after-th write, counted over the connection and its cursors (the Parquet
    # exports of a partial publication are written on a cursor, in a thread)
    def __init__(self, con, after, count=None):
        self.con, self.after, self.count = con, after, count if count is not None else [0]
    def execute(self, sql, *a, **k):
        if isinstance(sql, str) and sql.lstrip().upper().startswith(("COPY", "CHECKPOINT", "DELETE")):
            self.count[0] += 1
            if self.count[0] == self.after:
                os.kill(os.getpid(), signal.SIGKILL)
        return self.con.execute(sql, *a, **k)
    def cursor(self):
        return Killing(self.con.cursor(), self.after, self.count)
    def __getattr__(self, name):
        return getattr(self.con, name)

wh, bi, exports, after = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
con = duckdb.connect()
con.execute("ATTACH ? AS wh (READ_ONLY)", [str(wh)])
con.execute("USE wh")
publish(wh, bi, exports, con=Killing(con, after))
"""


@pytest.mark.parametrize("after", [1, 2, 4, 6])
def test_a_crash_during_a_partial_publication_leaves_the_earlier_one(pub, tmp_path, after):
    wh, bi, exports = pub
    change(wh)
    publish(wh, bi, exports)  # a standby exists: the partial update writes into it
    earlier = mart_rows(bi)
    change(wh, replace=("d0011",), remove=("d0012",))
    proc = subprocess.run([sys.executable, "-c", CRASH, str(wh), str(bi), str(exports), str(after)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr[-2000:]
    assert mart_rows(bi) == earlier
    assert parquet_rows(exports, earlier) == earlier
    # the next publication cleans up and converges
    report = publish(wh, bi, exports)
    assert report.bi_mode in ("partial", "full")
    assert_published(wh, bi, exports, tmp_path / "a")
    assert [p.name for p in bi.parent.iterdir() if p.name.endswith((".tmp", ".old", ".wal"))] == []


def _positions_table(path: Path, n_docs: int, shuffle_seed: float) -> None:
    """A fact with positions, written in a scrambled order (as parallel inserts leave it)."""
    con = duckdb.connect(str(path))
    con.execute(f"select setseed({shuffle_seed})")
    con.execute("""create or replace table marts.fct_export_volume as
        select document_id || ':v' || k as figure_id, document_id, ingested_at, k * 10 as start_char,
               k * 10 + 5 as end_char, 1000.0 * (3 - k) as volume_tonnes
        from marts.dim_document, range(3) t(k) order by random()""")
    con.close()


def test_facts_are_published_in_reading_order_full_and_partial(tmp_path, monkeypatch):
    # scorers and analysts read `select *` in order: each document's rows by position
    for name in ("ALLOW_MASS_DELETE", "MAX_DELETE_SHARE"):
        monkeypatch.delenv(name, raising=False)
    wh = make_warehouse(tmp_path / "wh.duckdb")
    _positions_table(wh, 20, 0.3)
    bi, exports = tmp_path / "pub" / "wh_bi.duckdb", tmp_path / "pub" / "exports"

    def in_order() -> None:
        con = duckdb.connect(str(bi), read_only=True)
        rows = con.execute("select document_id, start_char from marts.fct_export_volume").fetchall()
        con.close()
        by_doc: dict[str, list[int]] = {}
        for d, s in rows:
            by_doc.setdefault(d, []).append(s)
        assert all(v == sorted(v) for v in by_doc.values())
        assert [d for i, (d, _) in enumerate(rows) if i == 0 or rows[i - 1][0] != d] == list(dict.fromkeys(by_doc))
        part_rows = duckdb.sql(f"select document_id, start_char from read_parquet('{exports}/fct_export_volume/*.parquet')"
                               ).fetchall()
        assert sorted(part_rows) == sorted(rows)

    assert publish(wh, bi, exports).bi_mode == "full"
    in_order()
    change(wh)
    _positions_table(wh, 21, 0.7)
    report = publish(wh, bi, exports)
    in_order()
    assert report.bi_mode in ("partial", "full")
