"""A dbt process started ahead of the dbt step, with dbt's modules already imported.

Importing dbt (its command line, tasks and the DuckDB adapter) takes a new Python process about 1.5 s,
each run, on the critical path of a run after a few new files. The raw step starts this process
(`start()`); it imports those modules on the machine's other core while the step scans SOURCE_DIR and
loads the new files, then waits. When the dbt step runs `orchestration/bin/dbt`, that wrapper hands it
its command line, working folder, environment and standard streams over a Unix socket (`request()`),
and this process becomes that dbt invocation: its output goes to dagster-dbt's pipe as a dbt process
started directly would write it, and its exit code goes back to the wrapper, which exits with it.
Once imported, it also parses the dbt project (`dbt parse` into its own folder, seeded with the
project's partial_parse.msgpack): an incremental build that it is then asked for, with the same
environment and an unchanged project, runs on that manifest instead of parsing again (0.8 s of the
dbt step at 100,000 articles). Anything else (a full build, other settings, a file changed since)
parses as dbt always does. One process serves one invocation. When nothing asks within the run (no dbt step, another
executor), it exits with the process that started it. The wrapper passes SIGINT and SIGTERM on, and
a wrapper that dies stops the dbt it asked for. When no warm process answers, the wrapper runs dbt
itself, as before (KZ_DBT_WARM=0 turns the warm start off).
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

WARM_ENV = "KZ_DBT_WARM"  # the socket the wrapper asks (set by start(); "0" in the environment: off)
_PROC: subprocess.Popen | None = None
_DIR: str | None = None
# what a `dbt build` imports beyond its command line (measured: 1.6 s of a new process's 2 s)
_MODULES = ("dbt.cli.main", "dbt.adapters.duckdb", "dbt.task.build", "dbt.compilation", "dbt.runners",
            "dbt.parser.sql", "dbt_common.clients.agate_helper", "babel.dates")
_MAX_HEADER = 1 << 20
_IMPORT_NICENESS = 10
_STARTING = 3.0  # seconds a wrapper waits for the socket of a warm process that is still starting


def start() -> None:
    """Start the warm dbt process for this process's next dbt invocation (once)."""
    global _PROC, _DIR
    if _PROC is not None or os.environ.get(WARM_ENV) == "0":
        return
    _DIR = tempfile.mkdtemp(prefix="kz-dbt-")
    path = os.path.join(_DIR, "dbt.sock")
    _PROC = subprocess.Popen([sys.executable, "-m", "orchestration.dbt_warm", path, str(os.getpid())],
                             stdin=subprocess.DEVNULL, cwd=str(Path(__file__).resolve().parent.parent))
    os.environ[WARM_ENV] = path
    atexit.register(stop)


def stop() -> None:
    """End the warm process if nothing used it, and remove its socket."""
    global _PROC, _DIR
    if _PROC is not None:
        if _PROC.poll() is None:
            try:
                _PROC.terminate()
                _PROC.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                _PROC.kill()
        _PROC = None
    if _DIR is not None:
        shutil.rmtree(_DIR, ignore_errors=True)
        _DIR = None
    if os.environ.get(WARM_ENV) not in (None, "0"):
        del os.environ[WARM_ENV]


# ----------------------------------------------------------------------------- the warm process


