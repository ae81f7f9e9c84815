"""`make run`: materialise every asset into WAREHOUSE_PATH from SOURCE_DIR and say where the results are.

    python -m orchestration.run

Runs the `build_warehouse` job on the Dagster instance in DAGSTER_HOME (the
same one `make dev` shows), so runs from the CLI appear in the UI.
"""
from __future__ import annotations

import sys

import dagster as dg
import duckdb

from warehouse.config import settings


def main() -> int:
    s = settings()
    print(f"SOURCE_DIR={s.source_dir}\nWAREHOUSE_PATH={s.warehouse_path}", flush=True)
    with dg.DagsterInstance.get() as instance:
        from orchestration.assets.raw import FULL_RANGE_TAGS
        from orchestration.recovery import launch_tags, recover_stale_runs

        # a run killed earlier may still hold the duckdb pool slot: free it, or this run waits for ever
        recover_stale_runs(instance, log=lambda note: print(f"recovered: {note}", flush=True))
        # every source bucket in one run: one scan of SOURCE_DIR, one DuckDB writer; the pid and
        # host tags let the next run tell whether this one is still alive
        result = dg.execute_job(dg.reconstructable(_job), instance=instance,
                                tags={**FULL_RANGE_TAGS, **launch_tags()})
    if not result.success:
        print("the build failed: see the step errors above", file=sys.stderr)
        return 1
    _summary(s)
    return 0


def _job():
    from orchestration.definitions import defs

    return defs.resolve_job_def("build_warehouse")


def _summary(s) -> None:
    con = duckdb.connect(str(s.bi_path), read_only=True)
    try:
        docs = con.execute("SELECT status, count(*) FROM marts.dim_document GROUP BY 1 ORDER BY 1").fetchall()
        counts = {t: con.execute(f"SELECT count(*) FROM marts.{t}").fetchone()[0]
                  for t in ("fct_partner_mention", "fct_partner_activity", "fct_figure", "fct_export_volume")}
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
