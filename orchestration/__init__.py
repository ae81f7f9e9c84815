"""Dagster definitions: ingest/extract/load → dbt → BI publication, with a sensor on SOURCE_DIR."""
import os

# No network here: every entry point turns telemetry off before dbt or Dagster load.
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
