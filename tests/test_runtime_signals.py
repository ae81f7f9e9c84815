"""`make run` stops promptly and completely on SIGTERM or Ctrl-C at any stage, and the next run succeeds.

Each test starts `python -m orchestration.run`, waits until the stage it wants is visibly running
(extraction worker processes, the dbt process, a step waiting for the pool), signals it, and checks
that it is gone within 20 s with every process it had started.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.storage.dagster_run import DagsterRun, DagsterRunStatus

from tests.conftest import REPO
from tests.runtime_support import build_env, descendants, run_ok, small_folder, start_run

pytestmark = pytest.mark.slow

STOP_WITHIN = 20.0


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _wait_for_descendant(root: int, needle: str, timeout: float = 180) -> list[int]:
    """Poll until a descendant of root whose command line holds needle runs; returns all descendants."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        procs = descendants(root)
        if any(needle in _cmdline(p) for p in procs):
            return procs
        time.sleep(0.2)
    raise AssertionError(f"no process matching {needle!r} under {root} within {timeout}s")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_bytes().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return False


def _assert_stops(proc: subprocess.Popen, seen: list[int], sig: int) -> str:
    t0 = time.monotonic()
    proc.send_signal(sig)
    try:
        out, _ = proc.communicate(timeout=STOP_WITHIN + 10)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError(f"still running {STOP_WITHIN + 10}s after {signal.Signals(sig).name}")
    took = time.monotonic() - t0
    assert took < STOP_WITHIN, (took, out[-3000:])
    assert proc.returncode == 128 + sig, out[-3000:]
    time.sleep(0.5)
    survivors = [(p, _cmdline(p)) for p in seen if _alive(p)]
    assert not survivors, survivors
    assert "stopped" in out
    return out


@pytest.fixture
def many_files(tmp_path, dev_corpus):
    """Enough files (45) that extraction runs in worker processes."""
    src = small_folder(tmp_path / "src", 3, 17)
    for i, f in enumerate(sorted((src / "dev").iterdir()) * 3):
        shutil.copy(f, src / f"copy{i:02d}_{f.name}")
    return src


def test_sigterm_during_extraction_stops_workers_and_the_next_run_succeeds(tmp_path, many_files):
    env = build_env(many_files, tmp_path / "wh" / "w.duckdb", tmp_path / "dagster", EXTRACT_WORKERS="2")
    proc = start_run(env)
    seen = _wait_for_descendant(proc.pid, "multiprocessing")
    time.sleep(1.0)
    _assert_stops(proc, seen + descendants(proc.pid), signal.SIGTERM)
    out = run_ok(env)
    assert "warehouse built" in out


def test_ctrl_c_during_dbt_stops_dbt_and_the_next_run_succeeds(tmp_path, dev_corpus):
    env = build_env(small_folder(tmp_path / "src", 3, 3), tmp_path / "wh" / "w.duckdb", tmp_path / "dagster")
    proc = start_run(env)
    seen = _wait_for_descendant(proc.pid, "dbt build")
    time.sleep(1.0)
    _assert_stops(proc, seen + descendants(proc.pid), signal.SIGINT)
    out = run_ok(env)
    assert "warehouse built" in out


def test_sigterm_while_waiting_for_the_pool_slot(tmp_path):
    """A live run holds the duckdb slot: this run waits for it; SIGTERM must still end it."""
    env = build_env(small_folder(tmp_path / "src", 1, 0), tmp_path / "wh" / "w.duckdb", tmp_path / "dagster")
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        with dg.DagsterInstance.from_config(str(tmp_path / "dagster")) as instance:
            run_id = str(uuid.uuid4())
            instance.add_run(DagsterRun(job_name="build_warehouse", run_id=run_id, status=DagsterRunStatus.STARTED,
                                        tags={"kz/pid": str(holder.pid), "kz/host": socket.gethostname()}))
            instance.event_log_storage.initialize_concurrency_limit_to_default("duckdb")
            assert instance.event_log_storage.claim_concurrency_slot("duckdb", run_id, "raw_extraction").is_claimed
        proc = start_run(env)
        seen = _wait_for_descendant(proc.pid, "orchestration.execute")
        time.sleep(10)  # imports, then blocked on the slot
        assert proc.poll() is None
        _assert_stops(proc, seen + descendants(proc.pid), signal.SIGTERM)
    finally:
        holder.kill()
        holder.wait()


def test_when_make_is_killed_the_build_stops_too(tmp_path, dev_corpus):
    """SIGKILL to the process that started `make run` (make, a shell): nothing goes on as an orphan."""
    env = build_env(small_folder(tmp_path / "src", 3, 3), tmp_path / "wh" / "w.duckdb", tmp_path / "dagster")
    parent = subprocess.Popen(["/bin/sh", "-c", f"{sys.executable} -m orchestration.run; echo done"], cwd=REPO,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = _wait_for_descendant(parent.pid, "orchestration.execute")
    time.sleep(2)
    seen = descendants(parent.pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(p) for p in seen):
        time.sleep(0.5)
    assert not [(p, _cmdline(p)) for p in seen if _alive(p)]


def test_when_make_run_itself_is_killed_the_build_process_stops(tmp_path, dev_corpus):
    env = build_env(small_folder(tmp_path / "src", 3, 3), tmp_path / "wh" / "w.duckdb", tmp_path / "dagster")
    proc = start_run(env)
    _wait_for_descendant(proc.pid, "orchestration.execute")
    time.sleep(2)
    seen = descendants(proc.pid)
    proc.kill()
    proc.communicate()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(p) for p in seen):
        time.sleep(0.5)
    assert not [(p, _cmdline(p)) for p in seen if _alive(p)]
    # and the run it left is cleaned up by the next one
    out = run_ok(env)
    assert "warehouse built" in out
