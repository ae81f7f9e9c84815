"""The DuckDB side: raw schema, incremental loading from SOURCE_DIR, and publishing for BI."""
