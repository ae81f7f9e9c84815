"""Where things are: the run command's environment (see ../shared/CONTRACT.md §1)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
DEFAULT_MEMORY_LIMIT = "512MB"  # measured: the 100,000-article build's dbt models and Parquet export fit


@dataclass(frozen=True, slots=True)
class Settings:
    source_dir: Path
    warehouse_path: Path
    bi_path: Path            # read-only copy for BI tools, DuckDB 1.x storage format
    exports_dir: Path        # Parquet exports of the marts
    max_file_bytes: int
    workers: int             # extraction processes; 1 = in this process
    duckdb_memory_limit: str  # DuckDB's memory for dbt, publication and queries: bounded, larger work spills to disk
    duckdb_load_memory_limit: str  # the loader only appends: a small buffer pool keeps memory flat as data grows


def settings() -> Settings:
    source = Path(os.environ.get("SOURCE_DIR") or REPO_ROOT / "seeds")
    warehouse = Path(os.environ.get("WAREHOUSE_PATH") or REPO_ROOT / "warehouse" / "warehouse.duckdb")
    bi = Path(os.environ.get("BI_WAREHOUSE_PATH") or warehouse.with_name(warehouse.stem + "_bi.duckdb"))
    exports = Path(os.environ.get("EXPORTS_DIR") or warehouse.parent / "exports")
    return Settings(
        source_dir=source.resolve(),
        warehouse_path=warehouse.resolve(),
        bi_path=bi.resolve(),
        exports_dir=exports.resolve(),
        max_file_bytes=int(os.environ.get("MAX_FILE_BYTES", 5 * 1024 * 1024)),
        workers=int(os.environ.get("EXTRACT_WORKERS", os.cpu_count() or 1)),
        duckdb_memory_limit=os.environ.get("DUCKDB_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT),
        duckdb_load_memory_limit=os.environ.get("DUCKDB_LOAD_MEMORY_LIMIT", "96MB"),
    )
