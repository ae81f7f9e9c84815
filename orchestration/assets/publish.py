"""The BI copy of the warehouse and the Parquet exports of the marts."""

import re
import shutil
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from warehouse.config import settings
from warehouse.publish import BI_STORAGE_VERSION, publish

from .. import progress
from ..faults import wanted as fault_wanted
from ..instrument import FaultingConnection
from ..lock import warehouse_lock
from ..recovery import process_alive
from ..resources import DUCKDB_POOL
from .dbt import warehouse_dbt


def publication_leftovers(bi_path: Path, exports_dir: Path) -> list[Path]:
    """What a publication killed half way leaves beside the BI copy and the exports: `.<name>.<pid>.tmp`
    (the copy being written, its .wal, the Parquet folder being filled) and `.<name>.<pid>.old` (the
    previous exports during the swap), for pids that are no longer running."""
    out = []
    for target in (bi_path, exports_dir):
        if not target.parent.is_dir():
            continue
        pattern = re.compile(r"^\." + re.escape(target.name) + r"\.(\d+)\.(tmp|old)(\.wal)?$")
        for p in target.parent.iterdir():
            m = pattern.match(p.name)
            if m and not process_alive(int(m.group(1))):
                out.append(p)
    return sorted(out)


def remove_leftovers(paths: list[Path]) -> None:
    for p in paths:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)


@dg.asset(deps=[warehouse_dbt], pool=DUCKDB_POOL, group_name="publication", kinds={"duckdb", "parquet"})
def bi_warehouse(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Read-only copy of the marts for BI tools (DuckDB 1.x storage format), swapped in atomically, plus Parquet."""
    s = settings()
    with warehouse_lock(s.warehouse_path, on_wait=context.log.info), duckdb.get_connection() as con:
        leftovers = publication_leftovers(s.bi_path, s.exports_dir)
        if leftovers:  # under the lock: no other publication of this warehouse is under way
            remove_leftovers(leftovers)
            context.log.info(f"removed what a killed publication left: {', '.join(p.name for p in leftovers)}")
            progress.emit("note", text=f"removed {len(leftovers)} file(s) a killed publication left beside "
                                       f"the BI copy ({', '.join(p.name for p in leftovers)})")
        report = publish(s.warehouse_path, s.bi_path, s.exports_dir,
                         con=FaultingConnection(con) if fault_wanted() == "publish" else con)
    context.log.info(f"published {len(report.tables)} tables to {report.bi_path} and {report.exports_dir}")
    progress.emit("published", tables=len(report.tables), bi=str(report.bi_path), exports=str(report.exports_dir))
    return dg.MaterializeResult(metadata={
        "bi_path": dg.MetadataValue.path(str(report.bi_path)),
        "exports_dir": dg.MetadataValue.path(str(report.exports_dir)),
        "storage_version": BI_STORAGE_VERSION,
        "rows_per_table": dg.MetadataValue.json(report.tables),
    })
