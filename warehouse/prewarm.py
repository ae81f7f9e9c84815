"""An extraction worker started, and warming up, while the rest of the run starts.

Loading every language's lexicons, lemma tables and grammars takes a worker 3 to 5 s. A run after a
few new files extracts them in seconds, so that load was most of its extraction step. The build
process (orchestration/execute.py) calls start() first thing, before it imports Dagster: one worker
process loads the languages on the machine's other core while Dagster loads its definitions and the
run scans SOURCE_DIR, and warehouse.process.process_files hands it the files (more workers start on
demand for large batches, up to EXTRACT_WORKERS). This module imports nothing of the extractor, so
starting the worker costs the build process nothing. With EXTRACT_WORKERS=1 extraction stays in the
build process and nothing is started.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_POOL: ProcessPoolExecutor | None = None
_WORKERS = 0


def _init() -> None:
    from warehouse.process import _warm_up

    _warm_up()


def _ready() -> bool:
    return True


def start(workers: int) -> None:
    """Start one worker, which warms up at once (for a run allowed `workers` extraction processes)."""
    global _POOL, _WORKERS
    if workers <= 1 or _POOL is not None:
        return
    ctx = multiprocessing.get_context("spawn")  # fork is unsafe under Dagster's threads
    _POOL = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init)
    _WORKERS = workers
    _POOL.submit(_ready)


def pool(workers: int) -> ProcessPoolExecutor | None:
    """The started one-worker pool, if it was started for a run of this many workers."""
    return _POOL if _POOL is not None and _WORKERS == workers else None


def stop() -> None:
    """End the workers now (one may still be warming up after a run that extracted nothing)."""
    global _POOL
    if _POOL is None:
        return
    processes = list((getattr(_POOL, "_processes", None) or {}).values())
    for p in processes:
        p.terminate()
    _POOL.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        p.join(timeout=5)
    _POOL = None
