"""Paths are data, never SQL: a build whose every path holds hyphens, spaces, quotes and non-Latin letters."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, SEEDS

pytestmark = pytest.mark.slow

ODD = "kz-data it's ü Қазақ"  # hyphen, space, single quote, Latin and Cyrillic letters


def build(source: Path, env_paths: dict[str, Path], dagster_home: Path, extra_env: dict | None = None):
    env = dict(os.environ, SOURCE_DIR=str(source), DAGSTER_HOME=str(dagster_home), EXTRACT_WORKERS="1",
               DBT_SEND_ANONYMOUS_USAGE_STATS="false", DAGSTER_DISABLE_TELEMETRY="1",
               **{k: str(v) for k, v in env_paths.items()}, **(extra_env or {}))
    dagster_home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", dagster_home / "dagster.yaml")
    return subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=REPO, env=env, timeout=900,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_odd_characters_in_every_path_build_and_publish(tmp_path):
    root = tmp_path / ODD
    src = root / f"source {ODD}"
    (src / "sub-dir 'Ä'").mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    names = [f"-{ODD} one.txt", "sub-dir 'Ä'/два \"quoted\" it's.txt", "plain.txt"]
    for seed, name in zip(seeds, names):
        shutil.copy(seed, src / name)
    paths = {
        "WAREHOUSE_PATH": root / f"wh {ODD}" / "kz-warehouse it's.duckdb",
        "BI_WAREHOUSE_PATH": root / f"bi {ODD}" / "kz-bi it's Қ.duckdb",
        "EXPORTS_DIR": root / f"exports {ODD}",
    }
    out = build(src, paths, tmp_path / "dagster")
    assert out.returncode == 0, out.stdout[-4000:]

    con = duckdb.connect(str(paths["BI_WAREHOUSE_PATH"]), read_only=True)
    try:
        docs = dict(con.execute("select source_file, status from marts.dim_document").fetchall())
        figures = con.execute("select count(*) from marts.fct_figure").fetchone()[0]
    finally:
        con.close()
    assert docs == {n: "ok" for n in names}
    assert figures > 0
    parts = sorted(str(p) for p in (paths["EXPORTS_DIR"] / "dim_document").glob("*.parquet"))
    assert parts
    assert duckdb.execute("select count(*) from read_parquet(?)", [parts]).fetchone()[0] == 3
    # nothing left beside the published copy
    leftovers = [p.name for p in paths["BI_WAREHOUSE_PATH"].parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []
