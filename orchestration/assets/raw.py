"""The Python side of the graph: read SOURCE_DIR, clean, extract, load the raw schema."""

import os

import dagster as dg
from dagster_duckdb import DuckDBResource

from warehouse.config import settings
from warehouse.preflight import CHECKED_ENV, preflight
from warehouse.schema import RAW_TABLES
from warehouse.sync import BUCKETS, SyncReport, sync_raw

from .. import dbt_warm, progress
from ..instrument import watch_sync
from ..lock import inherited_lock, warehouse_lock
from ..resources import DUCKDB_POOL

# Partitions: source files by a stable hash of their path (warehouse/sync.py). A full build takes every
# bucket in one run (single-run backfill policy: one scan, one DuckDB writer); a backfill of some
# buckets, e.g. with force after an extractor change, re-extracts only their files.
SOURCE_BUCKETS = dg.StaticPartitionsDefinition(BUCKETS)
FULL_RANGE_TAGS = {
    "dagster/asset_partition_range_start": BUCKETS[0],
    "dagster/asset_partition_range_end": BUCKETS[-1],
}


class ExtractionConfig(dg.Config):
    force: bool = False  # re-extract every file of the selected buckets, changed or not
    allow_mass_delete: bool = False  # may remove all documents or more than MAX_DELETE_SHARE (or ALLOW_MASS_DELETE=1)


RAW_SPECS = [
    dg.AssetSpec(
        key=dg.AssetKey(["raw", table]),
        group_name="raw",
        description=f"raw.{table}, loaded incrementally from SOURCE_DIR by warehouse/sync.py",
        kinds={"duckdb", "python"},
    )
    for table in RAW_TABLES
]


@dg.multi_asset(specs=RAW_SPECS, pool=DUCKDB_POOL, can_subset=False, name="raw_extraction",
                partitions_def=SOURCE_BUCKETS, backfill_policy=dg.BackfillPolicy.single_run())
def raw_extraction(context: dg.AssetExecutionContext, config: ExtractionConfig, duckdb: DuckDBResource):
    """New, changed and removed files in SOURCE_DIR → per-file replace of their rows in raw.*."""
    s = settings()
    s.warehouse_path.parent.mkdir(parents=True, exist_ok=True)  # DuckDB creates the file, not its folder
    buckets = set(context.partition_keys)
    with warehouse_lock(s.warehouse_path, on_wait=context.log.info):
        # before the first connection, under the lock: SOURCE_DIR is there, WAREHOUSE_PATH is sound (read only)
        in_make_run = inherited_lock(s.warehouse_path)  # the build process of `make run`: one process, every step
        preflight(s, checked=os.environ.get(CHECKED_ENV) if in_make_run else None)
        if in_make_run:
            dbt_warm.start()  # dbt's imports on the other core while this step runs (the dbt step is next)
        with duckdb.get_connection() as con, watch_sync():
            report = sync_raw(s, con=con, log=context.log.info,
                              buckets=None if buckets == set(BUCKETS) else buckets, force=config.force,
                              allow_mass_delete=config.allow_mass_delete or s.allow_mass_delete)
    progress.emit("loaded", files=report.files_seen, new=report.files_new, changed=report.files_changed,
                  unchanged=report.files_unchanged, removed=report.files_removed,
                  documents=report.documents_loaded, statuses=dict(report.statuses), seconds=report.seconds)
    context.log.info(
        f"{report.files_seen} files: {report.files_new} new, {report.files_changed} changed, "
        f"{report.files_unchanged} unchanged, {report.files_removed} removed in {report.seconds:.1f}s"
    )
    common = _common_metadata(report, s)
    for table in RAW_TABLES:
        meta = dict(common)
        meta["rows_loaded_this_run"] = dg.MetadataValue.int(report.rows_loaded.get(table, 0))
        if table == "documents":
            meta["documents_by_status"] = dg.MetadataValue.json(dict(report.statuses))
            meta["documents_by_language"] = dg.MetadataValue.json(dict(report.languages))
            meta["quarantined"] = dg.MetadataValue.md(_quarantine_md(report))
        yield dg.MaterializeResult(asset_key=dg.AssetKey(["raw", table]), metadata=meta)


def _common_metadata(report: SyncReport, s) -> dict:
    return {
        "source_dir": dg.MetadataValue.path(str(s.source_dir)),
        "warehouse": dg.MetadataValue.path(str(s.warehouse_path)),
        "files_seen": dg.MetadataValue.int(report.files_seen),
        "files_new": dg.MetadataValue.int(report.files_new),
        "files_changed": dg.MetadataValue.int(report.files_changed),
        "files_removed": dg.MetadataValue.int(report.files_removed),
        "seconds": dg.MetadataValue.float(round(report.seconds, 2)),
    }


def _quarantine_md(report: SyncReport) -> str:
    if not report.quarantined:
        return "No quarantined files."
    lines = ["| file | status | reason |", "|---|---|---|"]
    for rel, status, reason in report.quarantined[:200]:
        lines.append(f"| {rel} | {status} | {(reason or '').replace('|', '/')} |")
    if len(report.quarantined) > 200:
        lines.append(f"| … | | {len(report.quarantined) - 200} more |")
    return "\n".join(lines)
