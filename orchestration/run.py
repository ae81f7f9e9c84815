"""`make run`: build WAREHOUSE_PATH from SOURCE_DIR and say where the results are.

    python -m orchestration.run

This process only watches: the build runs in a child process (`python -m orchestration.execute`,
the `build_warehouse` job on the Dagster instance in DAGSTER_HOME, so runs from the CLI appear in
`make dev`'s UI) in its own process group. That split is what makes stopping reliable:

- SIGINT (Ctrl-C) or SIGTERM: the child is interrupted the Dagster way (the step stops, dbt gets
  SIGINT, the run is marked canceled and gives its pool slot back); if it has not exited within
  STOP_GRACE seconds, or on a second signal, its whole group (extraction workers, dbt) gets SIGKILL.
  Either way nothing keeps running, and nothing keeps the DuckDB file locked.
- If this process's own parent goes away (`make` killed), it stops the same way; if this process is
  killed, the child notices and stops itself (orchestration/execute.py).
A run stopped half way leaves only committed work behind; the next run frees the slot of a run
that was killed outright (orchestration/recovery.py) and carries on from there.
"""
from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration import progress
from orchestration.display import Display
from orchestration.lock import LOCK_FD_ENV, LOCK_PATH_ENV, WarehouseBusy, held_fd, probe_duckdb, warehouse_lock
from warehouse.config import REPO_ROOT, SettingsError, settings
from warehouse.preflight import CHECKED_ENV, PreflightError, file_stamp, known_sound, preflight, remember_sound

EXIT_BUSY = 75  # EX_TEMPFAIL: another run or process has the warehouse; try again later
STOP_GRACE = float(os.environ.get("KZ_STOP_GRACE", "10"))  # seconds the build has to stop cleanly


