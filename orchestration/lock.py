"""One writer per warehouse: an exclusive lock file beside WAREHOUSE_PATH, and a fast, clear answer
when someone else has the DuckDB file open.

`<warehouse>.lock` (fcntl.flock, exclusive) is taken by `make run` for the whole run and by each
DuckDB-writing step of a run that `dagster dev` launched (the sensor's). A second run waits up to
WAREHOUSE_LOCK_WAIT seconds (default 30) for it, then refuses with a message that names the lock
file and the process holding it. The kernel drops the lock when its holder dies, however it dies, so
a killed run never leaves it behind. The lock file itself stays (an empty lock file means free).

`make run` passes the lock it holds to the build process it starts (KZ_WAREHOUSE_LOCK_FD), so the
lock lives as long as either of them; inside one process the lock is re-entrant.

DuckDB's own lock on the file covers everyone else (a notebook, the DuckDB CLI): `probe_duckdb` and
`connect_rw` turn "Could not set lock on file" into a one-paragraph answer within seconds, naming
the process that has it, instead of Dagster's ten retries over minutes.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import socket
import sys
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

LOCK_WAIT_ENV = "WAREHOUSE_LOCK_WAIT"
LOCK_FD_ENV = "KZ_WAREHOUSE_LOCK_FD"
LOCK_PATH_ENV = "KZ_WAREHOUSE_LOCK_PATH"
DEFAULT_WAIT = 30.0
DUCKDB_BUSY_WAIT = 3.0  # seconds to retry a DuckDB file locked by another process before saying so


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse (the lock file, or DuckDB's own lock on the file)."""


def lock_path(warehouse: Path) -> Path:
    warehouse = Path(warehouse)
    return warehouse.with_name(warehouse.name + ".lock")


def lock_wait() -> float:
    raw = os.environ.get(LOCK_WAIT_ENV, "")
    try:
        return float(raw) if raw.strip() else DEFAULT_WAIT
    except ValueError:
        raise WarehouseBusy(f"{LOCK_WAIT_ENV}={raw!r} is not a number of seconds") from None


_held: dict[str, list[int]] = {}  # lock path → [fd, depth]
_guard = threading.Lock()


