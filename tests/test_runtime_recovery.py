"""A run killed earlier must not block later runs: its pool slot is freed and it is marked failed."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid

import dagster as dg
import pytest
from dagster._core.events import EngineEventData
from dagster._core.storage.dagster_run import DagsterRun, DagsterRunStatus

from orchestration.recovery import RUN_HOST_TAG, RUN_PID_TAG, process_alive, recover_stale_runs
from tests.runtime_support import build_env, dead_pid, run_ok, small_folder


def _instance(tmp_path):
    return dg.instance_for_test(temp_dir=str(tmp_path), overrides={
        "concurrency": {"pools": {"default_limit": 1, "granularity": "op"}}})


def _run_holding_slot(instance, tags: dict[str, str], status=DagsterRunStatus.STARTED, pool="duckdb") -> str:
    run_id = str(uuid.uuid4())
    instance.add_run(DagsterRun(job_name="build_warehouse", run_id=run_id, status=status, tags=tags))
    storage = instance.event_log_storage
    storage.initialize_concurrency_limit_to_default(pool)
    assert storage.claim_concurrency_slot(pool, run_id, "raw_extraction").is_claimed
    return run_id


def _holders(instance, pool="duckdb") -> set[str]:
    info = instance.event_log_storage.get_concurrency_info(pool)
    return {s.run_id for s in info.claimed_slots} | {s.run_id for s in info.pending_steps}


def _here(pid: int) -> dict[str, str]:
    return {RUN_PID_TAG: str(pid), RUN_HOST_TAG: socket.gethostname()}


def test_a_run_whose_process_is_gone_is_failed_and_its_slot_freed(tmp_path):
    with _instance(tmp_path) as instance:
        run_id = _run_holding_slot(instance, _here(dead_pid()))
        notes = []
        rec = recover_stale_runs(instance, log=notes.append)
        assert rec.failed_runs == [run_id]
        assert rec.freed == {run_id: ["duckdb"]}
        assert instance.get_run_by_id(run_id).status == DagsterRunStatus.FAILURE
        assert _holders(instance) == set()
        assert any("marked it failed" in n for n in notes) and any("freed" in n for n in notes)
        # the slot can be taken again
        assert instance.event_log_storage.claim_concurrency_slot("duckdb", "next-run", "raw_extraction").is_claimed


def test_a_live_run_keeps_its_slot(tmp_path):
    with _instance(tmp_path) as instance:
        run_id = _run_holding_slot(instance, _here(subprocess.os.getpid()))
        rec = recover_stale_runs(instance, log=lambda _: None)
        assert not rec
        assert instance.get_run_by_id(run_id).status == DagsterRunStatus.STARTED
        assert _holders(instance) == {run_id}


def test_a_run_on_another_host_is_left_alone(tmp_path):
    with _instance(tmp_path) as instance:
        run_id = _run_holding_slot(instance, {RUN_PID_TAG: str(dead_pid()), RUN_HOST_TAG: "elsewhere.invalid"})
        notes = []
        assert not recover_stale_runs(instance, log=notes.append)
        assert _holders(instance) == {run_id}
        assert "not checked" in notes[0]


def test_the_pid_of_a_run_launched_elsewhere_is_read_from_its_engine_events(tmp_path):
    """Runs that `dagster dev` launches have no pid tag: the run worker's pid is in its first engine event."""
    with _instance(tmp_path) as instance:
        gone = _run_holding_slot(instance, {})
        alive = _run_holding_slot(instance, {}, pool="other")
        instance.report_engine_event("Started process for run", instance.get_run_by_id(gone),
                                     EngineEventData.in_process(dead_pid()))
        instance.report_engine_event("Started process for run", instance.get_run_by_id(alive),
                                     EngineEventData.in_process(subprocess.os.getpid()))
        rec = recover_stale_runs(instance, log=lambda _: None, pools=("duckdb", "other"))
        assert rec.failed_runs == [gone]
        assert _holders(instance, "other") == {alive}


def test_a_finished_run_that_kept_its_slot_gives_it_back(tmp_path):
    with _instance(tmp_path) as instance:
        run_id = _run_holding_slot(instance, _here(subprocess.os.getpid()), status=DagsterRunStatus.FAILURE)
        rec = recover_stale_runs(instance, log=lambda _: None)
        assert rec.freed == {run_id: ["duckdb"]} and rec.failed_runs == []
        assert _holders(instance) == set()


def test_a_reused_pid_is_not_the_run_s_process(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.5)
        assert process_alive(sleeper.pid)
        assert process_alive(sleeper.pid, not_started_after=time.time())
        # a run that began an hour before this process started cannot be running in it
        assert not process_alive(sleeper.pid, not_started_after=time.time() - 3600)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not process_alive(sleeper.pid)


@pytest.mark.slow
def test_make_run_completes_although_a_killed_run_holds_the_duckdb_slot(tmp_path, dev_corpus):
    """The deadlock of issue 13 item 2: without recovery this run logs "Step blocked by limit for pool
    duckdb" for ever; with it, it frees the slot, says so, and finishes."""
    env = build_env(small_folder(tmp_path / "src", 2, 0), tmp_path / "wh" / "w.duckdb", tmp_path / "dagster")
    with dg.DagsterInstance.from_config(str(tmp_path / "dagster")) as instance:
        stale = _run_holding_slot(instance, _here(dead_pid()))
    t0 = time.monotonic()
    out = run_ok(env, timeout=240)
    assert time.monotonic() - t0 < 240
    assert stale[:8] in out and "freed" in out and "marked it failed" in out
    with dg.DagsterInstance.from_config(str(tmp_path / "dagster")) as instance:
        assert instance.get_run_by_id(stale).status == DagsterRunStatus.FAILURE
        assert _holders(instance) == set()
        runs = instance.get_runs(dg.RunsFilter(statuses=[DagsterRunStatus.SUCCESS]))
        assert len(runs) == 1 and runs[0].tags[RUN_PID_TAG].isdigit()
