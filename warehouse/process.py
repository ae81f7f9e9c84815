"""One source file → rows for every raw table: read, parse, clean, detect language, extract.

Runs in worker processes for large batches (the language pipelines load once
per worker), in this process for small ones. Never raises for bad input: each
failure becomes a document row with a status and a reason.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from extract.cleaning import clean_text
from extract.ingest import SourceDocument, content_id, file_format, parse_file, too_large
from extract.language import detect_language_verbose, supported_languages
from extract.published import find_published, html_published, year_from_url

from .schema import RAW_TABLES

def _extractor_version() -> str:
    """The schema generation plus a digest of everything extraction reads: this module, the
    extract package and the reference CSVs. Facts come from that code and data, so a file extracted by other
    code or data is extracted again on the next run (warehouse/sync.py)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted([Path(__file__).resolve(), *(root / "extract").rglob("*.py"), *(root / "extract").rglob("*.csv"),
                        *(root / "dbt_project" / "seeds").rglob("*.csv")]):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    # 3: activity coded as events (raw.activity_events); publication dates from datelines and bylines
    return "3-" + h.hexdigest()[:12]


EXTRACTOR_VERSION = _extractor_version()
_IN_PROCESS_BELOW = 40
_WINDOW = 1024  # files in flight at once in the worker pool  # files: below this, starting workers costs more than it saves


@dataclass(slots=True)
class FileResult:
    source_file: str
    content_hash: str
    size_bytes: int
    mtime_ns: int
    rows: dict[str, list[tuple]] = field(default_factory=dict)


def hash_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def process_file(source_dir: str, rel: str, max_bytes: int, batch_id: str = "") -> FileResult:
    path = Path(source_dir) / rel
    st = path.stat()
    if st.st_size > max_bytes:
        # do not read a huge file into memory: its hash is enough to know it later
        digest = hash_file(path)
        docs = [too_large(rel, st.st_size, digest[:16], max_bytes)]
    else:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        try:
            docs = parse_file(rel, data, max_bytes)
        except Exception as e:  # a bug on one odd file must not stop the run
            docs = [SourceDocument(content_id(data), rel, 0, "parse_error", f"{type(e).__name__}: {e}",
                                   file_format=file_format(rel))]
        if file_format(rel) == "html":
            # the page's own metadata only: trafilatura's date falls back to any date in the body text
            stated = html_published(data.decode(docs[0].encoding or "utf-8", errors="replace"))
            for doc in docs:
                doc.published_date = stated
    result = FileResult(rel, digest, st.st_size, st.st_mtime_ns, {t: [] for t in RAW_TABLES})
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for doc in docs:
        _process_document(doc, result.rows, batch_id, now)
    statuses = sorted({r[3] for r in result.rows["documents"]})
    status = "ok" if statuses == ["ok"] else ",".join(statuses)
    reasons = sorted({r[4] for r in result.rows["documents"] if r[4]})
    result.rows["source_files"].append((
        rel, digest, st.st_size, st.st_mtime_ns, file_format(rel), len(docs), status,
        "; ".join(reasons)[:1000] or None, now, batch_id,
    ))
    return result


