"""Runs left behind by a process that died: mark them failed and give their pool slots back.

A run killed with SIGKILL (or by a power cut, or the OOM killer) cannot tell the Dagster instance it
stopped: it stays STARTED and keeps its slot in the `duckdb` pool (limit 1), and every later run
waits for that slot for ever ("Step blocked by limit for pool duckdb"). `make dev`'s daemon frees
the slots of *finished* runs only, and `make run` has no daemon. So every `make run` starts here:
each unfinished run whose process is gone is marked failed, and every slot or queued step held by a
run that is not running any more is freed.

Which process runs a run: the tags `kz/pid` and `kz/host` that `make run` sets when it launches one,
else the first pid the run's own engine events name (the run worker of a run launched by `dagster
dev`, or the process of an in-process execution), on this host.
"""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field

RUN_PID_TAG = "kz/pid"
RUN_HOST_TAG = "kz/host"


def launch_tags() -> dict[str, str]:
    """Tags for a run executed by this process: who to ask whether it is still alive."""
    return {RUN_PID_TAG: str(os.getpid()), RUN_HOST_TAG: socket.gethostname()}


@dataclass
class Recovery:
    failed_runs: list[str] = field(default_factory=list)    # unfinished runs marked failed
    freed: dict[str, list[str]] = field(default_factory=dict)  # run id → pools whose slots/queue it held
    notes: list[str] = field(default_factory=list)           # one readable line per action

    def __bool__(self) -> bool:
        return bool(self.failed_runs or self.freed)


def process_start_time(pid: int) -> float | None:
    """Start time of a process (seconds since the epoch) from /proc, None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, counted after the command name
        with open("/proc/stat", encoding="ascii") as f:
            btime = next(int(line.split()[1]) for line in f if line.startswith("btime "))
        return btime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def process_alive(pid: int, not_started_after: float | None = None) -> bool:
    """Is `pid` a live process, and (when a time is given) one that already ran at that time?
    A pid reused by a process that started after the run began is not the run's process."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, owned by someone else
    if not_started_after is not None:
        started = process_start_time(pid)
        if started is not None and started > not_started_after + 2:  # /proc's clock ticks and btime: ~1 s
            return False
    try:  # a zombie is dead: it only waits for its parent to read its status
        with open(f"/proc/{pid}/stat", "rb") as f:
            if f.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                return False
    except (OSError, IndexError):
        pass
    return True


def run_process(instance, record) -> tuple[int, str] | None:
    """(pid, host) of the process executing this run, or None when nothing says which it is."""
    from dagster import DagsterEventType

    tags = record.dagster_run.tags
    if RUN_PID_TAG in tags:
        try:
            return int(tags[RUN_PID_TAG]), tags.get(RUN_HOST_TAG) or socket.gethostname()
        except ValueError:
            pass
    conn = instance.get_records_for_run(record.dagster_run.run_id, of_type=DagsterEventType.ENGINE_EVENT,
                                        limit=20, ascending=True)
    for rec in conn.records:  # the first pid: the run worker (later ones can be short-lived step processes)
        event = rec.event_log_entry.dagster_event
        meta = getattr(getattr(event, "event_specific_data", None), "metadata", None) or {}
        pid = meta.get("pid")
        if pid is not None:
            try:
                return int(getattr(pid, "value", pid)), socket.gethostname()
            except (TypeError, ValueError):
                continue
    return None


def _run_start(record) -> float | None:
    start = getattr(record, "start_time", None)
    if start:
        return float(start)
    created = getattr(record, "create_timestamp", None)
    return created.timestamp() if created is not None else None


def recover_stale_runs(instance, log=print, pools: tuple[str, ...] = ("duckdb",)) -> Recovery:
    """Fail the unfinished runs whose process is gone and free every slot a non-running run holds."""
    from dagster import DagsterRunStatus, RunsFilter

    out = Recovery()
    host = socket.gethostname()
    unfinished = [DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING,
                  DagsterRunStatus.NOT_STARTED]
    live: set[str] = set()
    for record in instance.get_run_records(filters=RunsFilter(statuses=unfinished)):
        run = record.dagster_run
        proc = run_process(instance, record)
        if proc is None:
            if run.status != DagsterRunStatus.NOT_STARTED:
                live.add(run.run_id)  # nothing says which process it is: leave it alone
            continue
        pid, run_host = proc
        if run_host != host:
            live.add(run.run_id)
            out.notes.append(f"run {run.run_id[:8]} is {run.status.value} on host {run_host}, pid {pid}: "
                             "not checked from here")
            continue
        if process_alive(pid, _run_start(record)):
            live.add(run.run_id)
            continue
        message = (f"Marked failed by `make run` (orchestration/recovery.py): its process {pid} on {run_host} "
                   "is gone (killed or crashed), so it can never finish or give back its pool slots.")
        instance.report_run_failed(run, message=message)
        out.failed_runs.append(run.run_id)
        out.notes.append(f"run {run.run_id[:8]} ({run.job_name}) was {run.status.value} but its process "
                         f"{pid} is gone: marked it failed")
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        holders: dict[str, set[str]] = {}
        for pool in sorted(set(storage.get_concurrency_keys()) | set(pools)):
            info = storage.get_concurrency_info(pool)
            for slot in info.claimed_slots:
                holders.setdefault(slot.run_id, set()).add(pool)
            for step in info.pending_steps:
                holders.setdefault(step.run_id, set()).add(pool)
        for run_id in storage.get_concurrency_run_ids():  # queued steps of pools not listed above
            holders.setdefault(run_id, set())
        for run_id, held in sorted(holders.items()):
            if run_id in live:
                continue
            run = instance.get_run_by_id(run_id)
            if run is not None and run.status in (DagsterRunStatus.STARTED, DagsterRunStatus.STARTING,
                                                  DagsterRunStatus.CANCELING) and run_id not in out.failed_runs:
                continue  # running elsewhere, or not ours to judge
            storage.free_concurrency_slots_for_run(run_id)
            out.freed[run_id] = sorted(held)
            state = "missing from the instance" if run is None else run.status.value
            out.notes.append(f"freed the slots and queued steps of pool {', '.join(sorted(held)) or '?'} held by "
                             f"run {run_id[:8]} ({state})")
    for note in out.notes:
        log(note)
    return out

