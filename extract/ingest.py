"""Bytes of one input file in, source documents out: decoding, HTML and JSON news records.

Pure functions over bytes (the caller reads the file). Nothing here raises on
bad input: a file that cannot be read becomes a SourceDocument with a status
other than "ok" and a human-readable reason, so no input is silently lost.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# Containers we recognise by name and do not read; any other unknown name is tried as plain text.
_KNOWN_BINARY = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "gz", "png", "jpg", "jpeg", "gif", "mp4"}

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # news articles are kilobytes; a 5 MB "article" is a mistake


@dataclass(slots=True)
class SourceDocument:
    """One document of one input file, before cleaning and extraction."""
    document_id: str
    source_file: str               # path relative to SOURCE_DIR
    record_index: int              # 0 for single-document files; the record number in JSON(L)
    status: str                    # ok | empty | binary | undecodable | too_large | parse_error | unsupported_format
    status_reason: str | None
    text: str = ""
    title: str | None = None
    published_date: date | None = None
    url: str | None = None
    language_hint: str | None = None
    encoding: str | None = None
    file_format: str = "txt"
    extra: dict = field(default_factory=dict)


def content_id(data: bytes) -> str:
    """Stable document id: derived from the content only, so renaming a file keeps it."""
    return hashlib.sha256(data).hexdigest()[:16]


def file_format(source_file: str) -> str:
    suffix = "." + source_file.rsplit(".", 1)[-1].lower() if "." in source_file else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "txt"
    return "unknown"


def too_large(source_file: str, size: int, digest: str, max_bytes: int) -> SourceDocument:
    return SourceDocument(
        digest, source_file, 0, "too_large",
        f"file is {size:,} bytes; the limit is {max_bytes:,} bytes (MAX_FILE_BYTES)",
        file_format=file_format(source_file),
    )


def parse_file(source_file: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[SourceDocument]:
    """Documents of one file; always at least one (a failed file yields one row with its status)."""
    fmt = file_format(source_file)
    doc_id = content_id(data)

    def failed(status: str, reason: str) -> list[SourceDocument]:
        return [SourceDocument(doc_id, source_file, 0, status, reason, file_format=fmt)]

    if len(data) > max_bytes:
        return [too_large(source_file, len(data), doc_id, max_bytes)]
    if not data.strip():
        return failed("empty", "the file is empty" if not data else "the file holds only white space")
    if looks_binary(data):
        return failed("binary", "the file holds binary data (NUL or control bytes), not text")
    if fmt == "unknown" and source_file.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower() in _KNOWN_BINARY:
        return failed("unsupported_format", f"{source_file!r} is a document format this pipeline does not read")
    text, encoding = decode(data)
    if text is None:
        return failed("undecodable", "the bytes are not UTF-8 and no legacy encoding fits them")
    if fmt == "html":
        return [_from_html(doc_id, source_file, text, encoding)]
    if fmt in ("json", "jsonl"):
        return _from_json(doc_id, source_file, text, encoding, fmt)
    return [SourceDocument(doc_id, source_file, 0, "ok", None, text=text, encoding=encoding,
                           file_format="txt" if fmt == "unknown" else fmt)]


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / max(1, len(head)) > 0.05


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, encoding): UTF-8 (with or without BOM) first, else the best legacy encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None, None
    text = str(best)
    # a "match" that is mostly symbols is noise, not a legacy encoding
    letters = sum(ch.isalpha() or ch.isspace() for ch in text)
    if letters / max(1, len(text)) < 0.75:
        return None, None
    return text, best.encoding


def _from_html(doc_id: str, source_file: str, html: str, encoding: str | None) -> SourceDocument:
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
        meta = trafilatura.extract_metadata(html)
    except Exception as e:  # a broken page is a status, not a crash
        return SourceDocument(doc_id, source_file, 0, "parse_error", f"HTML could not be parsed: {e}", file_format="html")
    title = meta.title if meta and meta.title else None
    if not text.strip():
        return SourceDocument(doc_id, source_file, 0, "empty", "the HTML page has no main text", file_format="html")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return SourceDocument(
        doc_id, source_file, 0, "ok", None, text=text, title=title,
        published_date=parse_date(meta.date if meta else None), url=meta.url if meta else None,
        encoding=encoding, file_format="html",
    )


def _from_json(doc_id: str, source_file: str, text: str, encoding: str | None, fmt: str) -> list[SourceDocument]:
    records: list = []
    if fmt == "jsonl":
        for n, line in enumerate(text.splitlines()):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as e:
                records.append(_BadRecord(f"line {n + 1} is not JSON: {e.msg}"))
    else:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            return [SourceDocument(doc_id, source_file, 0, "parse_error", f"not JSON: {e.msg} at line {e.lineno}", file_format=fmt)]
        if isinstance(obj, dict) and isinstance(obj.get("articles") or obj.get("results") or obj.get("data"), list):
            obj = obj.get("articles") or obj.get("results") or obj.get("data")
        records = obj if isinstance(obj, list) else [obj]
    if not records:
        return [SourceDocument(doc_id, source_file, 0, "empty", "the JSON file holds no records", file_format=fmt)]
    out = []
    for i, rec in enumerate(records):
        rec_id = content_id(f"{doc_id}:{i}".encode()) if len(records) > 1 else doc_id
        if isinstance(rec, _BadRecord):
            out.append(SourceDocument(rec_id, source_file, i, "parse_error", rec.reason, file_format=fmt))
            continue
        body = rec.get("text") or rec.get("content") or rec.get("body") if isinstance(rec, dict) else None
        if not isinstance(body, str) or not body.strip():
            out.append(SourceDocument(rec_id, source_file, i, "empty", "the record has no `text` field", file_format=fmt))
            continue
        rec_id = content_id(json.dumps(rec, sort_keys=True, ensure_ascii=False).encode()) if len(records) > 1 else doc_id
        title = rec.get("title") if isinstance(rec.get("title"), str) else None
        full = f"{title.strip()}\n\n{body}" if title and not body.lstrip().startswith(title.strip()) else body
        out.append(SourceDocument(
            rec_id, source_file, i, "ok", None, text=full, title=title,
            published_date=parse_date(rec.get("published_at") or rec.get("publishedAt") or rec.get("date")),
            url=rec.get("url") if isinstance(rec.get("url"), str) else None,
            language_hint=(rec.get("language") or rec.get("lang") or None) if isinstance(rec.get("language") or rec.get("lang"), str) else None,
            encoding=encoding, file_format=fmt,
        ))
    return out


@dataclass(slots=True)
class _BadRecord:
    reason: str


def parse_date(value) -> date | None:
    """A date from an ISO-like string (2024-03-19, 2024-03-19T10:00:00Z); None when absent or unreadable."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
