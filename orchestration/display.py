"""What `make run` shows: one line per stage, a live counter and bar while files are extracted and dbt
builds (on a terminal), plain lines otherwise (a pipe, a CI log: no carriage returns, no colours).

It turns the build process's progress events (orchestration/progress.py) into text:

    scan      6 files: 3 new, 0 changed, 3 unchanged, 0 removed
    extract   3/3 files in 1.2s (2.5 files/s)
    load      3 documents loaded; the warehouse holds 6 (6 ok)
    dbt       37 models and seeds built, 72 tests passed
    publish   9 tables to the BI copy and Parquet
"""
from __future__ import annotations

import shutil
import sys
import time

PLAIN_EVERY_FILES = 200  # plain output: extraction progress lines only for batches at least this large


def _bar(done: int, total: int, width: int = 24) -> str:
    filled = int(width * done / total) if total else width
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _eta(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else \
        f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class Display:
    def __init__(self, out=None, tty: bool | None = None):
        self.out = out or sys.stdout
        self.tty = self.out.isatty() if tty is None else tty
        self.live = False
        self.scanned: int | None = None
        self.extract_total = 0
        self.extract_t0 = 0.0
        self.plain_next = 0.1
        self.dbt_last: dict | None = None
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.published: dict | None = None  # the publication's counts, for the summary at the end

    # output primitives
    def line(self, text: str) -> None:
        self._clear()
        self.out.write(text + "\n")
        self.out.flush()

    def status(self, text: str) -> None:
        """A transient line, replaced by the next one (terminal only)."""
        if not self.tty:
            return
        width = shutil.get_terminal_size((100, 20)).columns - 1
        self.out.write("\r\033[K" + text[:width])
        self.out.flush()
        self.live = True

    def _clear(self) -> None:
        if self.live:
            self.out.write("\r\033[K")
            self.live = False

    def finish(self) -> None:
        self._flush_dbt()
        self._clear()
        self.out.flush()

    # events
    def handle(self, event: dict) -> None:
        kind = event.get("event")
        handler = getattr(self, f"_on_{kind}", None)
        if handler is not None:
            handler(event)

    def _on_note(self, e: dict) -> None:
        self.notes.append(e["text"])
        self.line(e["text"])

    def _on_error(self, e: dict) -> None:
        self.errors.append(e["text"])

    def _on_started(self, e: dict) -> None:
        self.status("starting  Dagster and the extractors ...")

    def _on_scanned(self, e: dict) -> None:
        self.scanned = e["files"]
        self.status(f"scan      {e['files']:,} files found, comparing with the warehouse ...")

    def _on_planned(self, e: dict) -> None:
        unchanged = (self.scanned or 0) - e["extract"]
        self.line(f"scan      {self.scanned or 0:,} files: {e['new']:,} new, {e['changed']:,} changed, "
                  f"{max(unchanged, 0):,} unchanged, {e['removed']:,} removed")

    def _on_extract_start(self, e: dict) -> None:
        self.extract_total = e["total"]
        self.extract_t0 = time.monotonic()
        self.plain_next = 0.1
        if self.extract_total:
            self.status(f"extract   0/{self.extract_total:,} files (starting workers) ...")

    def _on_extracted(self, e: dict) -> None:
        done, total = e["done"], e["total"]
        took = time.monotonic() - self.extract_t0
        rate = done / took if took > 0 else 0.0
        if done >= total:
            self.line(f"extract   {total:,}/{total:,} files in {took:.1f}s ({rate:,.1f} files/s)")
            return
        eta = f", about {_eta((total - done) / rate)} left" if rate > 0 else ""
        if self.tty:
            self.status(f"extract   {_bar(done, total)} {done:,}/{total:,} files, {rate:,.1f}/s{eta}")
        elif total >= PLAIN_EVERY_FILES and done / total >= self.plain_next:
            self.line(f"extract   {done:,}/{total:,} files ({100 * done // total}%){eta}")
            while self.plain_next <= done / total:
                self.plain_next += 0.1

    def _on_loaded_batch(self, e: dict) -> None:
        if e.get("documents") is not None:
            self.status(f"load      {e['documents']:,} documents committed ...")

    def _on_loaded(self, e: dict) -> None:
        statuses = e.get("statuses") or {}
        held = sum(statuses.values())
        detail = ", ".join(f"{n:,} {s}" for s, n in sorted(statuses.items(), key=lambda kv: -kv[1]))
        changed = e["new"] + e["changed"] + e["removed"]
        if not changed:
            self.line(f"load      nothing changed; the warehouse holds {held:,} documents ({detail or 'none'})")
        else:
            removed = f", the rows of {e['removed']:,} removed files deleted" if e["removed"] else ""
            self.line(f"load      {e['documents']:,} documents loaded{removed}; "
                      f"the warehouse holds {held:,} ({detail or 'none'})")

    def _on_dbt_start(self, e: dict) -> None:
        self.dbt_last = {"built": 0, "nodes": e["nodes"], "tested": 0, "tests": e["tests"], "failed": 0}
        self.status(f"dbt       building {e['nodes']} models and seeds, {e['tests']} tests ...")

    def _on_dbt(self, e: dict) -> None:
        self.dbt_last = e
        done, total = e["built"] + e["tested"], e["nodes"] + e["tests"]
        failed = f", {e['failed']} FAILED" if e["failed"] else ""
        self.status(f"dbt       {_bar(done, max(total, 1))} {e['built']}/{e['nodes']} models and seeds, "
                    f"{e['tested']}/{e['tests']} tests{failed}")

    def _on_dbt_done(self, e: dict) -> None:
        self.dbt_last = dict(e)
        self._flush_dbt()

    def _flush_dbt(self) -> None:
        e, self.dbt_last = self.dbt_last, None
        if not e:
            return
        passed = e["tested"] - e["failed"]
        failed = f", {e['failed']} FAILED" if e["failed"] else ""
        scope = "" if e.get("full", True) else " (incremental: the changed documents' rows)"
        self.line(f"dbt       {e['built']} models and seeds built, {passed} tests passed{failed}{scope}")

    def _on_published(self, e: dict) -> None:
        self._flush_dbt()
        self.published = e
        partial = " (only the changed documents' rows written)" if e.get("partial") else ""
        self.line(f"publish   {e['tables']} tables to the BI copy and Parquet{partial}")
