"""A corrupt warehouse file stops the run at once and is never written; a crash between a load and
its duplicate marking cannot happen (one transaction), and what older crashes left is repaired."""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import replace

import duckdb
import pytest

from tests.conftest import SEEDS
from warehouse.config import settings
from warehouse.preflight import (PreflightError, check_warehouse_file, file_stamp, known_sound, preflight,
                                 remember_sound, sound_stamp_path)
from warehouse.sync import sync_raw

QUIET = dict(log=lambda *_: None)


@pytest.fixture()
def env(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(f, src / f.name)
    monkeypatch.delenv("ALLOW_MASS_DELETE", raising=False)
    monkeypatch.setenv("SOURCE_DIR", str(src))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "w.duckdb"))
    return replace(settings(), workers=1), src


def sound_warehouse(s) -> bytes:
    sync_raw(s, **QUIET)
    return s.warehouse_path.read_bytes()


def corruptions(good: bytes) -> dict[str, bytes]:
    return {
        "empty": b"",
        "random": os.urandom(300_000),
        "random with the magic": good[:12] + os.urandom(300_000),
        "half": good[: len(good) // 2],
        "headers only": good[:12288],
        "last block cut": good[:-4096],
        "first kilobytes": good[:3000],
        "text": b"SQLite format 3\x00" + b"x" * 20_000,
    }


def test_every_corruption_is_refused_and_the_file_is_left_as_it_was(env):
    s, _ = env
    good = sound_warehouse(s)
    check_warehouse_file(s.warehouse_path)  # the sound file passes
    for name, data in corruptions(good).items():
        s.warehouse_path.write_bytes(data)
        t0 = time.perf_counter()
        with pytest.raises(PreflightError, match="WAREHOUSE_PATH=.*(truncated|not a DuckDB|empty|damaged|cannot be "
                                                  "opened).*left as it is"):
            sync_raw(s, **QUIET)
        assert time.perf_counter() - t0 < 10, name
        assert s.warehouse_path.read_bytes() == data, f"{name}: the file was written"
        assert sorted(p.name for p in s.warehouse_path.parent.iterdir()) == ["src", "w.duckdb"], name


def test_a_sound_file_whose_free_blocks_duckdb_cut_off_passes(tmp_path):
    import struct

    path = tmp_path / "grown.duckdb"
    for i in range(4):  # grow, drop, regrow: DuckDB truncates free blocks at the end of the file
        con = duckdb.connect(str(path))
        con.execute(f"create or replace table t{i % 2} as select range i, md5(range::varchar) s from range({(i + 1) * 200_000})")
        con.execute("create or replace table big as select range i, md5(range::varchar) s from range(1500000)")
        if i % 2:
            con.execute("drop table big")
        con.close()
    head = path.read_bytes()[:12288]
    header = max((struct.unpack_from("<8Q", head, off) for off in (4096, 8192)), key=lambda h: h[1])
    assert 12288 + header[4] * header[5] > path.stat().st_size  # the header counts blocks no longer in the file
    check_warehouse_file(path)
    data = path.read_bytes()
    path.write_bytes(data[:-100_000])
    with pytest.raises(PreflightError, match="truncated"):
        check_warehouse_file(path)


def test_duplicate_marking_is_in_the_load_transaction(env, monkeypatch):
    import warehouse.sync as sync

    s, src = env
    sound_warehouse(s)
    shutil.copy(sorted(src.iterdir())[0], src / "zz_twin.txt")

    def crash(con, ids):
        raise KeyboardInterrupt("killed between the load and its marking")

    monkeypatch.setattr(sync, "_mark_duplicates", crash)
    with pytest.raises(KeyboardInterrupt):
        sync_raw(s, **QUIET)
    con = duckdb.connect(str(s.warehouse_path), read_only=True)
    try:  # the batch was rolled back with its marking: no second `ok` row with the same id
        assert con.execute("select count(*) from raw.documents where source_file = 'zz_twin.txt'").fetchall() == [(0,)]
    finally:
        con.close()
    monkeypatch.undo()
    sync_raw(s, **QUIET)
    assert dict(rows(s, "select source_file, status from raw.documents"))["zz_twin.txt"] == "duplicate"


def rows(s, sql):
    con = duckdb.connect(str(s.warehouse_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_two_ok_rows_with_one_id_are_repaired_by_the_next_run(env):
    s, src = env
    sound_warehouse(s)
    first = sorted(src.iterdir())[0].name
    con = duckdb.connect(str(s.warehouse_path))
    try:  # what a kill between an older load's commit and its marking left behind
        con.execute("""insert into raw.documents select * replace ('zz_copy.txt' as source_file)
                       from raw.documents where source_file = ?""", [first])
        con.execute("""insert into raw.figures select * replace ('zz_copy.txt' as source_file)
                       from raw.figures where source_file = ?""", [first])
    finally:
        con.close()
    shutil.copy(src / first, src / "zz_copy.txt")
    logs = []
    sync_raw(s, log=logs.append)
    assert any("repaired 1 document id" in m for m in logs)
    assert rows(s, "select count(*) from (select document_id from raw.documents where status <> 'duplicate' "
                   "group by 1 having count(*) > 1)") == [(0,)]
    assert dict(rows(s, "select source_file, status from raw.documents"))["zz_copy.txt"] == "duplicate"
    assert rows(s, "select count(*) from raw.figures where source_file = 'zz_copy.txt'") == [(0,)]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["random", "half"])
def test_make_run_on_a_corrupt_warehouse_stops_at_once_and_writes_nothing(tmp_path, kind):
    from tests.test_safety_paths import build

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], src / "a.txt")
    wh = tmp_path / "wh" / "w.duckdb"
    wh.parent.mkdir()
    good = tmp_path / "good.duckdb"
    con = duckdb.connect(str(good))
    con.execute("create table t as select range as i, md5(range::varchar) as s from range(200000)")
    con.close()
    data = os.urandom(1_000_000) if kind == "random" else good.read_bytes()[: good.stat().st_size // 2]
    wh.write_bytes(data)
    t0 = time.perf_counter()
    out = build(src, {"WAREHOUSE_PATH": wh}, tmp_path / "dagster")
    assert out.returncode != 0
    assert time.perf_counter() - t0 < 120
    assert "left as it is" in out.stdout and str(wh) in out.stdout
    assert hashlib.sha256(wh.read_bytes()).digest() == hashlib.sha256(data).digest()
    # no WAL, no BI copy, no exports (the empty lock file of `make run` is not the warehouse's)
    assert sorted(p.name for p in wh.parent.iterdir() if not p.name.endswith(".lock")) == ["w.duckdb"]


def test_the_build_trusts_only_the_file_state_make_run_checked(env):
    """`make run` checks the file and passes its stamp to the build under the lock; the build skips
    the check only for that very state: a file changed since (here cut short) is checked again."""
    s, _ = env
    good = sound_warehouse(s)
    stamp = file_stamp(s.warehouse_path)
    preflight(s, checked=stamp)  # the state checked: no second check
    s.warehouse_path.write_bytes(good[:-4096])
    assert file_stamp(s.warehouse_path) != stamp
    with pytest.raises(PreflightError, match="truncated"):
        preflight(s, checked=stamp)
    with pytest.raises(PreflightError, match="truncated"):
        preflight(s)  # no stamp (a sensor run, `dagster dev`): always checked
    # the skip is real: the stamp of this (damaged) state lets it pass, which is why only `make run`
    # may give one, right after its own check and under the lock the build inherits
    preflight(s, checked=file_stamp(s.warehouse_path))


def test_a_file_left_as_the_last_successful_build_left_it_is_not_opened_again_any_change_is(env):
    """`make run` remembers the stamp of the file its successful build left (warehouse/preflight.py);
    the next run skips the check for that very state only: any later write, a cut, a replacement or a
    write-ahead log beside it makes the run check the file again."""
    s, _ = env
    good = sound_warehouse(s)
    assert known_sound(s.warehouse_path) is None  # nothing remembered yet
    remember_sound(s.warehouse_path)
    assert sound_stamp_path(s.warehouse_path).exists()
    assert known_sound(s.warehouse_path) == file_stamp(s.warehouse_path)
    preflight(s, checked=known_sound(s.warehouse_path))
    wal = s.warehouse_path.with_name(s.warehouse_path.name + ".wal")
    wal.write_bytes(b"x")
    assert known_sound(s.warehouse_path) is None  # someone wrote to it since
    wal.unlink()
    s.warehouse_path.write_bytes(good[:-4096])  # cut short, as a copy or a full disk does
    assert known_sound(s.warehouse_path) is None
    with pytest.raises(PreflightError, match="truncated"):
        preflight(s, checked=known_sound(s.warehouse_path))
    s.warehouse_path.write_bytes(good)  # the same bytes again: a new mtime, checked (and sound)
    assert known_sound(s.warehouse_path) is None
    preflight(s, checked=known_sound(s.warehouse_path))
    sound_stamp_path(s.warehouse_path).write_text("garbage")
    assert known_sound(s.warehouse_path) is None
