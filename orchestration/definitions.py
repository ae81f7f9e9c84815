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

defs = dg.Definitions(
    assets=[raw_extraction, warehouse_dbt, bi_warehouse],
    jobs=[build_warehouse],
    sensors=[make_sensor(build_warehouse)],
    resources=make_resources(),
)
