"""The Dagster side: one loadable Definitions with the whole graph, dbt tests as checks, and the sensor."""
from __future__ import annotations

import os

import dagster as dg

from orchestration.assets.raw import FULL_RANGE_TAGS, SOURCE_BUCKETS
from orchestration.definitions import defs
from orchestration.sensors import make_sensor
from warehouse.schema import RAW_TABLES
from warehouse.sync import BUCKETS, bucket_of, scan


def test_definitions_hold_the_whole_graph():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {f"raw/{t}" for t in RAW_TABLES} <= keys
    assert {"marts/fct_figure", "marts/dim_document", "marts/fct_export_volume", "reference/partners",
            "staging/stg_figures", "bi_warehouse"} <= keys
    # dbt models read the raw tables the Python asset writes
    assert dg.AssetKey(["raw", "documents"]) in graph.get(dg.AssetKey(["staging", "stg_documents"])).parent_keys
    checks = {c.name for c in graph.asset_check_keys}
    assert any(name.startswith("offsets_point_at_surface_text") for name in checks)
    assert any(name.startswith("unique_fct_figure_figure_id") for name in checks)
    assert defs.resolve_job_def("build_warehouse") is not None


def test_every_duckdb_writer_is_in_the_duckdb_pool():
    graph = defs.resolve_asset_graph()
    for key in [dg.AssetKey(["raw", "documents"]), dg.AssetKey(["marts", "fct_figure"]), dg.AssetKey("bi_warehouse")]:
        assert graph.get(key).pools == {"duckdb"}, key


def test_extraction_is_partitioned_by_source_bucket():
    assert SOURCE_BUCKETS.get_partition_keys() == BUCKETS
    assert FULL_RANGE_TAGS["dagster/asset_partition_range_start"] == BUCKETS[0]
    # a path keeps its bucket, and paths spread over the buckets
    paths = [f"lang/{i:05d}.txt" for i in range(800)]
    assert [bucket_of(p) for p in paths] == [bucket_of(p) for p in paths]
    counts = {b: sum(bucket_of(p) == b for p in paths) for b in BUCKETS}
    assert min(counts.values()) > 60


def test_sensor_requests_a_run_only_when_the_folder_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Kazakhstan exports oil.", encoding="utf-8")
    job = defs.resolve_job_def("build_warehouse")
    sensor = make_sensor(job)
    with dg.instance_for_test() as instance:
        first = sensor(dg.build_sensor_context(instance=instance, cursor=None))
        assert isinstance(first, dg.RunRequest)
        assert first.tags["dagster/asset_partition_range_end"] == BUCKETS[-1]
        ctx = dg.build_sensor_context(instance=instance, cursor=first.run_key)
        assert isinstance(sensor(ctx), dg.SkipReason)
        (tmp_path / "b.txt").write_text("A new article.", encoding="utf-8")
        again = sensor(dg.build_sensor_context(instance=instance, cursor=first.run_key))
        assert isinstance(again, dg.RunRequest) and again.run_key != first.run_key


def test_scan_skips_hidden_and_annotation_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["a.txt", "sub/b.html", ".hidden.txt", "gold.json", "README.md"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert list(scan(tmp_path)) == ["a.txt", "sub/b.html"]


def test_definitions_load_as_dagster_dev_loads_them_without_the_venv_on_path():
    """`make dev` runs .venv/bin/dagster without activating the venv; dagster-dbt then runs `dbt parse` by name."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = dict(os.environ, PATH="/usr/bin:/bin", DAGSTER_IS_DEV_CLI="1", DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    proc = subprocess.run([sys.executable, "-c", "import orchestration.definitions as d; print(len(d.defs.assets))"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "3"


def test_a_dbt_file_edited_after_parsing_makes_the_manifest_stale(tmp_path):
    from orchestration.resources import manifest_is_stale

    project = tmp_path / "dbt"
    (project / "seeds").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: x\n")
    manifest = project / "target" / "manifest.json"
    assert manifest_is_stale(project, manifest)          # never parsed
    manifest.parent.mkdir()
    manifest.write_text("{}")
    os.utime(project / "dbt_project.yml", (1, 1))
    assert not manifest_is_stale(project, manifest)
    seed = project / "seeds" / "new_seed.csv"
    seed.write_text("a\n1\n")
    os.utime(seed, (manifest.stat().st_mtime + 5,) * 2)  # a seed added after the last parse
    assert manifest_is_stale(project, manifest)


_GRAPH = """
import sys
{hide}
from orchestration.definitions import defs
defs.resolve_job_def("build_warehouse")
ag = defs.resolve_asset_graph()
print(sorted(k.to_user_string() for k in ag.get_all_asset_keys()))
print(sorted(str(c) for c in ag.asset_check_keys))
print("dbt" in sys.modules)
"""


def test_the_build_process_sees_the_same_graph_without_dbt_modules():
    # the build process (orchestration/execute.py) keeps dbt's modules out: same assets and checks
    import ast
    import subprocess
    import sys

    from tests.conftest import REPO

    env = dict(os.environ, DAGSTER_DISABLE_TELEMETRY="1", DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    out = {}
    for mode, hide in (("plain", ""), ("hidden", "from orchestration.execute import hide_dbt_modules; hide_dbt_modules()")):
        proc = subprocess.run([sys.executable, "-c", _GRAPH.format(hide=hide)], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        out[mode] = proc.stdout.splitlines()
    assert out["plain"][:2] == out["hidden"][:2]
    assert len(ast.literal_eval(out["plain"][0])) > 40 and len(ast.literal_eval(out["plain"][1])) > 100
    assert (out["plain"][2], out["hidden"][2]) == ("True", "False")
