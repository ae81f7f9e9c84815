"""Incremental load of SOURCE_DIR into the raw schema.

The ledger raw.source_files remembers each file's size, mtime and content hash.
A run reads only files that are new or whose size/mtime changed (and of those,
only the ones whose hash changed are extracted again); it removes the rows of
files that are gone. Each batch of files is replaced inside one transaction:
delete the files' old rows, bulk-insert the new ones from Arrow. Running twice
on the same folder changes nothing.
"""
from __future__ import annotations

import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from extract.ingest import SourceDocument, content_id, file_format

from .config import Settings
from .guard import MassDeleteRefused, too_many_removed
from .preflight import check_source_dir
from . import prewarm
from .process import FileResult, _process_document, _process_star, hash_file
from .process import process_files as _process_files_here
from .scanning import scan_folder
from .sql import literal
from .schema import FILE_SCOPED, RAW_TABLES, columns, ensure_raw_schema

_LOAD_BATCH_FILES = 500  # files per transaction: big enough for bulk inserts, small enough for flat memory
_LOAD_BATCH_BYTES = 32 * 1024 * 1024  # or fewer when the files are large: memory follows bytes, not files

# Source files fall into a fixed number of buckets by a hash of their path: the partitions of
# the extraction asset. A path keeps its bucket forever, so a backfill of some buckets touches
# exactly their files, and the buckets split any folder evenly.
N_BUCKETS = 8
BUCKETS = [f"{i:02d}" for i in range(N_BUCKETS)]


def bucket_of(rel: str) -> str:
    return f"{zlib.crc32(rel.encode('utf-8')) % N_BUCKETS:02d}"


@dataclass
class SyncReport:
    batch_id: str
    files_seen: int = 0
    files_new: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    documents_loaded: int = 0
    rows_loaded: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    quarantined: list[tuple[str, str, str]] = field(default_factory=list)  # (file, status, reason)
    seconds: float = 0.0

    @property
    def changed_anything(self) -> bool:
        return bool(self.files_new or self.files_changed or self.files_removed)


def scan(source_dir: Path, follow_links_out: bool | None = None) -> dict[str, tuple[int, int]]:
    """Every entry under source_dir that gets a row (recursively, hidden ones skipped): rel path →
    (size, mtime_ns). Special files and links that are not read are listed too (scanning.py)."""
    if follow_links_out is None:
        from .config import settings

        follow_links_out = settings().follow_links_out
    return scan_listing(source_dir, follow_links_out).entries()


def scan_listing(source_dir: Path, follow_links_out: bool):
    """The folder's listing (scanning.Listing): the one place a run scans, so the orchestration can
    observe it (orchestration/instrument.py: the scan progress line and fault point)."""
    return scan_folder(source_dir, follow_links_out=follow_links_out)


def plan(con: duckdb.DuckDBPyConnection, source_dir: Path, current: dict[str, tuple[int, int]],
         buckets: set[str] | None = None, force: bool = False, special: set[str] = frozenset(),
         keep: list[str] = ()):
    """(to_process, touched, removed, ledger): what this run must do to match the folder.

    buckets limits the run to the files of those partitions; force re-extracts them all.
    Files last extracted by another extractor version are extracted again. special: entries
    that are never opened (not even hashed); keep: folders that could not be listed, whose
    files keep their rows (a folder gone unreadable is not a folder whose files were deleted)."""
    from .process import EXTRACTOR_VERSION

    ledger = {r[0]: (r[1], r[2], r[3]) for r in con.execute(
        "SELECT source_file, content_hash, size_bytes, mtime_ns FROM raw.source_files").fetchall()}
    if keep:
        prefixes = tuple(k.rstrip("/") + "/" for k in keep)
        current = dict(current)
        current.update({rel: (v[1], v[2]) for rel, v in ledger.items() if rel.startswith(prefixes)})
    if buckets is not None:
        ledger = {k: v for k, v in ledger.items() if bucket_of(k) in buckets}
        current = {k: v for k, v in current.items() if bucket_of(k) in buckets}
    stale = {r[0] for r in con.execute(
        "SELECT DISTINCT source_file FROM raw.documents WHERE extractor_version <> ?", [EXTRACTOR_VERSION]).fetchall()}
    removed = sorted(set(ledger) - set(current))
    to_process, touched = [], []
    for rel, (size, mtime) in current.items():
        old = ledger.get(rel)
        if old is None or force or rel in stale:
            to_process.append(rel)
        elif (old[1], old[2]) != (size, mtime):
            # same size and a new mtime is often a touch or a checkout: hash before re-extracting
            if old[1] == size and rel not in special and _same_hash(source_dir / rel, old[0]):
                touched.append((rel, mtime))
            else:
                to_process.append(rel)
    # documents marked duplicate whose original is gone must be extracted after all
    orphans = [r[0] for r in con.execute("""
        SELECT DISTINCT d.source_file FROM raw.documents d
        WHERE d.status = 'duplicate' AND NOT EXISTS (
            SELECT 1 FROM raw.documents o WHERE o.document_id = split_part(d.document_id, '~', 1)
            AND o.status <> 'duplicate' AND NOT list_contains(?::VARCHAR[], o.source_file))""",
        [removed + to_process]).fetchall()]  # files about to go or change no longer hold the original
    to_process += [o for o in orphans if o in current and o not in to_process]
    to_process = list(dict.fromkeys(to_process))
    return sorted(to_process), touched, removed, ledger