def serve(path: str, parent: int) -> int:
    """Listen at path first (a wrapper that comes early waits in the backlog), import dbt, then serve
    one invocation; leave when the parent is gone."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    # the imports use what CPU the raw step leaves (its scan, the extraction worker, the load): at a
    # lower priority they do not slow that step down
    niced = _nice(_IMPORT_NICENESS)
    for name in _MODULES:
        try:
            __import__(name)
        except ImportError:
            pass
    parsed = _preparse(os.path.dirname(path))
    server.settimeout(0.5)
    while True:
        try:
            conn, _ = server.accept()
            break
        except socket.timeout:
            if os.getppid() != parent:
                return 0
    server.close()
    if niced:
        _nice(-_IMPORT_NICENESS)  # back to the run's priority for dbt itself, where allowed
    conn.settimeout(None)
    msg, fds, _flags, _addr = socket.recv_fds(conn, _MAX_HEADER, 3)
    if len(fds) != 3:
        return 1
    request = json.loads(msg)
    conn.sendall(json.dumps({"pid": os.getpid()}).encode() + b"\n")
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["dbt", *request["argv"]]
    done = threading.Event()  # set once dbt has finished: the wrapper going then is no reason to stop
    threading.Thread(target=_watch_asker, args=(conn, done), daemon=True).start()
    try:
        code = run_cli(parsed.manifest if parsed is not None and parsed.fits(request) else None)
        if parsed is not None and parsed.used:
            parsed.hand_on_parse_state(request["env"])
    except KeyboardInterrupt:
        code = 130
    done.set()
    try:
        conn.sendall(json.dumps({"code": code}).encode() + b"\n")
    except OSError:
        pass
    return code


def run_cli(manifest=None) -> int:  # noqa: ANN001 - a dbt Manifest, imported only here
    """dbt's command line (sys.argv) in this process; its exit code. With a manifest parsed ahead
    (same project, same settings), dbt's runner takes it instead of parsing the project again."""
    if manifest is not None:
        from dbt.cli.main import dbtRunner

        res = dbtRunner(manifest=manifest).invoke(sys.argv[1:])
        if isinstance(res.exception, KeyboardInterrupt):
            return 130
        # dbt's own exit codes: 1 a node failed, 2 dbt itself failed
        return 0 if res.success else (2 if res.exception is not None else 1)
    from dbt.cli.main import cli

    try:
        cli()
    except SystemExit as e:  # click ends every command this way
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return 0


# set by dagster-dbt for each invocation (its own target and log folder, JSON logs): no bearing on the parse
_PER_INVOCATION = frozenset(("DBT_TARGET_PATH", "DBT_LOG_PATH", "DBT_LOG_FORMAT", "DAGSTER_DBT_CLI",
                             "DBT_SEND_ANONYMOUS_USAGE_STATS", "DBT_PROJECT_DIR", "PWD", "PYTHONLEGACYWINDOWSSTDIO",
                             WARM_ENV))
# options that change what a parse makes (or write artefacts a parse ahead would not): parse as usual
_PARSE_OPTIONS = ("--vars", "--target", "-t", "--profile", "--project-dir", "--profiles-dir", "--target-path",
                  "--no-partial-parse", "--partial-parse-file-path", "--write-json", "--state", "--defer")


