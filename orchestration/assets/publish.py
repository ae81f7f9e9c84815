"""The BI copy of the warehouse and the Parquet exports of the marts."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from warehouse.config import settings
from warehouse.publish import BI_STORAGE_VERSION, clean_leftovers, publish

from .. import progress
from ..faults import wanted as fault_wanted
from ..instrument import FaultingConnection
from ..lock import warehouse_lock
from ..resources import DUCKDB_POOL
from .dbt import warehouse_dbt


class PublishConfig(dg.Config):
    allow_mass_delete: bool = False  # may replace the BI copy by a much emptier one (or ALLOW_MASS_DELETE=1)


# the marts it publishes: an incremental dbt build does not load the seeds again, and an asset that
# depended on them would be skipped
MARTS = [key for key in warehouse_dbt.keys if key.path[0] == "marts"]


@dg.asset(deps=MARTS, pool=DUCKDB_POOL, group_name="publication", kinds={"duckdb", "parquet"})
def bi_warehouse(context: dg.AssetExecutionContext, config: PublishConfig, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Read-only copy of the marts for BI tools (DuckDB 1.x storage format), swapped in atomically, plus Parquet;
    only the changed documents are written when that is safe (warehouse/publish.py)."""
    s = settings()
    with warehouse_lock(s.warehouse_path, on_wait=context.log.info), duckdb.get_connection() as con:
        leftovers = clean_leftovers(s.bi_path, s.exports_dir)  # under the lock: no publication is under way
        if leftovers:
            context.log.info(f"removed what a killed publication left: {', '.join(p.name for p in leftovers)}")
            progress.emit("note", text=f"removed {len(leftovers)} file(s) a killed publication left beside "
                                       f"the BI copy ({', '.join(p.name for p in leftovers)})")
        report = publish(s.warehouse_path, s.bi_path, s.exports_dir,
                         con=FaultingConnection(con) if fault_wanted() == "publish" else con,
                         allow_mass_delete=config.allow_mass_delete or s.allow_mass_delete)
    for note in report.notes:  # why this publication wrote everything
        context.log.info(note)
    changed = "" if report.changed_documents is None else f", {report.changed_documents} changed documents"
    context.log.info(f"published {len(report.tables)} tables to {report.bi_path} ({report.bi_mode}{changed}) and "
                     f"{report.exports_dir} ({report.exports_mode})")
    progress.emit("published", tables=len(report.tables), bi=str(report.bi_path), exports=str(report.exports_dir),
                  partial=report.bi_mode == "partial" and report.exports_mode == "partial",
                  rows=report.tables, statuses=report.documents_by_status)
    return dg.MaterializeResult(metadata={
        "bi_path": dg.MetadataValue.path(str(report.bi_path)),
        "exports_dir": dg.MetadataValue.path(str(report.exports_dir)),
        "storage_version": BI_STORAGE_VERSION,
        "rows_per_table": dg.MetadataValue.json(report.tables),
        "bi_mode": report.bi_mode,
        "exports_mode": report.exports_mode,
    })
