"""The build process and the dbt step leave without the interpreter's teardown
(orchestration/quick_exit.py), keeping exit codes and exit handlers."""
from __future__ import annotations

import os
import subprocess
import sys

import duckdb

from tests.conftest import REPO

DBT = REPO / "orchestration" / "bin" / "dbt"


def _env() -> dict[str, str]:
    return {**os.environ, "KZ_DBT_PYTHON": sys.executable, "PYTHONPATH": str(REPO)}


def test_leave_runs_exit_handlers_and_keeps_the_code(tmp_path):
    flag = tmp_path / "handler-ran"
    code = (f"import atexit, sys\natexit.register(lambda: open({str(flag)!r}, 'w').write('x'))\n"
            "print('buffered, not yet flushed', end='')\n"
            "from orchestration.quick_exit import leave\nleave(3)\n")
    done = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    assert flag.read_text() == "x"
    assert done.stdout == "buffered, not yet flushed"


def test_dbt_wrapper_keeps_dbts_exit_codes():
    ok = subprocess.run([str(DBT), "--help"], env=_env(), capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "build" in ok.stdout
    bad = subprocess.run([str(DBT), "no-such-command"], env=_env(), capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "no-such-command" in bad.stderr


def test_dbt_wrapper_leaves_its_duckdb_file_checkpointed(tmp_path):
    """dbt-duckdb closes its database in an exit handler: after a quick exit no write-ahead log is
    left to replay, and what dbt built is there."""
    project = tmp_path / "p"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: p\nversion: '1.0.0'\nprofile: p\nconfig-version: 2\n")
    (project / "profiles.yml").write_text(
        f"p:\n  target: t\n  outputs:\n    t:\n      type: duckdb\n      path: {tmp_path / 'w.duckdb'}\n")
    (project / "models" / "m.sql").write_text("{{ config(materialized='table') }} select 42 as answer")
    done = subprocess.run([str(DBT), "run", "--project-dir", str(project), "--profiles-dir", str(project)],
                          env={**_env(), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}, capture_output=True,
                          text=True, timeout=300, cwd=project)
    assert done.returncode == 0, done.stdout[-2000:]
    assert not (tmp_path / "w.duckdb.wal").exists()
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        assert con.sql("select answer from m").fetchall() == [(42,)]
    finally:
        con.close()