def _process_document(doc: SourceDocument, rows: dict[str, list[tuple]], batch_id: str, now: datetime) -> None:
    lang = confidence = None
    title, body, headline, removed = doc.title, "", None, None
    status, reason = doc.status, doc.status_reason
    published, published_source, published_text = _metadata_date(doc)
    if status == "ok":
        cleaned = clean_text(doc.text, title=doc.title)
        body, title, headline, removed = cleaned.body_text, cleaned.title, cleaned.headline_detected, cleaned.boilerplate_removed
        if not body.strip():
            status, reason = "empty", "no article text is left after removing decoration and boilerplate"
        else:
            lang, confidence, guess = detect_language_verbose(body)
            hint = (doc.language_hint or "").lower()[:2]
            if hint in supported_languages() and (lang is None or (confidence or 0) < 0.5):
                lang, confidence = hint, max(confidence or 0.0, 0.5)  # trust the feed's own label when unsure
            if lang is None:
                status = "unsupported_language"
                known = ", ".join(supported_languages())
                reason = (f"the text looks like {guess!r}, which is not a configured language ({known})"
                          if guess else f"no configured language ({known}) fits the text")
        if published is None:
            stated = find_published(body, lang, year_from_url(doc.url))
            if stated is not None:
                published_text = stated.text
                if stated.date is not None:
                    published, published_source = stated.date, stated.source
    rows["documents"].append((
        doc.document_id, doc.source_file, doc.record_index, status, reason, lang, confidence, title,
        published, body if status in ("ok", "unsupported_language") else "", len(body),
        doc.file_format, doc.encoding, doc.url, headline, removed, EXTRACTOR_VERSION, batch_id, now,
        published_source, published_text,
    ))
    if status != "ok":
        return
    from extract import extract  # the readers load in the process that extracts (extract/__init__.py)

    try:
        res = extract(body, lang=lang, published=published)
    except Exception as e:  # keep the document, say why it has no facts
        row = list(rows["documents"][-1])
        row[3], row[4] = "extraction_error", f"{type(e).__name__}: {e}"
        rows["documents"][-1] = tuple(row)
        return
    d, f = doc.document_id, doc.source_file
    rows["sentences"].extend((d, f, s.index, s.start_char, s.end_char) for s in res.sentences)
    rows["mentions"].extend(
        (f"{d}:{m.entity_type[0]}{m.start_char}-{m.end_char}", d, f, m.entity_type, m.entity_id, m.mention_kind,
         m.sentence_index, m.start_char, m.end_char, m.surface_text)
        for m in res.mentions
    )
    fig_ids = [f"{d}:f{x.start_char}-{x.end_char}" for x in res.figures]
    rows["figures"].extend(
        (fid, d, f, x.kind, x.value, x.value_max, x.unit, x.qualifier, x.change, x.date_year, x.date_month,
         x.date_day, x.weekday, x.date_resolved, x.sentence_index, x.start_char, x.end_char, x.surface_text)
        for fid, x in zip(fig_ids, res.figures)
    )
    rows["export_volumes"].extend(
        (fig_ids[v.figure_index], d, f, v.commodity_id, v.route_id, v.partner_id, v.volume_tonnes,
         v.volume_tonnes_max, v.qualifier, v.change, v.sentence_index)
        for v in res.export_volumes
    )
    rows["activity_events"].extend(
        (f"{d}:e{e.start_char}-{e.end_char}:{e.partner_id}:{e.activity_type}", d, f, e.partner_id, e.activity_type,
         e.sector, e.planned, e.sentence_index, e.start_char, e.end_char, e.surface_text, e.partner_start_char,
         e.partner_end_char)
        for e in res.events
    )


def _metadata_date(doc: SourceDocument) -> tuple:
    """(date, source, None) from the file's own metadata: a JSON record's published_at, HTML meta tags."""
    if doc.published_date is None:
        return None, None, None
    return doc.published_date, ("html_meta" if doc.file_format == "html" else "json"), None


def _warm_up(langs: list[str] | None = None) -> None:
    """Once per worker: every language's (or these languages') lexicon, lemmas and grammars."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from extract import warm_up

    warm_up(langs)


def _process_star(args: tuple) -> FileResult:
    return process_file(*args)


def process_files(source_dir: Path, rels: Iterable[str], max_bytes: int, workers: int,
                  batch_id: str = "") -> Iterator[FileResult]:
    """Results in input order, streamed: memory holds a bounded window of files, not all of them."""
    rels = list(rels)
    args = [(str(source_dir), rel, max_bytes, batch_id) for rel in rels]
    if workers <= 1 or len(rels) < _IN_PROCESS_BELOW:
        for a in args:
            yield _process_star(a)
        return
    ctx = multiprocessing.get_context("spawn")  # fork is unsafe under Dagster's threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up) as pool:
        # a window at a time: Executor.map submits everything it is given at once
        for i in range(0, len(args), _WINDOW):
            yield from pool.map(_process_star, args[i:i + _WINDOW], chunksize=8)
