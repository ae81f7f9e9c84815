"""Publishing the marts for BI tools.

BI tools read a copy, never the build's file: a reader must not hold the
build's write lock, nor see a half-written file. The copy is written beside
the target under a temporary name and moved into place with os.replace (an
atomic rename on POSIX), in DuckDB's v1.x storage format so that DuckDB 1.x
drivers (most BI connectors today) can open it. The marts also go out as
Parquet files, one per table, replaced the same way.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .config import settings
from .sql import literal, qualified

BI_STORAGE_VERSION = "v1.1.0"  # readable by DuckDB >= 1.1 clients
PUBLISHED_SCHEMAS = ("marts",)
_PARQUET_ROW_GROUP = 16_384


@dataclass
class PublishReport:
    bi_path: Path
    exports_dir: Path
    tables: dict[str, int]


def publish(warehouse_path: Path, bi_path: Path, exports_dir: Path,
            con: duckdb.DuckDBPyConnection | None = None) -> PublishReport:
    own = con is None
    if own:
        # an in-memory session that reads the warehouse: it can still attach the copy for writing
        con = duckdb.connect(config={"memory_limit": settings().duckdb_memory_limit})
        con.execute("ATTACH ? AS wh (READ_ONLY)", [str(warehouse_path)])
        con.execute("USE wh")
    src = con.execute("SELECT current_database()").fetchone()[0]
    # copies need no row order, and without it DuckDB streams them in bounded memory
    con.execute("SET preserve_insertion_order = false")
    tmp = bi_path.with_name(f".{bi_path.name}.{os.getpid()}.tmp")
    tmp_exports = exports_dir.with_name(f".{exports_dir.name}.{os.getpid()}.tmp")
    for p in (tmp, Path(str(tmp) + ".wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(tmp_exports, ignore_errors=True)
    bi_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_exports.mkdir(parents=True)
    try:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_catalog = ? AND table_schema IN ('marts') AND table_type = 'BASE TABLE' "
            "ORDER BY 1, 2", [src]).fetchall()
        con.execute(f"ATTACH ? AS bi_copy (STORAGE_VERSION {literal(BI_STORAGE_VERSION)})", [str(tmp)])
        counts = {}
        try:
            for schema, name in tables:
                # the source catalog is named after the warehouse file ("kz-warehouse"): quote every name
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {qualified('bi_copy', schema)}")
                table = qualified(src, schema, name)
                con.execute(f"CREATE TABLE {qualified('bi_copy', schema, name)} AS SELECT * FROM {table}")
                # small row groups: each thread buffers one before writing it, and a default one of
                # dim_document (122,880 rows with their text) alone would take hundreds of MB
                con.execute(f"COPY {table} TO ? (FORMAT parquet, ROW_GROUP_SIZE {_PARQUET_ROW_GROUP})",
                            [str(tmp_exports / (name + ".parquet"))])
                counts[f"{schema}.{name}"] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            con.execute("CHECKPOINT bi_copy")
        finally:
            con.execute("DETACH bi_copy")
        os.replace(tmp, bi_path)  # atomic: readers see the old copy or the new one
        if exports_dir.exists():
            old = exports_dir.with_name(f".{exports_dir.name}.{os.getpid()}.old")
            os.replace(exports_dir, old)
            os.replace(tmp_exports, exports_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp_exports, exports_dir)
        return PublishReport(bi_path, exports_dir, counts)
    finally:
        tmp.unlink(missing_ok=True)
        shutil.rmtree(tmp_exports, ignore_errors=True)
        if own:
            con.close()
