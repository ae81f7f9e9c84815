"""Never destroy data: a missing SOURCE_DIR, an emptied folder or a mass removal change nothing
unless allowed (ALLOW_MASS_DELETE), and the BI copy is never replaced by a much emptier one."""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from warehouse.config import settings
from warehouse.guard import MassDeleteRefused, too_many_removed
from warehouse.preflight import PreflightError, check_source_dir
from warehouse.publish import PublishRefused, clean_leftovers, publish, standby_path
from warehouse.sync import sync_raw

QUIET = dict(log=lambda *_: None)


def digest(path: Path) -> str:
    """A file's bytes, or a folder's (its files' names and bytes)."""
    if path.is_dir():
        h = hashlib.sha256()
        for f in sorted(p for p in path.rglob("*") if p.is_file()):
            h.update(f.relative_to(path).as_posix().encode() + b"\0" + f.read_bytes())
        return h.hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_state(s) -> dict:
    con = duckdb.connect(str(s.warehouse_path), read_only=True)
    try:
        return {t: con.execute(f"select count(*), coalesce(string_agg(source_file, ',' order by source_file), '') "
                               f"from raw.{t}").fetchall()[0] for t in ("source_files", "documents", "figures")}
    finally:
        con.close()


@pytest.fixture()
def env(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:5]:
        shutil.copy(f, src / f.name)
    for name in ("ALLOW_MASS_DELETE", "MAX_DELETE_SHARE", "BI_WAREHOUSE_PATH", "EXPORTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SOURCE_DIR", str(src))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "wh" / "w.duckdb"))
    s = replace(settings(), workers=1)
    s.warehouse_path.parent.mkdir()
    sync_raw(s, **QUIET)
    return s, src


def test_the_rule():
    assert too_many_removed(3, 3, 0.2) and too_many_removed(1, 1, 0.2) and too_many_removed(1, 1, 1.0)
    assert too_many_removed(2, 5, 0.2) and not too_many_removed(1, 5, 0.2)
    assert not too_many_removed(1, 3, 0.2)          # one article deleted from three: an edit
    assert too_many_removed(1, 3, 0.0)              # share 0: any removal needs the allowance
    assert not too_many_removed(0, 10, 0.0) and not too_many_removed(5, 0, 0.2)
    assert not too_many_removed(20, 100, 0.2) and too_many_removed(21, 100, 0.2)


def test_a_typo_in_source_dir_changes_nothing(env):
    s, src = env
    before, raw = digest(s.warehouse_path), raw_state(s)
    typo = replace(s, source_dir=src.with_name("scr"))
    with pytest.raises(PreflightError, match="does not exist.*typo.*mounted"):
        sync_raw(typo, **QUIET)
    assert digest(s.warehouse_path) == before and raw_state(s) == raw


def test_a_file_or_an_unreadable_folder_is_not_a_source(env, monkeypatch, tmp_path):
    s, src = env
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(PreflightError, match="not a folder"):
        sync_raw(replace(s, source_dir=tmp_path / "a-file"), **QUIET)

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", denied)  # the tests run as root: chmod 000 would not stop a read
    with pytest.raises(PreflightError, match="cannot be read.*Permission denied"):
        check_source_dir(src)


def test_an_emptied_folder_changes_nothing_and_says_how_to_allow_it(env):
    s, src = env
    raw = raw_state(s)
    for f in src.iterdir():
        f.unlink()
    with pytest.raises(MassDeleteRefused, match="remove 5 of the warehouse's 5 documents.*ALLOW_MASS_DELETE=1"):
        sync_raw(s, **QUIET)
    assert raw_state(s) == raw


def test_more_than_the_share_is_refused_one_file_is_not(env):
    s, src = env
    raw = raw_state(s)
    files = sorted(src.iterdir())
    files[0].unlink()
    files[1].unlink()                                   # 2 of 5 documents: 40 % > 20 %
    with pytest.raises(MassDeleteRefused, match="MAX_DELETE_SHARE=0.2"):
        sync_raw(s, **QUIET)
    assert raw_state(s) == raw
    assert sync_raw(replace(s, max_delete_share=0.5), **QUIET).files_removed == 2
    files[2].unlink()                                   # 1 of 3: an ordinary edit
    assert sync_raw(s, **QUIET).files_removed == 1


def test_an_allowed_mass_delete_removes_everything(env, monkeypatch):
    s, src = env
    for f in src.iterdir():
        f.unlink()
    monkeypatch.setenv("ALLOW_MASS_DELETE", "1")
    allowed = replace(settings(), workers=1)
    assert allowed.allow_mass_delete
    rep = sync_raw(allowed, **QUIET)
    assert rep.files_removed == 5
    assert raw_state(s)["documents"] == (0, "")


def test_allowed_by_argument_too(env):
    s, src = env
    for f in src.iterdir():
        f.unlink()
    assert sync_raw(s, allow_mass_delete=True, **QUIET).files_removed == 5


# --- publication ---------------------------------------------------------------------------------

def fake_warehouse(path: Path, n_docs: int) -> Path:
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.dim_document as select 'd' || range as document_id from range(?)", [n_docs])
    con.execute("create table marts.fct_figure as select 1 as figure_id")
    con.close()
    return path