def _same_hash(path: Path, digest: str) -> bool:
    try:
        return hash_file(path) == digest
    except OSError:
        return False  # gone or unreadable: processing it gives it its status


def sync_raw(settings: Settings, con: duckdb.DuckDBPyConnection | None = None, log=print,
             buckets: set[str] | None = None, force: bool = False,
             allow_mass_delete: bool | None = None) -> SyncReport:
    """Make raw.* match SOURCE_DIR. Refuses (MassDeleteRefused, nothing changed) to remove all
    documents or more than settings.max_delete_share of them unless allowed (ALLOW_MASS_DELETE)."""
    t0 = time.perf_counter()
    batch_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    allow = settings.allow_mass_delete if allow_mass_delete is None else allow_mass_delete
    check_source_dir(settings.source_dir)  # a missing folder is not a folder whose files were deleted
    own = con is None
    if own:
        from .preflight import check_warehouse_file

        check_warehouse_file(settings.warehouse_path)
        settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(settings.warehouse_path),
                             config={"memory_limit": settings.duckdb_load_memory_limit})
    else:
        # appends need little memory, and a small buffer pool keeps the loader flat however large
        # the warehouse grows (the setting is the database's: put it back for the connection's owner)
        restore = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        con.execute(f"SET memory_limit = {literal(settings.duckdb_load_memory_limit)}")
    try:
        ensure_raw_schema(con)
        listing = scan_listing(settings.source_dir, settings.follow_links_out)
        for folder in listing.unreadable:
            log(f"cannot list {settings.source_dir / folder}: its files keep their rows until it can be read")
        current = listing.entries()
        to_process, touched, removed, ledger = plan(con, settings.source_dir, current, buckets, force,
                                                    special=set(listing.special), keep=listing.unreadable)
        _check_removals(con, removed, settings, allow)  # before the first change
        _repair_duplicate_ids(con, log)
        if buckets is not None:
            current = {k: v for k, v in current.items() if bucket_of(k) in buckets}
        report = SyncReport(batch_id, files_seen=len(current), files_removed=len(removed))
        report.files_new = sum(1 for r in to_process if r not in ledger)
        report.files_changed = len(to_process) - report.files_new
        report.files_unchanged = len(current) - len(to_process)
        con.execute("BEGIN")
        _delete_files(con, removed, include_ledger=True)
        for rel, mtime in touched:
            con.execute("UPDATE raw.source_files SET mtime_ns = ? WHERE source_file = ?", [mtime, rel])
        con.execute("COMMIT")
        # entries that are never opened get their status row here; the rest are read and extracted
        pending: list[FileResult] = [
            _status_result(rel, size, mtime, "unsupported_format", reason, batch_id)
            for rel in to_process if rel in listing.special for size, mtime, reason in [listing.special[rel]]]
        pending_bytes = 0
        regular = [rel for rel in to_process if rel not in listing.special]
        for res in _process_guarded(settings, regular, batch_id, log):
            pending.append(res)
            pending_bytes += res.size_bytes if res.size_bytes <= settings.max_file_bytes else 0
            if len(pending) >= _LOAD_BATCH_FILES or pending_bytes >= _LOAD_BATCH_BYTES:
                _load(con, pending, report, known=ledger)
                log(f"loaded {report.documents_loaded} documents from {len(to_process)} files so far")
                pending, pending_bytes = [], 0
        if pending:
            _load(con, pending, report, known=ledger)
        _repair_duplicate_ids(con, log)  # each batch marked its own duplicates; this only finds a crash's
        for status, reason, rel in con.execute(
                "SELECT status, status_reason, source_file FROM raw.documents WHERE status <> 'ok' ORDER BY source_file"
        ).fetchall():
            report.quarantined.append((rel, status, reason))
        report.statuses.update(dict(con.execute("SELECT status, count(*) FROM raw.documents GROUP BY 1").fetchall()))
        report.languages.update(dict(con.execute(
            "SELECT coalesce(language, 'none'), count(*) FROM raw.documents GROUP BY 1").fetchall()))
        report.seconds = time.perf_counter() - t0
        return report
    finally:
        if own:
            con.close()
        else:
            con.execute(f"SET memory_limit = {literal(restore)}")


