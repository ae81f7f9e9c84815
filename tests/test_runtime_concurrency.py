"""Two runs on one warehouse, or a run beside another process's open DuckDB connection: the second
waits a bounded time or refuses with a message that names the lock or the process; nothing breaks."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.lock import (LOCK_FD_ENV, LOCK_PATH_ENV, WarehouseBusy, connect_rw, lock_path, probe_duckdb,
                                warehouse_lock)
from tests.conftest import REPO
from tests.runtime_support import build_env, mart_rows, run, small_folder, start_run

EXIT_BUSY = 75


def _holder(code: str, ready_marker: str = "ready") -> subprocess.Popen:
    """A helper process that runs `code`, prints ready, and sleeps until killed."""
    p = subprocess.Popen([sys.executable, "-c", code + f"\nprint({ready_marker!r}, flush=True)\nimport time\n"
                          "time.sleep(300)"], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == ready_marker
    return p


def _hold_lock(warehouse: Path) -> subprocess.Popen:
    return _holder(f"from orchestration.lock import warehouse_lock\n"
                   f"cm = warehouse_lock({str(warehouse)!r}, wait=0)\ncm.__enter__()")


def _stop(p: subprocess.Popen) -> None:
    p.kill()
    p.wait()


def test_the_lock_is_exclusive_reentrant_and_dies_with_its_holder(tmp_path):
    wh = tmp_path / "w.duckdb"
    holder = _hold_lock(wh)
    try:
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusy) as err, warehouse_lock(wh, wait=1.0):
            pass
        assert 0.9 < time.monotonic() - t0 < 5
        assert str(lock_path(wh)) in str(err.value) and f"pid {holder.pid}" in str(err.value)
    finally:
        holder.kill()  # SIGKILL: the kernel releases the lock
        holder.wait()
    with warehouse_lock(wh, wait=2.0), warehouse_lock(wh, wait=0):  # free now, and re-entrant in one process
        assert f'"pid": {os.getpid()}' in lock_path(wh).read_text()
    assert lock_path(wh).read_text() == ""  # released: nobody named as holder


def test_a_child_given_the_lock_holds_it_after_its_parent_is_gone(tmp_path):
    wh = tmp_path / "w.duckdb"
    code = ("import os, subprocess, sys\nfrom orchestration.lock import *\n"
            f"cm = warehouse_lock({str(wh)!r}, wait=0); cm.__enter__()\nfd = held_fd({str(wh)!r})\n"
            "env = dict(os.environ, **{LOCK_FD_ENV: str(fd), LOCK_PATH_ENV: str(lock_path(" + repr(str(wh)) + "))})\n"
            "child = subprocess.Popen([sys.executable, '-c', 'from orchestration.lock import *; "
            "adopt_inherited_lock(); import time; print(\"adopted\", flush=True); time.sleep(300)'], "
            "pass_fds=(fd,), env=env, stdout=sys.stdout)\n")
    parent = subprocess.Popen([sys.executable, "-c", code + "import time\ntime.sleep(300)"], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    assert parent.stdout.readline().strip() == "adopted"
    parent.kill()
    parent.wait()
    child_pid = __import__("json").loads(lock_path(wh).read_text())["build_pid"]
    try:
        with pytest.raises(WarehouseBusy, match=f"build process {child_pid}"), warehouse_lock(wh, wait=0.5):
            pass
    finally:
        os.kill(child_pid, signal.SIGKILL)
    time.sleep(0.5)
    with warehouse_lock(wh, wait=2):
        pass


def test_an_open_duckdb_connection_elsewhere_is_named_within_seconds(tmp_path):
    wh = tmp_path / "w.duckdb"
    duckdb.connect(str(wh)).close()
    holder = _holder(f"import duckdb\ncon = duckdb.connect({str(wh)!r})")
    try:
        for attempt in (lambda: connect_rw(wh, wait=1.0), lambda: probe_duckdb(wh, wait=1.0)):
            t0 = time.monotonic()
            with pytest.raises(WarehouseBusy) as err:
                attempt()
            assert time.monotonic() - t0 < 5
            assert f"process {holder.pid}" in str(err.value) and str(wh) in str(err.value)
    finally:
        _stop(holder)
    connect_rw(wh, wait=0).close()
    probe_duckdb(tmp_path / "not-yet.duckdb")  # nothing there yet: free


def test_make_run_refuses_within_seconds_when_the_lock_is_held(tmp_path):
    wh = tmp_path / "wh" / "w.duckdb"
    env = build_env(small_folder(tmp_path / "src", 1, 0), wh, tmp_path / "dagster", WAREHOUSE_LOCK_WAIT="2")
    holder = _hold_lock(wh)
    try:
        t0 = time.monotonic()
        code, out = run(env, timeout=60)
        assert time.monotonic() - t0 < 15
    finally:
        _stop(holder)
    assert code == EXIT_BUSY, out
    assert str(lock_path(wh)) in out and f"pid {holder.pid}" in out and "WAREHOUSE_LOCK_WAIT" in out
    assert "Traceback" not in out
    assert not wh.exists()  # refused before touching anything


def test_make_run_refuses_within_seconds_when_duckdb_is_open_elsewhere(tmp_path):
    wh = tmp_path / "wh" / "w.duckdb"
    wh.parent.mkdir()
    duckdb.connect(str(wh)).close()
    env = build_env(small_folder(tmp_path / "src", 1, 0), wh, tmp_path / "dagster")
    holder = _holder(f"import duckdb\ncon = duckdb.connect({str(wh)!r})")
    try:
        t0 = time.monotonic()
        code, out = run(env, timeout=60)
        assert time.monotonic() - t0 < 15
    finally:
        _stop(holder)
    assert code == EXIT_BUSY, out
    assert f"process {holder.pid}" in out and "Traceback" not in out


def test_a_step_of_a_sensor_run_takes_the_lock_too(tmp_path, monkeypatch):
    """Runs launched by `dagster dev` do not go through `make run`: each DuckDB-writing step locks."""
    from orchestration.assets.raw import raw_extraction
    from orchestration.resources import WarehouseDuckDBResource

    wh = tmp_path / "w.duckdb"
    for k, v in build_env(small_folder(tmp_path / "src", 1, 0), wh, tmp_path / "dagster",
                          WAREHOUSE_LOCK_WAIT="1").items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv(LOCK_FD_ENV, raising=False)
    monkeypatch.delenv(LOCK_PATH_ENV, raising=False)
    holder = _hold_lock(wh)
    try:
        result = dg.materialize([raw_extraction], partition_key="00", raise_on_error=False,
                                resources={"duckdb": WarehouseDuckDBResource(database=str(wh))})
    finally:
        _stop(holder)
    assert not result.success
    error = next(e for e in result.all_events if e.is_step_failure).event_specific_data.error
    text = error.message + (error.cause.message if error.cause else "")
    assert "WarehouseBusy" in text and str(lock_path(wh)) in text and f"pid {holder.pid}" in text


@pytest.mark.slow
def test_two_runs_at_once_take_turns_and_both_succeed(tmp_path, dev_corpus):
    wh = tmp_path / "wh" / "w.duckdb"
    env = build_env(small_folder(tmp_path / "src", 3, 3), wh, tmp_path / "dagster", WAREHOUSE_LOCK_WAIT="300")
    first = start_run(env)
    time.sleep(1.0)
    second = start_run(env)
    out1, _ = first.communicate(timeout=600)
    out2, _ = second.communicate(timeout=600)
    assert first.returncode == 0, out1[-3000:]
    assert second.returncode == 0, out2[-3000:]
    assert "waiting up to 300s for the warehouse lock" in out1 + out2
    published = mart_rows(wh.with_name("w_bi.duckdb"))
    assert len(published["dim_document"]) == 6
    assert published == mart_rows(wh)  # the BI copy is the warehouse's marts, whole


def test_a_run_waiting_for_the_lock_stops_at_once_on_sigterm(tmp_path):
    wh = tmp_path / "wh" / "w.duckdb"
    env = build_env(small_folder(tmp_path / "src", 1, 0), wh, tmp_path / "dagster", WAREHOUSE_LOCK_WAIT="120")
    holder = _hold_lock(wh)
    try:
        proc = start_run(env)
        seen = []
        for line in proc.stdout:
            seen.append(line)
            if line.startswith("waiting up to 120s for the warehouse lock"):
                break
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
        assert time.monotonic() - t0 < 5
    finally:
        _stop(holder)
    assert proc.returncode == 130, "".join(seen) + out
    assert "nothing changed" in out and "Traceback" not in out
    assert not wh.exists()
