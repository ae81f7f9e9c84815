"""The warm dbt process (orchestration/dbt_warm.py): a dbt started ahead serves the wrapper's one
invocation with the same output and exit code, and never outlives the run that started it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from orchestration import dbt_warm
from tests.conftest import REPO

DBT = REPO / "orchestration" / "bin" / "dbt"


@pytest.fixture()
def warm(monkeypatch):
    monkeypatch.setenv("KZ_DBT_PYTHON", sys.executable)
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    monkeypatch.setenv("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    monkeypatch.delenv(dbt_warm.WARM_ENV, raising=False)
    dbt_warm.start()
    proc = dbt_warm._PROC
    yield proc
    dbt_warm.stop()


def _gone(proc_or_pid, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if isinstance(proc_or_pid, int):
            try:
                os.kill(proc_or_pid, 0)
            except ProcessLookupError:
                return True
        elif proc_or_pid.poll() is not None:
            return True
        time.sleep(0.1)
    return False


def _project(tmp_path, sql: str):
    project = tmp_path / "p"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: p\nversion: '1.0.0'\nprofile: p\nconfig-version: 2\n")
    (project / "profiles.yml").write_text(
        f"p:\n  target: t\n  outputs:\n    t:\n      type: duckdb\n      path: {tmp_path / 'w.duckdb'}\n")
    (project / "models" / "m.sql").write_text("{{ config(materialized='table') }} " + sql)
    return project


def test_the_warm_process_runs_the_wrappers_dbt_and_ends(warm, tmp_path):
    project = _project(tmp_path, "select 42 as answer")
    done = subprocess.run([str(DBT), "run", "--project-dir", str(project), "--profiles-dir", str(project)],
                          capture_output=True, text=True, timeout=300, cwd=project)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Completed successfully" in done.stdout  # dbt's output reached the wrapper's stdout
    assert _gone(warm, 10)  # it served this invocation (an unused one waits for the run's end)
    assert warm.returncode == 0
    assert not (tmp_path / "w.duckdb.wal").exists()  # dbt-duckdb's exit handler ran: checkpointed
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        assert con.sql("select answer from m").fetchall() == [(42,)]
    finally:
        con.close()


def test_dbts_exit_code_and_errors_come_back_through_the_wrapper(warm):
    bad = subprocess.run([str(DBT), "no-such-command"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "no-such-command" in bad.stderr
    assert _gone(warm, 10)


def test_without_a_warm_process_the_wrapper_runs_dbt_itself(monkeypatch, tmp_path):
    env = {**os.environ, "KZ_DBT_PYTHON": sys.executable, "PYTHONPATH": str(REPO),
           dbt_warm.WARM_ENV: str(tmp_path / "nobody-listens.sock")}
    ok = subprocess.run([str(DBT), "--help"], env=env, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "build" in ok.stdout


def test_an_unused_warm_process_ends_with_stop(warm):
    path = os.environ[dbt_warm.WARM_ENV]
    assert warm.poll() is None
    dbt_warm.stop()
    assert warm.poll() is not None
    assert not os.path.exists(path) and dbt_warm.WARM_ENV not in os.environ


def test_the_warm_process_leaves_when_the_run_that_started_it_dies():
    code = ("import os\nfrom orchestration import dbt_warm\ndbt_warm.start()\n"
            "print(dbt_warm._PROC.pid, flush=True)\nos._exit(0)  # no exit handlers: as if killed\n")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=60, cwd=REPO)
    pid = int(done.stdout.split()[0])
    assert _gone(pid, 15)


def test_a_killed_wrapper_stops_the_dbt_it_asked_for(warm, tmp_path):
    """dagster-dbt kills the `dbt` it started (a cancelled run): the warm process must not go on
    writing the warehouse."""
    project = _project(tmp_path, "select count(*) as n from range(1000000000000) a")  # minutes of work
    wrapper = subprocess.Popen([str(DBT), "run", "--project-dir", str(project), "--profiles-dir", str(project)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=project)
    for line in wrapper.stdout:  # until the model runs
        if "START sql table model" in line:
            break
    wrapper.send_signal(signal.SIGKILL)
    wrapper.wait(timeout=10)
    assert _gone(warm, 20)


def _niceness(pid: int) -> int:
    stat = open(f"/proc/{pid}/stat").read()
    return int(stat.rsplit(")", 1)[1].split()[16])  # field 19 of proc(5): nice


def test_the_warm_process_waits_at_a_lower_priority(warm):
    """Its imports must not slow the raw step down: they take only what CPU that step leaves."""
    deadline = time.monotonic() + 10
    while _niceness(warm.pid) == os.nice(0) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _niceness(warm.pid) == os.nice(0) + dbt_warm._IMPORT_NICENESS


# ----------------------------------------------------------------------------- the parse ahead


def _request(project, argv, parsed_env, **env):
    """What dagster-dbt sends: the environment of the parse (this process's, as the dbt step's is the
    process's that started the warm one) plus its own per-invocation variables."""
    base = dict(parsed_env)
    base.update({"DBT_PROFILES_DIR": str(project), "DBT_TARGET_PATH": str(project / "target" / "run-1"),
                 "DBT_LOG_FORMAT": "json", "DAGSTER_DBT_CLI": "true"}, **env)
    return {"argv": argv, "cwd": str(project), "env": base}


@pytest.fixture()
def parsed(tmp_path, monkeypatch):
    monkeypatch.setenv("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    project = _project(tmp_path, "select 42 as answer")
    folder = tmp_path / "warm"
    folder.mkdir()
    p = dbt_warm._preparse(str(folder), project)
    assert p is not None, "the project parses"
    return project, p


def test_the_parse_ahead_serves_only_the_same_incremental_build_of_an_unchanged_project(parsed):
    project, p = parsed
    assert "model.p.m" in p.manifest.nodes
    build = ["build", "--threads", "2", "--no-write-json", "--select", "fqn:*"]
    assert p.fits(_request(project, build, p.env))
    assert not p.fits(_request(project, ["build", "--select", "fqn:*"], p.env))  # a full build writes manifest.json
    assert not p.fits(_request(project, [*build, "--vars", "{x: 1}"], p.env))   # vars change what a parse makes
    assert not p.fits(_request(project, [*build, "--target=other"], p.env))
    assert not p.fits(_request(project, build, p.env, WAREHOUSE_PATH="/elsewhere.duckdb"))  # other settings
    other = dict(_request(project, build, p.env), cwd=str(project.parent))
    assert not p.fits(other)
    (project / "models" / "m.sql").write_text("{{ config(materialized='table') }} select 43 as answer")
    assert not p.fits(_request(project, build, p.env))  # edited since the parse


def _build_on_parse(project, folder, target):
    """`dbt build --no-write-json` in a fresh process on a parse made ahead, as the warm process runs it."""
    return subprocess.run(
        [sys.executable, "-c", "\n".join([
            "import os, sys",
            "from pathlib import Path",
            "from orchestration import dbt_warm",
            f"p = dbt_warm._preparse({str(folder)!r}, Path({str(project)!r}))",
            f"req = {{'argv': ['build', '--no-write-json'], 'cwd': {str(project)!r}, 'env': dict(os.environ)}}",
            "assert p is not None and p.fits(req), 'the parse ahead serves this build'",
            f"os.chdir({str(project)!r})",
            "sys.argv = ['dbt', 'build', '--no-write-json']",
            "code = dbt_warm.run_cli(p.manifest)",
            "p.hand_on_parse_state(req['env'])",
            "sys.exit(code)"])],
        env={**os.environ, "PYTHONPATH": str(REPO), "DBT_PROFILES_DIR": str(project), "DBT_TARGET_PATH": str(target),
             "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True, text=True, timeout=300)


def test_a_build_on_the_parse_ahead_builds_as_dbt_would_and_hands_on_its_parse_state(parsed, tmp_path):
    project, _p = parsed
    target = project / "target" / "run-1"
    done = _build_on_parse(project, tmp_path / "warm2", target)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True).execute(
        "select answer from m").fetchall() == [(42,)]
    assert (target / "partial_parse.msgpack").exists()  # for keep_parse_state, as a build's own parse


def test_a_failing_model_on_the_parse_ahead_gives_dbts_exit_code(tmp_path, monkeypatch):
    monkeypatch.setenv("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    project = _project(tmp_path, "select * from no_such_table")
    done = _build_on_parse(project, tmp_path / "warm", project / "target" / "r")
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert "no_such_table" in done.stdout
