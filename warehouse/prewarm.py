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
from multiprocessing.connection import wait

_POOL: ProcessPoolExecutor | None = None
_WORKERS = 0
_STARTED: list = []  # the worker processes as started (the pool forgets its own once shut down)


def _init() -> None:
    """The worker's start: the extractor imported, no language loaded yet."""
    from warehouse.process import _warm_up  # noqa: F401 (the import is the point)


def _warm_next(i: int) -> int | None:
    """Load the i-th configured language; the index of the next one, None after the last."""
    from extract.language import supported_languages
    from warehouse.process import _warm_up

    langs = supported_languages()
    if i >= len(langs):
        return None
    _warm_up(langs[i:i + 1])
    return i + 1


def _chain(future) -> None:
    """One language at a time, each submitted when the last is loaded: a file handed to the worker
    meanwhile waits for one language, not for all eight (it loads its own on first use if needed)."""
    pool = _POOL
    if pool is None or future.cancelled() or future.exception() is not None or future.result() is None:
        return
    try:
        pool.submit(_warm_next, future.result()).add_done_callback(_chain)
    except RuntimeError:  # shut down meanwhile (stop())
        pass


def start(workers: int) -> None:
    """Start one worker, which warms up at once (for a run allowed `workers` extraction processes)."""
    global _POOL, _WORKERS
    if workers <= 1 or _POOL is not None:
        return
    ctx = multiprocessing.get_context("spawn")  # fork is unsafe under Dagster's threads
    _POOL = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init)
    _WORKERS = workers
    _POOL.submit(_warm_next, 0).add_done_callback(_chain)
    _STARTED[:] = list((getattr(_POOL, "_processes", None) or {}).values())


def pool(workers: int) -> ProcessPoolExecutor | None:
    """The started one-worker pool, if it was started for a run of this many workers."""
    return _POOL if _POOL is not None and _WORKERS == workers else None


def stop() -> None:
    """End the workers now (one may still be warming up after a run that extracted nothing)."""
    global _POOL
    if _POOL is None:
        return
    processes = list({id(p): p for p in (*_STARTED, *(getattr(_POOL, "_processes", None) or {}).values())}.values())
    manager = getattr(_POOL, "_executor_manager_thread", None)  # (shutdown() forgets it)
    for p in processes:
        p.terminate()
    _POOL.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if not wait([p.sentinel], timeout=5):  # (outlived SIGTERM, seen once in a loaded CI run)
            p.kill()
            wait([p.sentinel], timeout=60)  # SIGKILL waits for a disk read in progress
    # The pool's thread reaps the workers too: wait for it, or a worker it is reaping still says
    # it is alive. (A worker that closed its pipes is still exiting: join() waits for the end.)
    if manager is not None:
        manager.join(timeout=30)
    for p in processes:
        p.join(timeout=30)
    _STARTED.clear()
    _POOL = None