def _project_stamp(project: Path) -> tuple:
    """Every file dbt parses, with its size and mtime: a file edited, added or removed changes it."""
    files = []
    for sub in ("models", "seeds", "macros", "tests", "snapshots", "analyses"):
        for here, _dirs, names in os.walk(project / sub, followlinks=True):
            for name in names:
                p = os.path.join(here, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                files.append((p, st.st_size, st.st_mtime_ns))
    for name in ("dbt_project.yml", "profiles.yml", "packages.yml", "selectors.yml"):
        try:
            st = os.stat(project / name)
        except OSError:
            continue
        files.append((name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(files))


class _Parsed:
    """The project as the warm process parsed it: its manifest, and what the parse depended on."""

    def __init__(self, manifest, project: Path, env: dict[str, str], stamp: tuple, folder: str):  # noqa: ANN001
        self.manifest, self.project, self.env, self.stamp, self.folder = manifest, project, env, stamp, folder
        self.used = False

    def fits(self, request: dict) -> bool:
        """The asked-for invocation is an incremental build (no manifest.json to write) of this project,
        with the same settings, and no project file changed since the parse."""
        argv = request["argv"]
        env = {k: v for k, v in request["env"].items() if k not in _PER_INVOCATION}
        self.used = (bool(argv) and argv[0] == "build" and "--no-write-json" in argv
                     and not any(a.split("=", 1)[0] in _PARSE_OPTIONS for a in argv)
                     and Path(request["cwd"]).resolve() == self.project
                     and Path(env.get("DBT_PROFILES_DIR", "")).resolve() == self.project
                     and Path(request["env"].get("DBT_PROJECT_DIR") or self.project).resolve() == self.project
                     and env == self.env and _project_stamp(self.project) == self.stamp)
        return self.used

    def hand_on_parse_state(self, env: dict[str, str]) -> None:
        """Leave the parse's partial_parse.msgpack in the invocation's target folder, where a build
        that parsed itself would have written its own (orchestration/assets/dbt.py keeps it)."""
        target = env.get("DBT_TARGET_PATH")
        state = os.path.join(self.folder, "target", "partial_parse.msgpack")
        if target and os.path.exists(state):
            try:
                os.makedirs(target, exist_ok=True)
                shutil.copyfile(state, os.path.join(target, "partial_parse.msgpack"))
            except OSError:
                pass


def _preparse(folder: str, project: Path | None = None) -> _Parsed | None:
    """`dbt parse` of the project (default: the warehouse's) into folder/target, with this process's
    environment as the dbt step will pass it (profiles in the project folder, as
    orchestration/resources.py sets them). None when it cannot be done (or KZ_DBT_WARM_PARSE=0); the
    invocation then parses as usual."""
    if os.environ.get(WARM_ENV + "_PARSE") == "0":
        return None
    if project is None:
        from warehouse.config import DBT_PROJECT_DIR

        project = Path(DBT_PROJECT_DIR)
    project = Path(project).resolve()
    target = os.path.join(folder, "target")
    env = {k: v for k, v in os.environ.items() if k not in _PER_INVOCATION}
    env["DBT_PROFILES_DIR"] = str(project)  # as the dbt resource passes it
    try:
        stamp = _project_stamp(project)
        os.makedirs(target, exist_ok=True)
        seed = project / "target" / "partial_parse.msgpack"
        if seed.exists():
            shutil.copyfile(seed, os.path.join(target, "partial_parse.msgpack"))
        from dbt.cli.main import dbtRunner

        cwd = os.getcwd()
        saved = dict(os.environ)
        os.environ.update(DBT_PROFILES_DIR=str(project), DBT_TARGET_PATH=target, DBT_LOG_PATH=folder)
        try:
            os.chdir(project)
            res = dbtRunner().invoke(["parse", "--quiet", "--log-level", "none", "--log-level-file", "none",
                                      "--no-write-json"])
        finally:
            os.chdir(cwd)
            os.environ.clear()
            os.environ.update(saved)
    except Exception:  # noqa: BLE001 - any trouble here only costs the invocation its own parse
        return None
    if not res.success or res.result is None:
        return None
    return _Parsed(res.result, project, env, stamp, folder)


def _nice(step: int) -> bool:
    try:
        os.nice(step)
        return True
    except OSError:  # (lowering it again needs the right to: dbt then runs at the lower priority)
        return False


def _watch_asker(conn: socket.socket, done: threading.Event) -> None:
    """The wrapper sends nothing more: end of file means it is gone, and the dbt it asked for stops
    as it would on Ctrl-C (then at once, if it has not within 10 s). Once dbt has finished, the
    wrapper leaves as soon as it has the exit code: nothing to stop (dbt-duckdb's exit handler, which
    checkpoints the warehouse, must not be interrupted)."""
    try:
        while conn.recv(1):
            pass
    except OSError:
        pass
    if done.is_set():
        return
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(10)
    os._exit(130)


# ----------------------------------------------------------------------------- the wrapper's side


def request(argv: list[str]) -> int | None:
    """Run this dbt command line in the warm process; None when there is none to ask (run it here)."""
    path = os.environ.get(WARM_ENV)
    if not path or path == "0":
        return None
    deadline = time.monotonic() + _STARTING
    while not os.path.exists(path) and os.path.isdir(os.path.dirname(path)) and time.monotonic() < deadline:
        time.sleep(0.02)  # started a moment ago: its socket comes with its first import
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(2)
        sock.connect(path)
        body = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
        socket.send_fds(sock, [body], [0, 1, 2])
        sock.settimeout(None)
        reader = sock.makefile("rb")
        first = reader.readline()
    except OSError:
        sock.close()
        return None  # nobody listening, or it went away before it took the command: run dbt here
    if not first:
        sock.close()
        return None
    pid = json.loads(first)["pid"]

    def forward(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, forward)
    last = reader.readline()
    sock.close()
    if not last:
        print(f"dbt (warm process {pid}) ended without an exit code", file=sys.stderr)
        return 1
    return int(json.loads(last)["code"])


if __name__ == "__main__":
    from orchestration.quick_exit import leave

    leave(serve(sys.argv[1], int(sys.argv[2])))