def process_files(source_dir: Path, rels, max_bytes: int, workers: int, batch_id: str = ""):
    """warehouse.process.process_files, but on the extraction worker started (and warmed up) at the
    start of the run when there is one (warehouse/prewarm.py): results in input order, streamed.
    (Here rather than in warehouse/process.py, whose source is part of the extractor version.)"""
    started = prewarm.pool(workers)
    rels = list(rels)
    if started is not None and len(rels) > ONE_WORKER_UP_TO:
        prewarm.stop()  # a large batch: a pool of every worker (its warm-up is small next to the batch)
        started = None
    if started is None or not rels:
        yield from _process_files_here(source_dir, rels, max_bytes, workers, batch_id)
        return
    args = [(str(source_dir), rel, max_bytes, batch_id) for rel in rels]
    chunk = 1 if len(rels) < 64 else 8
    for i in range(0, len(args), _WINDOW):  # a window at a time: Executor.map submits all it is given
        yield from started.map(_process_star, args[i:i + _WINDOW], chunksize=chunk)
    # the worker has done this run's files: the languages it has not loaded yet would only take CPU
    # from the load and the dbt step that come next (alternating +10 runs on 100,000: 10.3-10.4 s
    # against 10.6-12.8 s going on)
    prewarm.stop()


_WINDOW = 1024
# up to this many files the warm worker does them alone: at ~500 files/s it is done before a second
# worker would have loaded the languages (3 to 5 s); the +1,000-file run of the benchmark is one
ONE_WORKER_UP_TO = 3000


def _process_guarded(settings: Settings, rels: list[str], batch_id: str, log):
    """process_files, but a file that vanishes or cannot be read between the scan and its reading
    (or that fails in a way the worker did not catch) becomes a status row, and the rest go on."""
    from concurrent.futures.process import BrokenProcessPool

    i = 0
    while i < len(rels):
        try:
            for res in process_files(settings.source_dir, rels[i:], settings.max_file_bytes, settings.workers,
                                     batch_id):
                i += 1
                yield res
            return
        except BrokenProcessPool:
            raise  # a worker died: not one file's problem
        except Exception as e:  # noqa: BLE001 - one file's failure is that file's status
            rel = rels[i]
            i += 1
            if isinstance(e, FileNotFoundError):
                status, reason = "empty", ("the file disappeared between the scan of SOURCE_DIR and its reading; "
                                           "the next run drops this row")
            elif isinstance(e, OSError):
                status, reason = "parse_error", f"the file could not be read: {e.strerror or e}"
            else:
                status, reason = "extraction_error", f"{type(e).__name__}: {e}"[:500]
            log(f"{rel}: {reason}")
            yield _status_result(rel, -1, -1, status, reason, batch_id)  # -1: read again when it changes


def _status_result(rel: str, size: int, mtime: int, status: str, reason: str, batch_id: str) -> FileResult:
    """The rows of an entry that is not read: one document with its status and reason."""
    import hashlib

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    digest = hashlib.sha256(f"{status}\0{reason}".encode()).hexdigest()
    doc = SourceDocument(content_id(f"{rel}\0{reason}".encode()), rel, 0, status, reason,
                         file_format=file_format(rel))
    res = FileResult(rel, digest, size, mtime, {t: [] for t in RAW_TABLES})
    _process_document(doc, res.rows, batch_id, now)
    res.rows["source_files"].append((rel, digest, size, mtime, file_format(rel), 1, status, reason, now, batch_id))
    return res


def _delete_files(con: duckdb.DuckDBPyConnection, rels: list[str], include_ledger: bool) -> None:
    if not rels:
        return
    con.register("_gone", pa.table({"source_file": rels}))
    for t in FILE_SCOPED + (["source_files"] if include_ledger else []):
        con.execute(f"DELETE FROM raw.{t} WHERE source_file IN (SELECT source_file FROM _gone)")
    con.unregister("_gone")


