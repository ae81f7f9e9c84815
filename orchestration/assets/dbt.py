"""dbt models and seeds as assets; dbt tests surface as asset checks."""

import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from warehouse import scope as scope_mod
from warehouse.config import settings

from .. import progress
from ..faults import fault_point
from ..lock import connect_rw, warehouse_lock
from ..resources import DUCKDB_POOL, dbt_project


class WarehouseTranslator(DagsterDbtTranslator):
    """Keys follow the warehouse: marts/fct_figure, staging/stg_figures, reference/partners; sources stay raw/<table>."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot"):
            return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "raw"
        schema = dbt_resource_props.get("schema")
        return {"reference": "reference", "grammar": "reference"}.get(schema, schema)


translator = WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator,
            pool=DUCKDB_POOL, name="warehouse_dbt")
def warehouse_dbt(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build`: seeds, staging views, marts and their tests, in dependency order.

    After a few new files (an incremental build, warehouse/scope.py) the seeds are not loaded
    again, the unit tests do not run, and the tests of the big facts read the changed documents'
    rows only; a full build (first build, dbt project changed, many documents changed, CI or
    FULL_DBT_BUILD=1) does all of it, and after a change to the models' SQL it is a `--full-refresh`
    (the incremental marts would otherwise keep the rows the old SQL made)."""
    s = settings()
    with warehouse_lock(s.warehouse_path, on_wait=context.log.info):
        fingerprint, models_fp = scope_mod.dbt_fingerprint(), scope_mod.models_fingerprint()
        unchanged = _unchanged_since_full_build()
        con = connect_rw(s.warehouse_path, config={"memory_limit": s.duckdb_memory_limit})
        try:
            scope = scope_mod.prepare(con, fingerprint, required=unchanged.relations, models_fp=models_fp)
        finally:
            con.close()
        args = ["build"]
        if scope.refresh:  # the models changed: their incremental marts are rebuilt from every raw row
            args.append("--full-refresh")
        elif not scope.full:
            # the dbt project is the one the last full build built: seeds, the tables made from them
            # alone and the staging views are what it left (not built again, nor tested again); unit
            # tests test the SQL, unchanged too. Two threads: the few rows left are small queries, and
            # a test's Python overhead overlaps another's SQL (a full build keeps one, for memory)
            args += ["--exclude", " ".join(["resource_type:seed", "resource_type:unit_test", *unchanged.nodes]),
                     "--threads", "2",
                     # no manifest.json and run_results.json (1.2 MB, 0.2 s): Dagster reads the results from
                     # dbt's event stream, the next build from partial_parse.msgpack (still written);
                     # a full build writes them as ever
                     "--no-write-json"]
        context.log.info(f"dbt build, {'full' if scope.full else 'incremental'}: {scope.reason}")
        yield from _build(context, dbt, args, scope)
        con = connect_rw(s.warehouse_path, config={"memory_limit": s.duckdb_memory_limit})
        try:
            scope_mod.record_success(con, scope, fingerprint, models_fp)
        finally:
            con.close()


# Column-shape tests (a column never null, its values from a list, its ids in a dimension) hold for
# the SQL of the models, which an incremental build does not change: a full build (first build, a
# changed dbt project, CI, FULL_DBT_BUILD=1) runs them on every row. An incremental build keeps the
# tests of the new rows' keys, offsets (each fact's words at its offsets) and value ranges: with
# 100 tests, dbt's and Dagster's per-test overhead was half of a run after ten new files.
FULL_BUILD_ONLY = ("not_null", "accepted_values", "relationships")


@dataclass(frozen=True)
class Unchanged:
    nodes: list[str]                   # dbt node names (and test_name: selectors) an incremental build leaves out
    relations: list[tuple[str, str]]   # (schema, table) they left in the warehouse: all must be there


