"""What the dbt step leaves behind: its parse for the next build, and only the newest run folders;
and the dbt resource's shortcut for dbt's version."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from orchestration.assets.dbt import keep_parse_state
from orchestration.resources import WarehouseDbtResource, dbt_project


def _run_folder(target: Path, name: str, state: bytes, age: int) -> Path:
    run = target / name
    run.mkdir()
    (run / "partial_parse.msgpack").write_bytes(state)
    (run / "run_results.json").write_text("{}")
    os.utime(run, (1_000_000 + age, 1_000_000 + age))
    return run


def test_the_build_parse_becomes_the_project_parse_and_old_runs_go(tmp_path):
    (tmp_path / "partial_parse.msgpack").write_bytes(b"parsed by make")
    (tmp_path / "manifest.json").write_text("{}")
    runs = [_run_folder(tmp_path, f"warehouse_dbt-{i:07x}-abc", f"run {i}".encode(), i) for i in range(14)]
    keep_parse_state(runs[-1], tmp_path, keep=10)
    assert (tmp_path / "partial_parse.msgpack").read_bytes() == b"run 13"
    left = sorted(p.name for p in tmp_path.glob("warehouse_dbt-*"))
    assert left == sorted(r.name for r in runs[-10:])
    assert (tmp_path / "manifest.json").exists()  # the project's own files stay
    assert not list(tmp_path.glob(".partial_parse.*"))  # no temporary file left behind


def test_a_build_without_a_parse_keeps_the_project_parse(tmp_path):
    (tmp_path / "partial_parse.msgpack").write_bytes(b"parsed by make")
    run = tmp_path / "warehouse_dbt-0000001-abc"
    run.mkdir()
    keep_parse_state(run, tmp_path)
    assert (tmp_path / "partial_parse.msgpack").read_bytes() == b"parsed by make"
    assert run.exists()


def test_dbt_version_without_running_dbt_is_the_one_dbt_reports():
    resource = WarehouseDbtResource(project_dir=dbt_project, profiles_dir=str(dbt_project.project_dir))
    out = subprocess.run([str(Path(sys.executable).parent / "dbt"), "--version"], capture_output=True, text=True,
                         env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}).stdout
    assert f"installed: {resource._cli_version}" in out