def _load(con: duckdb.DuckDBPyConnection, results: list[FileResult], report: SyncReport,
          known: dict) -> None:
    """Replace these files' rows in one transaction, bulk-inserting each table from Arrow.

    known: the ledger before this run. A file it does not hold has no rows to delete, and
    skipping the delete spares a scan of every raw table per batch (quadratic over a first
    build of a large folder)."""
    merged: dict[str, list[tuple]] = {t: [] for t in RAW_TABLES}
    for r in results:
        for t, rows in r.rows.items():
            merged[t].extend(rows)
    con.execute("BEGIN")
    try:
        _delete_files(con, [r.source_file for r in results if r.source_file in known], include_ledger=True)
        ids = list(dict.fromkeys(row[0] for row in merged["documents"]))
        for t, rows in merged.items():
            if not rows:
                continue
            cols = columns(t)
            tbl = pa.table({c: [row[i] for row in rows] for i, c in enumerate(cols)})
            con.register("_batch", tbl)
            con.execute(f"INSERT INTO raw.{t} BY NAME SELECT * FROM _batch")
            con.unregister("_batch")
            report.rows_loaded[t] += len(rows)
        # in the same transaction: a crash never leaves two `ok` documents with one id
        _mark_duplicates(con, ids)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    report.documents_loaded += len(merged["documents"])


def _check_removals(con: duckdb.DuckDBPyConnection, removed: list[str], settings: Settings, allow: bool) -> None:
    """Stop before removing all documents, or more than max_delete_share of them, unless allowed."""
    if not removed or allow:
        return
    total = con.execute("SELECT count(*) FROM raw.documents").fetchall()[0][0]
    con.register("_gone", pa.table({"source_file": removed}))
    try:
        gone = con.execute("SELECT count(*) FROM raw.documents WHERE source_file IN "
                           "(SELECT source_file FROM _gone)").fetchall()[0][0]
    finally:
        con.unregister("_gone")
    if too_many_removed(gone, total, settings.max_delete_share):
        sample = ", ".join(removed[:3]) + (f" and {len(removed) - 3:,} more" if len(removed) > 3 else "")
        raise MassDeleteRefused(
            f"stopped before changing anything: this run would remove {gone:,} of the warehouse's {total:,} "
            f"documents ({len(removed):,} files no longer in SOURCE_DIR={settings.source_dir}: {sample}), more "
            f"than MAX_DELETE_SHARE={settings.max_delete_share:g} allows. Check that SOURCE_DIR is the right "
            "folder and fully mounted; if the files were removed on purpose, run again with "
            "ALLOW_MASS_DELETE=1 (or the raw_extraction run config allow_mass_delete: true).")


def _repair_duplicate_ids(con: duckdb.DuckDBPyConnection, log) -> None:
    """Two non-duplicate rows with one document_id (left by a crash between a load and its marking
    in older versions, or by hand): mark them now, else every dbt build fails its unique test."""
    n = con.execute("SELECT count(*) FROM (SELECT document_id FROM raw.documents WHERE status <> 'duplicate' "
                    "GROUP BY 1 HAVING count(*) > 1)").fetchall()[0][0]
    if not n:
        return
    con.execute("BEGIN")
    try:
        _mark_duplicates(con, None)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    log(f"repaired {n} document id(s) held by more than one document: the later copies are now `duplicate`")


def _mark_duplicates(con: duckdb.DuckDBPyConnection, ids: list[str] | None) -> None:
    """Identical content under two paths: the first path (in sort order) keeps the id and the facts.

    ids: only these document ids can have gained a twin (the batch just loaded); None: all."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)  # a new row for the incremental marts
    if ids is not None and not ids:
        return
    if ids is not None:
        con.register("_ids", pa.table({"document_id": pa.array(ids, pa.string())}))
    try:
        dups = con.execute(f"""
            SELECT document_id, source_file, record_index, first_file FROM (
                SELECT document_id, source_file, record_index,
                       first_value(source_file) OVER w AS first_file, row_number() OVER w AS rn
                FROM raw.documents WHERE status <> 'duplicate'
                {"AND document_id IN (SELECT document_id FROM _ids)" if ids is not None else ""}
                WINDOW w AS (PARTITION BY document_id ORDER BY source_file, record_index)
            ) WHERE rn > 1""").fetchall()
    finally:
        if ids is not None:
            con.unregister("_ids")
    for doc_id, rel, idx, first in dups:
        for t in FILE_SCOPED:
            if t != "documents":
                con.execute(f"DELETE FROM raw.{t} WHERE source_file = ? AND document_id = ?", [rel, doc_id])
        con.execute("""
            UPDATE raw.documents SET status = 'duplicate', status_reason = ?, ingested_at = ?,
                   document_id = document_id || '~' || substr(md5(source_file || ':' || record_index), 1, 8)
            WHERE source_file = ? AND record_index = ? AND document_id = ?""",
                    [f"same content as {first}", now, rel, idx, doc_id])