class Supervisor:
    """Starts the build process, relays its progress, and stops it on a signal."""

    def __init__(self, out=sys.stdout):
        self.out = out
        self.signals: list[int] = []
        self.stop_deadline: float | None = None
        self.child: subprocess.Popen | None = None

    def _on_signal(self, signum, _frame) -> None:
        self.signals.append(signum)

    def start(self, env: dict[str, str], pass_fds: tuple[int, ...] = (), log=None) -> None:
        """Start the build; its own output (Dagster's and dbt's log lines) goes to `log`."""
        read_fd, write_fd = os.pipe()
        env = dict(env, **{progress.PROGRESS_FD_ENV: str(write_fd), "KZ_PARENT_PID": str(os.getpid())})
        self.child = subprocess.Popen(
            [sys.executable, "-m", "orchestration.execute"], cwd=os.getcwd(), env=env,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT if log is not None else None,
            pass_fds=(write_fd, *pass_fds), start_new_session=True)  # its own group: one killpg reaches all of it
        os.close(write_fd)
        self.read_fd = read_fd

    def kill_group(self) -> None:
        try:
            os.killpg(self.child.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def wait(self, on_event) -> int:
        """Relay events until the child exits; returns its exit code (negative: killed by that signal)."""
        parent = os.getppid()
        buf, eof = b"", False
        while True:
            if self.signals and self.stop_deadline is None:
                name = signal.Signals(self.signals[0]).name
                print(f"\n{name}: stopping the build (up to {STOP_GRACE:.0f}s; again to stop at once) ...",
                      file=self.out, flush=True)
                self._interrupt()
            if os.getppid() != parent and self.stop_deadline is None:
                print("\nthe parent process is gone: stopping the build", file=self.out, flush=True)
                self.signals.append(signal.SIGHUP)
                self._interrupt()
            if self.stop_deadline is not None and (len(self.signals) > 1 or time.monotonic() > self.stop_deadline):
                self.kill_group()
            done = self.child.poll() is not None
            # after the exit, drain what is left in the pipe without waiting
            while not eof and select.select([self.read_fd], [], [], 0 if done else 0.2)[0]:
                chunk = os.read(self.read_fd, 65536)
                eof = not chunk
                *lines, buf = (buf + chunk).split(b"\n")
                for event in filter(None, map(progress.parse, filter(None, lines))):
                    on_event(event)
                if not done:
                    break
            if done:
                os.close(self.read_fd)
                self.kill_group()  # extraction workers or dbt must not outlive the build
                return self.child.returncode
            if eof:  # the pipe is closed: wait for the exit itself, not a fixed nap past it
                try:
                    self.child.wait(timeout=0.2)
                except subprocess.TimeoutExpired:
                    pass

    def _interrupt(self) -> None:
        self.stop_deadline = time.monotonic() + STOP_GRACE
        try:
            os.kill(self.child.pid, signal.SIGINT)
        except ProcessLookupError:
            pass


KEEP_LOGS = 20  # newest run logs kept in $DAGSTER_HOME/logs


def open_run_log() -> tuple[Path, object]:
    """A new log file for this run's Dagster and dbt output: $DAGSTER_HOME/logs/run-<UTC time>.log."""
    home = Path(os.environ.get("DAGSTER_HOME") or REPO_ROOT / ".dagster")
    logs = home / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = logs / f"run-{stamp}-{os.getpid()}.log"
    for old in sorted(logs.glob("run-*.log"), key=lambda p: p.stat().st_mtime)[:-(KEEP_LOGS - 1)]:
        old.unlink(missing_ok=True)
    return path, open(path, "ab", buffering=0)


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_bytes()[-20000:].decode("utf-8", errors="replace")
    except OSError:
        return "  (no log)"
    return "\n".join("  " + ln for ln in text.splitlines()[-lines:])


def _dagster_home() -> None:
    """`make run` sets DAGSTER_HOME; `python -m orchestration.run` on its own gets the same default
    (the repo's .dagster/ with the project's dagster.yaml: the duckdb pool, telemetry off)."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(REPO_ROOT / ".dagster")))
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copy(REPO_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")


def main() -> int:
    try:
        s = settings()
    except SettingsError as e:  # EXTRACT_WORKERS=abc: one line naming the variable, no traceback
        print(f"error: {e}", flush=True)
        return 2
    _dagster_home()
    print(f"SOURCE_DIR={s.source_dir}\nWAREHOUSE_PATH={s.warehouse_path}", flush=True)
    display = Display()
    sup = Supervisor()
    # until the build starts, Ctrl-C and SIGTERM simply stop (also when started with SIGINT ignored)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.default_int_handler)
    log_path, log = open_run_log()
    print(f"log: {log_path}  (Dagster and dbt output)", flush=True)
    try:
        # one run per warehouse; the build process inherits the lock, so it is held while either lives
        with warehouse_lock(s.warehouse_path, on_wait=display.line) as lock_file:
            try:  # a missing SOURCE_DIR or a corrupt warehouse: say so in one line, before Dagster starts
                preflight(s, checked=known_sound(s.warehouse_path))
            except PreflightError as e:
                print(f"error: {e}", flush=True)
                return 1
            probe_duckdb(s.warehouse_path)  # someone else's open connection: say so now, not after minutes
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                signal.signal(sig, sup._on_signal)
            env = dict(os.environ)
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
            fd = held_fd(s.warehouse_path)
            env.update({LOCK_FD_ENV: str(fd), LOCK_PATH_ENV: str(lock_file),
                        CHECKED_ENV: file_stamp(s.warehouse_path)})  # checked above, under the lock it passes on
            sup.start(env, pass_fds=(fd,), log=log)
            code = sup.wait(display.handle)
            if code == 0 and not sup.signals:  # still under the lock: the file as the build left it
                remember_sound(s.warehouse_path)
    except WarehouseBusy as e:
        display.finish()
        print(f"refused: {e}", file=sys.stderr, flush=True)
        return EXIT_BUSY
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM while waiting for the lock: nothing was started
        display.finish()
        print("stopped before the build started: nothing changed", file=sys.stderr, flush=True)
        return 128 + signal.SIGINT
    finally:
        log.close()
    display.finish()
    if sup.signals:
        print(f"stopped ({signal.Signals(sup.signals[0]).name}): the warehouse keeps what earlier runs and "
              "this run's finished steps committed; the BI copy is the last complete publication. "
              f"Run again to finish. Log: {log_path}", file=sys.stderr, flush=True)
        return 128 + sup.signals[0]
    if code != 0:
        for e in display.errors:
            print(f"error: {e}", file=sys.stderr)
        if not display.errors and code > 0:  # it failed before any step could say why: show the end of its log
            print("error: the build process stopped with exit code "
                  f"{code}; the end of its log:\n" + log_tail(log_path), file=sys.stderr)
        if code < 0:
            print(f"error: the build process was killed ({signal.Signals(-code).name}). Nothing half-done is "
                  "published; run again: the next run frees what it held and carries on.", file=sys.stderr)
        print(f"the build failed. What happened, step by step (Dagster and dbt output): {log_path}",
              file=sys.stderr, flush=True)
        return 1
    _summary(s, display.published)
    return 0


_SUMMARY_TABLES = ("fct_partner_mention", "fct_activity_event", "fct_partner_activity", "fct_figure",
                   "fct_export_volume")


def _summary(s, published: dict | None = None) -> None:
    """What was published. The publication step reports its counts (the rows it verified in the copy);
    only when it did not (an older build process) is the BI copy opened to count them (0.3 s at 100,000)."""
    rows = (published or {}).get("rows") or {}
    if "statuses" in (published or {}) and all(f"marts.{t}" in rows for t in _SUMMARY_TABLES):
        docs = sorted(published["statuses"].items())
        counts = {t: rows[f"marts.{t}"] for t in _SUMMARY_TABLES}
    else:
        con = duckdb.connect(str(s.bi_path), read_only=True)
        try:
            docs = con.execute("SELECT status, count(*) FROM marts.dim_document GROUP BY 1 ORDER BY 1").fetchall()
            counts = {t: con.execute(f"SELECT count(*) FROM marts.{t}").fetchone()[0] for t in _SUMMARY_TABLES}
        finally:
            con.close()
    print("\nwarehouse built")
    print(f"  warehouse (DuckDB {duckdb.__version__}): {s.warehouse_path}")
    print(f"  BI copy (read-only, DuckDB 1.x format):  {s.bi_path}")
    print(f"  Parquet exports of the marts:            {s.exports_dir}")
    print("  documents: " + ", ".join(f"{n} {st}" for st, n in docs))
    print("  " + ", ".join(f"{t} {n}" for t, n in counts.items()))


if __name__ == "__main__":
    sys.exit(main())
