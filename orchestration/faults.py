"""Fault injection for the crash tests: KZ_FAULT_STAGE=<stage> makes the build process kill itself
with SIGKILL at that stage, as a power cut or the OOM killer would (no clean-up code runs).

Stages and where they fire:
- scan: right after SOURCE_DIR is listed (the raw schema exists, nothing loaded);
- extract: when the first file of the run has been extracted, before anything of it is loaded;
- load: right after the first batch of files is committed to raw.*, before duplicates are marked;
- dbt: during `dbt build`, after its first model or seed is built (dbt itself is killed with the group);
- publish: half way through the publication: the new BI copy written under its temporary name and
  part of the Parquet files exported, nothing swapped in yet.

Unset (always, outside the tests), `fault_point` only reads one environment variable.
"""
from __future__ import annotations

import os
import signal
import sys

FAULT_ENV = "KZ_FAULT_STAGE"
STAGES = ("scan", "extract", "load", "dbt", "publish")


def wanted() -> str | None:
    stage = os.environ.get(FAULT_ENV, "").strip()
    if stage and stage not in STAGES:
        raise ValueError(f"{FAULT_ENV}={stage!r}: not a stage; one of {', '.join(STAGES)}")
    return stage or None


def fault_point(stage: str) -> None:
    """SIGKILL this process if KZ_FAULT_STAGE names `stage`."""
    if os.environ.get(FAULT_ENV) == stage:
        sys.stderr.write(f"{FAULT_ENV}={stage}: killing the build process {os.getpid()} with SIGKILL\n")
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)
