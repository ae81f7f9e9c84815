"""Progress of a build, from the process that builds to the `make run` process that shows it.

The build process (orchestration/execute.py and the assets) calls `emit(event, **fields)`; each call
is one JSON line on the pipe whose descriptor is in KZ_PROGRESS_FD. Without that variable (a run
launched by `dagster dev`, a test calling the assets) `emit` does nothing. The display side is in
orchestration/display.py.
"""
from __future__ import annotations

import json
import os
import threading

PROGRESS_FD_ENV = "KZ_PROGRESS_FD"
_lock = threading.Lock()
_broken = False


def enabled() -> bool:
    return bool(os.environ.get(PROGRESS_FD_ENV)) and not _broken


def emit(event: str, **fields) -> None:
    """One progress event; never raises (a display that went away must not stop a build)."""
    global _broken
    fd = os.environ.get(PROGRESS_FD_ENV)
    if not fd or _broken:
        return
    line = (json.dumps({"event": event, **fields}, default=str, ensure_ascii=False) + "\n").encode("utf-8")
    with _lock:
        try:
            os.write(int(fd), line)  # one write per line: lines under PIPE_BUF never interleave
        except (OSError, ValueError):
            _broken = True


def parse(line: bytes | str) -> dict | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "event" in data else None
