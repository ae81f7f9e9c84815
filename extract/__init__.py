"""Text in, records out: the extraction library behind the warehouse.

    from extract import extract
    result = extract(text, lang="ru")   # lang=None: detect it

No Dagster, no DuckDB, no network. The Dagster assets call this same function.

The readers (spaCy, lexicons, grammars) load when extract() or warm_up() is first looked up, not
when a light part such as extract.ingest is imported: the Dagster process reads files and loads
DuckDB, its extraction workers extract, and it need not pay 0.6 s for readers it never runs.
"""
from __future__ import annotations

import importlib

__all__ = ["extract", "warm_up", "ExtractionResult", "Mention", "Figure", "ExportVolume", "ActivityEvent", "Sentence"]


def __getattr__(name: str):
    if name.startswith("__") or name == "pipeline":  # import machinery's probes, and the submodule itself
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    pipeline = importlib.import_module("extract.pipeline")
    try:
        value = getattr(pipeline, name)
    except AttributeError:
        raise AttributeError(f"module 'extract' has no attribute {name!r}") from None
    globals()[name] = value  # looked up once
    return value
