"""Progress events and fault points inside warehouse.sync's run, without changing warehouse/ code.

`watch_sync()` wraps four functions of warehouse.sync for the duration of one raw_extraction step:
`scan_listing` (files found), `plan` (what this run will extract and remove), `process_files` (one event per
extracted file, throttled) and `_load` (documents committed). Each wrapper calls the original and
only observes its result. A function that is missing (warehouse.sync refactored) is simply not
watched: the run works, only that progress line or fault point is gone (the fault tests notice).
"""
from __future__ import annotations

import time
from contextlib import contextmanager

from . import progress
from .faults import fault_point

EXTRACT_EVENT_EVERY = 0.25  # seconds between extraction progress events


def _scan(orig):
    def scan_listing(*args, **kwargs):
        listing = orig(*args, **kwargs)
        progress.emit("scanned", files=len(listing.entries()))
        fault_point("scan")
        return listing
    return scan_listing


def _plan(orig):
    def plan(*args, **kwargs):
        result = orig(*args, **kwargs)
        try:
            to_process, touched, removed, ledger = result[:4]
            new = sum(1 for r in to_process if r not in ledger)
            progress.emit("planned", extract=len(to_process), new=new, changed=len(to_process) - new,
                          removed=len(removed), touched=len(touched))
        except (TypeError, ValueError):
            pass
        return result
    return plan


def _process_files(orig):
    def process_files(source_dir, rels, *args, **kwargs):
        rels = list(rels)
        total = len(rels)
        progress.emit("extract_start", total=total)
        done, last = 0, 0.0
        for res in orig(source_dir, rels, *args, **kwargs):
            done += 1
            now = time.monotonic()
            if done == total or now - last >= EXTRACT_EVENT_EVERY:
                progress.emit("extracted", done=done, total=total)
                last = now
            if done == 1:
                fault_point("extract")
            yield res
    return process_files


def _load(orig):
    def load(con, results, report, *args, **kwargs):
        out = orig(con, results, report, *args, **kwargs)
        progress.emit("loaded_batch", documents=getattr(report, "documents_loaded", None))
        fault_point("load")
        return out
    return load


_WRAPPERS = {"scan_listing": _scan, "plan": _plan, "process_files": _process_files, "_load": _load}


@contextmanager
def watch_sync():
    import warehouse.sync as sync

    originals = {}
    for name, wrap in _WRAPPERS.items():
        orig = getattr(sync, name, None)
        if callable(orig):
            originals[name] = orig
            setattr(sync, name, wrap(orig))
    try:
        yield
    finally:
        for name, orig in originals.items():
            setattr(sync, name, orig)


class FaultingConnection:
    """A DuckDB connection for publish() that SIGKILLs the process after the second COPY statement
    (KZ_FAULT_STAGE=publish): half way through the Parquet export, the BI copy not yet swapped in."""

    def __init__(self, con):
        self._con = con
        self._copies = 0

    def execute(self, sql, *args, **kwargs):
        result = self._con.execute(sql, *args, **kwargs)
        if isinstance(sql, str) and sql.lstrip().upper().startswith("COPY"):
            self._copies += 1
            if self._copies == 2:
                fault_point("publish")
        return result

    def __getattr__(self, name):
        return getattr(self._con, name)
