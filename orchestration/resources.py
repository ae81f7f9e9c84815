"""Resources shared by the assets: the DuckDB warehouse and the dbt project, both from WAREHOUSE_PATH."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from functools import cached_property
from importlib.metadata import version as package_version
from pathlib import Path

from packaging import version

from dagster_dbt import DbtCliResource, DbtProject
from dagster_duckdb import DuckDBResource

from warehouse.config import DBT_PROJECT_DIR, settings

DUCKDB_POOL = "duckdb"
# dagster-dbt's project preparer runs `dbt` by name: make this environment's bin dir findable
# whether or not the venv is activated (`make dev` runs .venv/bin/dagster directly)
_BIN = str(Path(sys.executable).parent)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")
# dbt's profile reads WAREHOUSE_PATH: make the default explicit for the dbt subprocess
os.environ.setdefault("WAREHOUSE_PATH", str(settings().warehouse_path))
os.environ.setdefault("DUCKDB_MEMORY_LIMIT", settings().duckdb_memory_limit)

# the dbt step's `dbt`: this Python, whatever `python` on PATH is
DBT_WRAPPER = Path(__file__).resolve().parent / "bin" / "dbt"
os.environ["KZ_DBT_PYTHON"] = sys.executable

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def manifest_is_stale(project_dir: Path, manifest: Path) -> bool:
    """No manifest yet, or a model, seed, macro, test or project file changed after it was parsed
    (the assets are defined from the manifest: a new seed missing from it fails the dbt step)."""
    if not manifest.exists():
        return True
    parsed = manifest.stat().st_mtime
    for sub in ("models", "seeds", "macros", "tests", "snapshots"):
        for f in (project_dir / sub).rglob("*"):
            if f.is_file() and f.stat().st_mtime > parsed:
                return True
    return any((project_dir / n).stat().st_mtime > parsed
               for n in ("dbt_project.yml", "profiles.yml") if (project_dir / n).exists())


if manifest_is_stale(DBT_PROJECT_DIR, dbt_project.manifest_path):
    dbt_project.preparer.prepare(dbt_project)  # `dbt parse`: on a fresh checkout, and after edits
dbt_project.prepare_if_dev()


class WarehouseDbtResource(DbtCliResource):
    """dagster-dbt's resource without two costs it pays on every `dbt build` that this project never
    uses (2 to 5 s of each run, a tenth of an incremental one): `dbt --version` in a subprocess
    (the dbt it runs is this environment's, whose dbt-core the lock pins) and a dbt adapter opened
    in Dagster's own process, with dbt's macros loaded, for the row counts and column metadata
    that no asset here asks for."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(package_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):  # noqa: ANN001 - dagster-dbt's private hook
        return None


class WarehouseDuckDBResource(DuckDBResource):
    """DuckDBResource that answers within seconds, naming the process, when another process has the
    warehouse open (dagster-duckdb retries ten times with growing pauses, then shows a stack trace)."""

    @contextmanager
    def get_connection(self):
        from .lock import connect_rw

        conn = connect_rw(Path(self.database), config={"custom_user_agent": "dagster", **self.connection_config})
        try:
            yield conn
        finally:
            conn.close()


def make_resources() -> dict:
    s = settings()
    return {
        "duckdb": WarehouseDuckDBResource(database=str(s.warehouse_path),
                                 connection_config={"memory_limit": s.duckdb_memory_limit}),
        "dbt": WarehouseDbtResource(project_dir=dbt_project, profiles_dir=str(DBT_PROJECT_DIR),
                              # the dbt of this environment, whether or not the venv is on PATH,
                              # leaving without tearing down its modules (orchestration/bin/dbt)
                              dbt_executable=str(DBT_WRAPPER)),
    }
