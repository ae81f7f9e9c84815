"""The BI copy of the warehouse and the Parquet exports of the marts."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from warehouse.config import settings
from warehouse.publish import BI_STORAGE_VERSION, publish

from ..lock import warehouse_lock
from ..resources import DUCKDB_POOL
from .dbt import warehouse_dbt


@dg.asset(deps=[warehouse_dbt], pool=DUCKDB_POOL, group_name="publication", kinds={"duckdb", "parquet"})
def bi_warehouse(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Read-only copy of the marts for BI tools (DuckDB 1.x storage format), swapped in atomically, plus Parquet."""
    s = settings()
    with warehouse_lock(s.warehouse_path, on_wait=context.log.info), duckdb.get_connection() as con:
        report = publish(s.warehouse_path, s.bi_path, s.exports_dir, con=con)
    context.log.info(f"published {len(report.tables)} tables to {report.bi_path} and {report.exports_dir}")
    return dg.MaterializeResult(metadata={
        "bi_path": dg.MetadataValue.path(str(report.bi_path)),
        "exports_dir": dg.MetadataValue.path(str(report.exports_dir)),
        "storage_version": BI_STORAGE_VERSION,
        "rows_per_table": dg.MetadataValue.json(report.tables),
    })