@pytest.fixture()
def pub(tmp_path, monkeypatch):
    for name in ("ALLOW_MASS_DELETE", "MAX_DELETE_SHARE"):
        monkeypatch.delenv(name, raising=False)
    wh = fake_warehouse(tmp_path / "kz-wh.duckdb", 10)
    bi, exports = tmp_path / "bi" / "kz-wh_bi.duckdb", tmp_path / "bi" / "exports"
    publish(wh, bi, exports)
    return wh, bi, exports


def bi_docs(bi: Path) -> int:
    con = duckdb.connect(str(bi), read_only=True)
    try:
        return con.execute("select count(*) from marts.dim_document").fetchall()[0][0]
    finally:
        con.close()


def test_an_empty_warehouse_is_not_published_over_a_full_copy(pub):
    wh, bi, exports = pub
    before = digest(bi), digest(exports / "dim_document")
    fake_warehouse(wh, 0)
    with pytest.raises(MassDeleteRefused, match="0 documents where .* holds 10.*ALLOW_MASS_DELETE=1"):
        publish(wh, bi, exports)
    fake_warehouse(wh, 7)                                # 3 of 10 gone: over 20 %
    with pytest.raises(MassDeleteRefused):
        publish(wh, bi, exports)
    assert (digest(bi), digest(exports / "dim_document")) == before
    assert sorted(p.name for p in bi.parent.iterdir() if p != standby_path(bi)) == ["exports", "kz-wh_bi.duckdb"]
    fake_warehouse(wh, 9)                                # one document fewer: published
    publish(wh, bi, exports)
    assert bi_docs(bi) == 9
    fake_warehouse(wh, 0)
    publish(wh, bi, exports, allow_mass_delete=True)
    assert bi_docs(bi) == 0


def test_foreign_files_at_the_publication_paths_are_left_alone(pub, tmp_path):
    wh, _, _ = pub
    mine = tmp_path / "notes.duckdb"
    mine.write_text("my notes, not a database")
    with pytest.raises(PublishRefused, match="not a DuckDB"):
        publish(wh, mine, tmp_path / "exp1")
    assert mine.read_text() == "my notes, not a database"
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.tex").write_text("years of work")
    with pytest.raises(PublishRefused, match="thesis.tex"):
        publish(wh, tmp_path / "bi2.duckdb", home)
    assert (home / "thesis.tex").read_text() == "years of work"


def test_leftovers_of_a_killed_publication_are_cleaned(pub):
    wh, bi, exports = pub
    dead = 2 ** 22 + 12345  # above the default pid_max: no such process
    (bi.parent / f".{bi.name}.{dead}.tmp").write_bytes(b"half a copy")
    (bi.parent / f".{bi.name}.{dead}.tmp.wal").write_bytes(b"wal")
    (bi.parent / f".{exports.name}.{dead}.tmp").mkdir()
    (bi.parent / f".{exports.name}.{dead}.tmp" / "x.parquet").write_bytes(b"x")
    alive = bi.parent / f".{bi.name}.{os.getppid()}.tmp"    # a running publisher's file stays
    alive.write_bytes(b"in progress")
    removed = clean_leftovers(bi, exports)
    assert len(removed) == 3 and alive.exists()
    alive.unlink()
    # killed between moving the exports aside and moving the new ones in: the old ones come back
    os.replace(exports, bi.parent / f".{exports.name}.{dead}.old")
    clean_leftovers(bi, exports)
    assert (exports / "dim_document").exists()
    assert sorted(p.name for p in bi.parent.iterdir() if p != standby_path(bi)) == ["exports", "kz-wh_bi.duckdb"]


# --- end to end: `python -m orchestration.run` ---------------------------------------------------

@pytest.mark.slow
def test_make_run_with_a_typo_or_an_emptied_folder_changes_nothing(tmp_path):
    from tests.test_safety_paths import build

    src = tmp_path / "src"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(f, src / f.name)
    paths = {"WAREHOUSE_PATH": tmp_path / "wh" / "kz-warehouse.duckdb"}
    bi = tmp_path / "wh" / "kz-warehouse_bi.duckdb"
    dg = tmp_path / "dagster"
    first = build(src, paths, dg)
    assert first.returncode == 0, first.stdout[-3000:]
    state = digest(paths["WAREHOUSE_PATH"]), digest(bi), digest(tmp_path / "wh" / "exports" / "dim_document")

    def unchanged():
        return (digest(paths["WAREHOUSE_PATH"]), digest(bi),
                digest(tmp_path / "wh" / "exports" / "dim_document")) == state

    typo = build(tmp_path / "scr", paths, dg)
    assert typo.returncode != 0 and "does not exist" in typo.stdout and unchanged()
    for f in src.iterdir():
        f.unlink()
    emptied = build(src, paths, dg)
    assert emptied.returncode != 0 and "ALLOW_MASS_DELETE=1" in emptied.stdout and unchanged()
    allowed = build(src, paths, dg, extra_env={"ALLOW_MASS_DELETE": "1"})
    assert allowed.returncode == 0, allowed.stdout[-3000:]
    assert bi_docs(bi) == 0
