"""The build itself, in the process that `make run` (orchestration/run.py) starts and watches.

    python -m orchestration.execute      # normally started by `python -m orchestration.run`

Frees what killed runs left behind (orchestration/recovery.py), then runs the `build_warehouse` job
on the Dagster instance in DAGSTER_HOME (the same one `make dev` shows). SIGINT and SIGTERM stop it
the Dagster way (the running step is interrupted, dbt gets SIGINT, the run is marked canceled and its
pool slot freed). If the process that started it dies, it stops itself the same way.

Exit codes: 0 built, 1 the build failed, 130 interrupted.
"""
from __future__ import annotations

import importlib.abc
import os
import signal
import sys
import threading
import time

from orchestration import progress

PARENT_GONE_GRACE = 15.0  # seconds between the clean stop and SIGKILL of the group when the parent dies


def watch_parent(parent: int, grace: float = PARENT_GONE_GRACE) -> threading.Thread:
    """When the process that started this one is gone (killed with SIGKILL, say), stop: an interrupt
    first, then, if that has not ended the process within `grace` seconds, SIGKILL to the whole group
    (this process, its extraction workers and dbt). Nothing is left running on its own."""

    def loop() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(grace)
        try:
            os.killpg(os.getpgrp(), signal.SIGKILL)
        except OSError:
            os.kill(os.getpid(), signal.SIGKILL)

    t = threading.Thread(target=loop, name="watch-parent", daemon=True)
    t.start()
    return t


class _NoDbtModules(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201 - the finder protocol
        if name == "dbt" or name.startswith("dbt."):
            raise ImportError(f"{name}: dbt runs in its own process, not in the build's")
        return None


def hide_dbt_modules() -> None:
    """dbt's Python modules stay out of this process: dbt itself runs as its own process (the warm one,
    orchestration/dbt_warm.py, or the `dbt` command), and dagster-dbt reads its JSON event stream and
    the manifest without them (its own path for an environment without dbt-core). Importing them
    through dagster-dbt cost each run 1.3 s here, on the critical path; the asset graph is the same
    (same assets and checks: tests/test_orchestration.py). Processes this one starts import dbt as usual."""
    if not any(isinstance(f, _NoDbtModules) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoDbtModules())


def failure_messages(result) -> list[str]:
    """What failed, one readable line each: the failed steps' errors, shortened."""
    out = []
    for event in result.all_events:
        if event.is_step_failure:
            err = getattr(event.event_specific_data, "error", None)
            text = err.message.strip() if err is not None else event.message or ""
            cause = getattr(err, "cause", None)
            if cause is not None and cause.message:
                text += f" (caused by {cause.message.strip()})"
            lines = [ln for ln in text.splitlines() if ln.strip()]
            out.append(f"step {event.step_key} failed: " + " / ".join(lines[:6])[:1500])
    return out


def main() -> int:
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops like Ctrl-C
    progress.emit("started", pid=os.getpid())
    if os.environ.get("KZ_PARENT_PID"):
        watch_parent(int(os.environ["KZ_PARENT_PID"]))
    from orchestration.faults import wanted
    from orchestration.lock import adopt_inherited_lock

    try:
        wanted()  # a misspelt KZ_FAULT_STAGE must not silently test nothing
    except ValueError as e:
        progress.emit("error", text=str(e))
        return 2

    adopt_inherited_lock()  # the warehouse lock `make run` holds is this process's too
    from orchestration import dbt_warm
    from warehouse import prewarm
    from warehouse.config import SettingsError, settings

    # an extraction worker loads the languages on the other core while Dagster starts and the run
    # scans SOURCE_DIR: a run after a few new files does not wait seconds for it (warehouse/prewarm.py)
    try:
        prewarm.start(settings().workers)
    except SettingsError:
        pass  # the run's first step says what is wrong, in its own words
    # a run over every source bucket plans one event per asset, not one per bucket (8 per raw table):
    # each event is a write to the instance's SQLite, ~10 ms; Dagster's own switch for single-run
    # backfills (a failed run then does not mark the buckets failed; the run itself says it failed)
    os.environ.setdefault("DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS", "1")
    hide_dbt_modules()
    import dagster as dg

    from orchestration.assets.raw import FULL_RANGE_TAGS
    from orchestration.event_log import keep_connections
    from orchestration.recovery import launch_tags, recover_stale_runs

    try:
        with dg.DagsterInstance.get() as instance:
            keep_connections(instance.event_log_storage)  # hundreds of events: one connection, not one each
            # a run killed earlier may still hold the duckdb pool slot: free it, or this run waits for ever
            recover_stale_runs(instance, log=lambda note: progress.emit("note", text=f"recovered: {note}"))
            # every source bucket in one run: one scan of SOURCE_DIR, one DuckDB writer; the pid and
            # host tags let the next run tell whether this one is still alive
            result = dg.execute_job(dg.reconstructable(_job), instance=instance,
                                    tags={**FULL_RANGE_TAGS, **launch_tags()})
    except KeyboardInterrupt:
        progress.emit("interrupted")
        return 130
    finally:
        prewarm.stop()
        dbt_warm.stop()
    if not result.success:
        if any(e.event_type_value == "PIPELINE_CANCELED" for e in result.all_events):
            progress.emit("interrupted")
            return 130
        for message in failure_messages(result):
            progress.emit("error", text=message)
        return 1
    skipped = skipped_steps(result)
    if skipped:  # Dagster calls a run with a skipped step a success: a build that did not publish is not one
        progress.emit("error", text=f"step(s) {', '.join(skipped)} did not run (an upstream asset was not "
                                    "materialized): the BI copy was not updated; see the run log")
        return 1
    return 0


def skipped_steps(result) -> list[str]:
    return [e.step_key for e in result.all_events if e.event_type_value == "STEP_SKIPPED"]


def _job():
    from orchestration.definitions import defs

    return defs.resolve_job_def("build_warehouse")


if __name__ == "__main__":
    from orchestration.quick_exit import leave

    leave(main())
