"""DDL of the raw schema: what the Python assets load and dbt reads as sources."""
from __future__ import annotations

import duckdb

# Column order here is the order of the Arrow batches that load.py inserts.
RAW_TABLES: dict[str, str] = {
    "source_files": """
        source_file VARCHAR PRIMARY KEY, content_hash VARCHAR, size_bytes BIGINT, mtime_ns BIGINT,
        file_format VARCHAR, n_documents INTEGER, status VARCHAR, status_reason VARCHAR,
        processed_at TIMESTAMP, batch_id VARCHAR""",
    "documents": """
        document_id VARCHAR, source_file VARCHAR, record_index INTEGER, status VARCHAR, status_reason VARCHAR,
        language VARCHAR, language_confidence DOUBLE, title VARCHAR, published_date DATE, body_text VARCHAR,
        char_count INTEGER, file_format VARCHAR, encoding VARCHAR, url VARCHAR, headline_detected BOOLEAN,
        boilerplate_removed BOOLEAN, extractor_version VARCHAR, batch_id VARCHAR, ingested_at TIMESTAMP,
        published_date_source VARCHAR, published_date_text VARCHAR""",
    "sentences": """
        document_id VARCHAR, source_file VARCHAR, sentence_index INTEGER, start_char INTEGER, end_char INTEGER""",
    "mentions": """
        mention_id VARCHAR, document_id VARCHAR, source_file VARCHAR, entity_type VARCHAR, entity_id VARCHAR,
        mention_kind VARCHAR, sentence_index INTEGER, start_char INTEGER, end_char INTEGER, surface_text VARCHAR""",
    "figures": """
        figure_id VARCHAR, document_id VARCHAR, source_file VARCHAR, kind VARCHAR, value DOUBLE, value_max DOUBLE,
        unit VARCHAR, qualifier VARCHAR, change VARCHAR, date_year INTEGER, date_month INTEGER, date_day INTEGER,
        weekday VARCHAR, date_resolved DATE, sentence_index INTEGER, start_char INTEGER, end_char INTEGER,
        surface_text VARCHAR""",
    "export_volumes": """
        figure_id VARCHAR, document_id VARCHAR, source_file VARCHAR, commodity_id VARCHAR, route_id VARCHAR,
        partner_id VARCHAR, volume_tonnes DOUBLE, volume_tonnes_max DOUBLE, qualifier VARCHAR, change VARCHAR,
        sentence_index INTEGER""",
    "activity_events": """
        event_id VARCHAR, document_id VARCHAR, source_file VARCHAR, partner_id VARCHAR, activity_type VARCHAR,
        sector VARCHAR, planned BOOLEAN, sentence_index INTEGER, start_char INTEGER, end_char INTEGER,
        surface_text VARCHAR, partner_start_char INTEGER, partner_end_char INTEGER""",
}

# Tables whose rows belong to one source file and are replaced with it.
FILE_SCOPED = [t for t in RAW_TABLES if t != "source_files"]


def columns(table: str) -> list[str]:
    return [c.strip().split()[0] for c in RAW_TABLES[table].split(",") if c.strip()]


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for name, cols in RAW_TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS raw.{name} ({cols})")
    # a warehouse built by an older version gains the columns added since (rows re-extracted keep them filled)
    have = {(t, c) for t, c in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'raw'").fetchall()}
    for name, cols in RAW_TABLES.items():
        for col in cols.split(","):
            col_name, col_type = col.split()[0], " ".join(col.split()[1:]).replace("PRIMARY KEY", "").strip()
            if (name, col_name) not in have:
                con.execute(f"ALTER TABLE raw.{name} ADD COLUMN {col_name} {col_type}")