def _unchanged_since_full_build() -> Unchanged:
    """What an incremental build need not build or test again, since the last full build of the same
    project made and tested it: the staging views (their SQL is unchanged; new rows reach them through
    the raw tables, and the marts' tests read those rows) and their tests, the tests of the
    models built from seeds alone (dim_partner, dim_route, dim_commodity), and the column-shape
    tests (FULL_BUILD_ONLY)."""
    nodes = json.loads(Path(dbt_project.manifest_path).read_text())["nodes"]
    from_seeds: dict[str, bool] = {}

    def seeds_only(uid: str) -> bool:
        if uid not in from_seeds:
            node = nodes.get(uid)
            if node is None:  # a source
                from_seeds[uid] = False
            elif node["resource_type"] == "seed":
                from_seeds[uid] = True
            else:
                from_seeds[uid] = False
                parents = node["depends_on"]["nodes"]
                from_seeds[uid] = bool(parents) and all(seeds_only(p) for p in parents)
        return from_seeds[uid]

    models = {uid: n for uid, n in nodes.items() if n["resource_type"] == "model"}
    views = {uid for uid, n in models.items() if n["config"].get("materialized") == "view"}
    untested = views | {uid for uid in models if seeds_only(uid)}
    tests = [n["name"] for n in nodes.values() if n["resource_type"] == "test" and n.get("attached_node") in untested
             and (n.get("test_metadata") or {}).get("name") not in FULL_BUILD_ONLY]
    # the seed-only tables are built all the same (three small tables): the BI copy depends on every
    # mart, and Dagster skips an asset whose upstream asset the dbt step did not materialize
    return Unchanged(nodes=sorted([models[uid]["name"] for uid in views] + tests) + [
                         f"test_name:{t}" for t in FULL_BUILD_ONLY],
                     relations=sorted((models[uid]["schema"], models[uid]["alias"] or models[uid]["name"])
                                      for uid in views))


def _build(context: dg.AssetExecutionContext, dbt: DbtCliResource, args: list[str], scope):
    n_nodes, n_tests = len(context.selected_asset_keys), len(context.selected_asset_check_keys)
    progress.emit("dbt_start", nodes=n_nodes, tests=n_tests, full=scope.full)
    built = tested = failed = 0
    invocation = dbt.cli(args, context=context)
    for event in invocation.stream():
        if isinstance(event, (dg.Output, dg.AssetMaterialization)):
            built += 1
            if built == 1:
                fault_point("dbt")
        elif isinstance(event, (dg.AssetCheckResult, dg.AssetCheckEvaluation)):
            tested += 1
            failed += not event.passed
        progress.emit("dbt", built=built, nodes=n_nodes, tested=tested, tests=n_tests, failed=failed)
        yield event
    progress.emit("dbt_done", built=built, nodes=n_nodes, tested=tested, tests=n_tests, failed=failed,
                  full=scope.full)
    keep_parse_state(Path(invocation.target_path), Path(dbt_project.project_dir) / dbt_project.target_path)


KEEP_RUN_TARGETS = 10  # the latest runs' target folders (compiled SQL, run_results.json) kept for debugging


def keep_parse_state(run_target: Path, project_target: Path, keep: int = KEEP_RUN_TARGETS) -> None:
    """After a successful build: its parse becomes the project's, and old run folders go.

    dagster-dbt runs each build in its own target folder, seeded with the project's
    partial_parse.msgpack. That file comes from the last `dbt parse`, made by `make` with its
    environment; when WAREHOUSE_PATH differs (another warehouse, the benchmark), dbt finds the
    profile changed and parses every file again, each run (4 to 5 s). The build's own parse, made
    with this environment, lets the next build parse only what changed. Each run also leaves a
    folder: only the newest few are kept."""
    state = run_target / "partial_parse.msgpack"
    if state.exists():
        tmp = project_target / f".partial_parse.{os.getpid()}.tmp"
        shutil.copyfile(state, tmp)
        os.replace(tmp, project_target / "partial_parse.msgpack")  # atomic: a reader sees one or the other
    runs = sorted((d for d in project_target.glob(f"{run_target.name.split('-')[0]}-*") if d.is_dir()),
                  key=lambda d: d.stat().st_mtime)
    for old in runs[:-keep] if keep else runs:
        if old != run_target:
            shutil.rmtree(old, ignore_errors=True)
