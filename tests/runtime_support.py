"""Helpers for the runtime tests (tests/test_runtime_*.py): small folders, `make run` as a subprocess,
order-independent snapshots of the marts, and processes that are certainly dead."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import DEV_CORPUS, REPO, SEEDS


def small_folder(dest: Path, n_seeds: int = 3, n_dev: int = 3) -> Path:
    """n_seeds seed articles and n_dev dev-corpus articles (the dev ones under dev/)."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in sorted(SEEDS.glob("*.txt"))[:n_seeds]:
        shutil.copy(f, dest / f.name)
    if n_dev:
        (dest / "dev").mkdir(exist_ok=True)
        dev = sorted(p for p in DEV_CORPUS.rglob("*") if p.is_file() and p.name != "gold.json"
                     and not p.name.upper().startswith("README") and p.suffix in (".txt", ".html", ".json"))
        for f in dev[:n_dev]:
            shutil.copy(f, dest / "dev" / f.name)
    return dest


def build_env(source: Path, warehouse: Path, dagster_home: Path, **extra: str) -> dict[str, str]:
    dagster_home.mkdir(parents=True, exist_ok=True)
    if not (dagster_home / "dagster.yaml").exists():
        shutil.copy(REPO / "orchestration" / "dagster.yaml", dagster_home / "dagster.yaml")
    env = dict(os.environ, SOURCE_DIR=str(source), WAREHOUSE_PATH=str(warehouse), DAGSTER_HOME=str(dagster_home),
               EXTRACT_WORKERS="1", DBT_SEND_ANONYMOUS_USAGE_STATS="false", DAGSTER_DISABLE_TELEMETRY="1",
               PYTHONUNBUFFERED="1")
    env.pop("KZ_FAULT_STAGE", None)
    env.update(extra)
    return env


def start_run(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "orchestration.run"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def run(env: dict[str, str], timeout: float = 600) -> tuple[int, str]:
    proc = start_run(env)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        raise AssertionError(f"the run did not finish within {timeout}s:\n{out[-4000:]}")
    return proc.returncode, out


def run_ok(env: dict[str, str], timeout: float = 600) -> str:
    code, out = run(env, timeout)
    assert code == 0, out[-4000:]
    return out


def dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def mart_rows(db: Path) -> dict[str, list[tuple]]:
    """Every marts table's rows, sorted (as text, so NULLs and mixed types sort)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' "
            "and table_type = 'BASE TABLE' order by 1").fetchall()]
        out = {}
        for t in tables:
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = 'marts' "
                "and table_name = ? order by ordinal_position", [t]).fetchall()]
            # load-time stamps differ between two builds of the same folder: compare the data
            keep = [c for c in cols if c not in ("ingested_at", "batch_id", "loaded_at", "_loaded_at")]
            rows = con.execute(f'select {", ".join(chr(34) + c + chr(34) for c in keep)} from marts."{t}"').fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def parquet_rows(exports: Path, like: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Each exported table's rows (its folder of Parquet parts; the columns mart_rows keeps), sorted the
    same way, for the tables of `like`."""
    con = duckdb.connect()
    out = {}
    for folder in sorted(p for p in exports.iterdir() if p.is_dir()):
        parts = sorted(str(f) for f in folder.glob("*.parquet"))
        # top-level columns only (parquet_schema also lists the element of every list column)
        cols = [r[0] for r in con.execute("describe select * from read_parquet(?)", [parts]).fetchall()]
        keep = [c for c in cols if c not in ("ingested_at", "batch_id", "loaded_at", "_loaded_at")]
        rows = con.execute(f"select {', '.join(chr(34) + c + chr(34) for c in keep)} from read_parquet(?)",
                           [parts]).fetchall()
        out[folder.name] = sorted(rows, key=repr)
    con.close()
    return {t: out.get(t) for t in like}


def descendants(pid: int) -> list[int]:
    """Live descendants of pid (from /proc), zombies excluded."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_bytes().decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] == "Z":
            continue
        children.setdefault(int(fields[1]), []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out