def _command(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return " ".join(" ".join(a.decode(errors="replace").split()) for a in raw.split(b"\0") if a)[:200]
    except OSError:
        return ""


def holder(path: Path) -> str:
    """Who holds the lock, as the holder wrote it: pid, command, host, since when."""
    try:
        info = json.loads(Path(path).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    if not info.get("pid"):
        return "a process that did not say which (pid unknown)"
    pids = [str(info["pid"])] + ([f"build process {info['build_pid']}"] if info.get("build_pid") else [])
    text = f"pid {', '.join(pids)}"
    if info.get("command"):
        text += f" (`{info['command']}`)"
    if info.get("host") and info["host"] != socket.gethostname():
        text += f" on host {info['host']}"
    if info.get("since"):
        text += f", since {info['since']}"
    return text


def _write_holder(fd: int, **extra) -> None:
    info = {"pid": os.getpid(), "host": socket.gethostname(), "command": _command(os.getpid()) or " ".join(sys.argv),
            "since": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"), **extra}
    data = json.dumps(info).encode()
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)


def _inherited(key: str) -> int | None:
    fd = os.environ.get(LOCK_FD_ENV)
    if fd and os.environ.get(LOCK_PATH_ENV) == key:
        try:
            os.fstat(int(fd))
            return int(fd)
        except (OSError, ValueError):
            return None
    return None


def inherited_lock(warehouse: Path) -> bool:
    """This process holds the lock on `warehouse` that `make run` took and passed down (so nothing else
    has written the warehouse since `make run` looked at it)."""
    return _inherited(str(lock_path(warehouse))) is not None


def adopt_inherited_lock() -> None:
    """In the build process that `make run` started: the lock it passed down is held by this process
    too; say so in the lock file (the build may outlive `make run` for a few seconds)."""
    key = os.environ.get(LOCK_PATH_ENV)
    fd = _inherited(key) if key else None
    if fd is None:
        return
    with _guard:
        _held.setdefault(key, [fd, 1])
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        info["build_pid"] = os.getpid()
        data = json.dumps(info).encode()
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)
    except (OSError, ValueError):
        pass


@contextmanager
def warehouse_lock(warehouse: Path, wait: float | None = None, on_wait=None):
    """Hold `<warehouse>.lock` exclusively: wait up to `wait` seconds (WAREHOUSE_LOCK_WAIT), then raise
    WarehouseBusy naming the holder. on_wait(message) is called once when the lock is taken."""
    path = lock_path(warehouse)
    key = str(path)
    with _guard:
        if key in _held:
            _held[key][1] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield path
        finally:
            with _guard:
                _held[key][1] -= 1
        return
    inherited = _inherited(key)
    if inherited is not None:
        adopt_inherited_lock()
        try:
            yield path
        finally:
            pass  # the inherited lock is released when the processes holding it exit
        return
    wait = lock_wait() if wait is None else wait
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    told = False
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"another run is building this warehouse: the lock {path} is held by {holder(path)}. "
                        f"Waited {wait:.0f}s. Let that run finish (or stop it: kill <pid>), then run again; "
                        f"set {LOCK_WAIT_ENV}=<seconds> to wait longer.") from None
                if not told and on_wait is not None:
                    on_wait(f"waiting up to {wait:.0f}s for the warehouse lock {path}, held by {holder(path)}")
                    told = True
                time.sleep(0.25)
        _write_holder(fd)
    except BaseException:
        os.close(fd)
        raise
    with _guard:
        _held[key] = [fd, 1]
    try:
        yield path
    finally:
        with _guard:
            del _held[key]
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def held_fd(warehouse: Path) -> int | None:
    """The descriptor of the lock this process holds on the warehouse (to pass to a child), if any."""
    with _guard:
        entry = _held.get(str(lock_path(warehouse)))
    return entry[0] if entry else None


_DUCKDB_HOLDER = re.compile(r"Conflicting lock is held in (?P<exe>.*?) \(PID (?P<pid>\d+)\)")


def duckdb_busy_message(warehouse: Path, error: BaseException) -> str | None:
    """A readable message when `error` is DuckDB refusing the file because another process has it."""
    text = str(error)
    if "Could not set lock" not in text and "Conflicting lock" not in text:
        return None
    m = _DUCKDB_HOLDER.search(text)
    who = "another process"
    if m:
        cmd = _command(int(m["pid"])) or m["exe"]
        who = f"process {m['pid']} (`{cmd}`)"
    return (f"the warehouse {warehouse} is open in {who}, which holds DuckDB's write lock on it. Close that "
            "connection or stop that process, then run again. BI tools and notebooks should open the BI copy "
            "(read-only, never locked) instead of the build's file.")


def connect_rw(warehouse: Path, config: dict | None = None, wait: float = DUCKDB_BUSY_WAIT):
    """duckdb.connect(warehouse) read-write; if another process has the file, retry for `wait`
    seconds, then raise WarehouseBusy with a message naming that process."""
    import duckdb

    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(warehouse), read_only=False, config=config or {})
        except duckdb.IOException as e:
            message = duckdb_busy_message(warehouse, e)
            if message is None:
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(message) from e
            time.sleep(0.25)


def probe_duckdb(warehouse: Path, wait: float = DUCKDB_BUSY_WAIT) -> None:
    """Raise WarehouseBusy (within `wait` seconds) if another process has the warehouse file open for
    writing. Opened read-only, so the probe never writes; a warehouse that does not exist yet is free,
    and any other error is left to the build, which reports it in its own words."""
    import duckdb

    if not Path(warehouse).exists():
        return
    deadline = time.monotonic() + wait
    while True:
        try:
            duckdb.connect(str(warehouse), read_only=True).close()
            return
        except duckdb.Error as e:
            message = duckdb_busy_message(warehouse, e)
            if message is None:
                return
            if time.monotonic() >= deadline:
                raise WarehouseBusy(message) from e
            time.sleep(0.25)
