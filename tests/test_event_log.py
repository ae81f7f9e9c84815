"""The build process's event log (orchestration/event_log.py): Dagster's own SQLite files, written
through one kept connection per file. What a run writes that way must be what Dagster's stock
storage reads in another process (the UI, the daemon), while the build is still running too."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import dagster as dg
import pytest

from orchestration.event_log import keep_connections

REPO = Path(__file__).resolve().parents[1]


@dg.op
def _count_to_three(context) -> int:
    for i in range(3):
        context.log.info(f"kz-counted {i}")
    return 3


@dg.job(executor_def=dg.in_process_executor)  # (as the build: steps in this process)
def _small_job():
    _count_to_three()


@pytest.fixture
def home(tmp_path, monkeypatch):
    (tmp_path / "dagster.yaml").write_text((REPO / "orchestration" / "dagster.yaml").read_text())
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    monkeypatch.setenv("DAGSTER_DISABLE_TELEMETRY", "1")
    return tmp_path


# another process, Dagster's stock storage: the events of a run, and the runs it knows
_READ_WITH_STOCK_STORAGE = textwrap.dedent("""
    import sys
    from dagster import DagsterInstance
    with DagsterInstance.get() as instance:
        logs = instance.all_logs(sys.argv[1])
        print(sum("kz-counted " in (e.user_message or "") for e in logs), instance.get_run_by_id(sys.argv[1]).status.value,
              len(instance.get_runs()))
""")


def _read_elsewhere(run_id: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _READ_WITH_STOCK_STORAGE, run_id], env=dict(os.environ),
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.split()


def test_a_run_written_through_kept_connections_reads_back_elsewhere_while_they_stay_open(home):
    with dg.DagsterInstance.get() as instance:
        assert keep_connections(instance.event_log_storage)
        first = dg.execute_job(dg.reconstructable(_small_job), instance=instance).run_id
        second = dg.execute_job(dg.reconstructable(_small_job), instance=instance).run_id
        kept = instance.event_log_storage._kept_engines
        assert {"index", first, second} <= set(kept)  # one engine per file, not one per event
        # read by another process while this one keeps its connections open
        assert _read_elsewhere(first) == ["3", "SUCCESS", "2"]
    assert _read_elsewhere(second) == ["3", "SUCCESS", "2"]


def test_a_home_written_by_dagsters_own_storage_is_read_and_extended(home):
    with dg.DagsterInstance.get() as instance:
        first = dg.execute_job(dg.reconstructable(_small_job), instance=instance).run_id
    with dg.DagsterInstance.get() as instance:
        assert keep_connections(instance.event_log_storage)
        assert sum("kz-counted " in (e.user_message or "") for e in instance.all_logs(first)) == 3
        second = dg.execute_job(dg.reconstructable(_small_job), instance=instance).run_id
        assert {r.run_id for r in instance.get_runs()} == {first, second}


def test_other_storages_are_left_as_they_are(home):
    with dg.DagsterInstance.ephemeral() as instance:  # in memory: not Dagster's SQLite files
        storage = instance.event_log_storage
        assert keep_connections(storage) is False
        assert not hasattr(storage, "_kept_engines")


def test_a_forked_child_opens_its_own_connections(home):
    with dg.DagsterInstance.get() as instance:
        storage = instance.event_log_storage
        keep_connections(storage)
        with storage.index_connection():
            pass
        parent_engine = storage._kept_engines["index"]
        pid = os.fork()
        if pid == 0:  # the child: a new engine for the same file, and it works
            try:
                with storage.index_connection():
                    pass
                os._exit(0 if storage._kept_engines["index"] is not parent_engine else 3)
            except BaseException:
                os._exit(4)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert storage._kept_engines["index"] is parent_engine


# a run written through kept connections, then the process killed before it closes anything
_WRITE_THEN_DIE = textwrap.dedent("""
    import os, signal, sys
    import dagster as dg
    sys.path.insert(0, sys.argv[1])
    from tests.test_event_log import _small_job
    from orchestration.event_log import keep_connections
    instance = dg.DagsterInstance.get()
    assert keep_connections(instance.event_log_storage)
    run_id = dg.execute_job(dg.reconstructable(_small_job), instance=instance).run_id
    with instance.event_log_storage.index_connection() as conn:
        mode = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    print(run_id, mode, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_commits_do_not_wait_for_the_disk_and_survive_the_process_being_killed(home):
    out = subprocess.run([sys.executable, "-c", _WRITE_THEN_DIE, str(REPO)], env=dict(os.environ),
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == -9, out.stderr[-2000:]
    run_id, mode = out.stdout.split()
    assert mode == "1"  # synchronous=NORMAL on the kept connections (Dagster's own: FULL)
    assert _read_elsewhere(run_id) == ["3", "SUCCESS", "1"]
