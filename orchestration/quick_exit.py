"""Leaving a process that has imported Dagster or dbt without the interpreter's teardown.

Tearing down those modules' objects takes about a second in the build process and half a second in
dbt's, after every build: a tenth of a run after a few new files. The exit handlers still run
(logging, multiprocessing, dbt-duckdb's, which closes its database and so checkpoints it)."""
from __future__ import annotations

import atexit
import os
import sys


def leave(code: int) -> None:
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away: nothing left to say to it
            pass
    os._exit(code)
