"""The one Definitions object: `dagster dev -m orchestration.definitions` shows the whole graph."""
from __future__ import annotations

import dagster as dg

from .assets.dbt import warehouse_dbt
from .assets.publish import bi_warehouse
from .assets.raw import raw_extraction
from .resources import make_resources
from .sensors import make_sensor

build_warehouse = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Ingest SOURCE_DIR, extract, load raw, dbt build, publish the BI copy.",
    # the steps form a chain over one DuckDB file: one process saves three interpreter start-ups;
    # extraction parallelises inside its step (warehouse/process.py)
    executor_def=dg.in_process_executor,
)

# Re-extraction of chosen source buckets (a backfill after an extractor change, with config
# force=true): one run per bucket under the multiprocess executor. The DuckDB writes still take
# turns through the `duckdb` pool; a `build_warehouse` run afterwards rebuilds the marts.
extract_partitioned = dg.define_asset_job(
    "extract_partitioned",
    selection=dg.AssetSelection.assets(raw_extraction),  # partitioned as the asset is
    executor_def=dg.multiprocess_executor,
    description="Extract and load the files of the selected source buckets into raw.*.",
)

defs = dg.Definitions(
    assets=[raw_extraction, warehouse_dbt, bi_warehouse],
    jobs=[build_warehouse, extract_partitioned],
    sensors=[make_sensor(build_warehouse)],
    resources=make_resources(),
)
