"""Bytes of one input file in, source documents out: decoding, HTML and JSON news records.

Pure functions over bytes (the caller reads the file). Nothing here raises on
bad input: a file that cannot be read becomes a SourceDocument with a status
other than "ok" and a human-readable reason, so no input is silently lost.
"""
from __future__ import annotations

import hashlib
import json
import re
import zlib
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

# Byte-order marks, longest first (UTF-32-LE's begins with UTF-16-LE's): the text's encoding, said by the file.
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_GZIP = b"\x1f\x8b"
_CONTROL = bytes(b for b in range(32) if not 9 <= b <= 13)  # C0 controls but tab, newlines, form feed
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_MAX_CONTROL_SHARE = 0.05  # of all bytes (NUL excluded): more is binary data, wherever it sits
_MAX_NUL_SHARE = 0.01      # a few stray NUL bytes in text are dropped; more is binary data
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates: JSON can hold them, UTF-8 cannot


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


def parse_file(source_file: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES,
               _compressed: bool = False) -> list[SourceDocument]:
    """Documents of one file; always at least one (a failed file yields one row with its status).

    A byte-order mark (UTF-8/16/32) says the encoding; a few NUL bytes are dropped wherever they
    sit, more make the file binary wherever they sit; a gzip file under a text name is read
    decompressed (up to max_bytes)."""
    fmt = file_format(source_file)
    doc_id = content_id(data)
    ext = source_file.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower() if "." in source_file.rsplit("/", 1)[-1] else ""

    def failed(status: str, reason: str) -> list[SourceDocument]:
        return [SourceDocument(doc_id, source_file, 0, status, reason, file_format=fmt)]

    if len(data) > max_bytes:
        return [too_large(source_file, len(data), doc_id, max_bytes)]
    if data.startswith(_GZIP) and ext not in _KNOWN_BINARY:
        if _compressed:
            return failed("unsupported_format", "gzip data inside gzip data: not read")
        inner, problem = _gunzip(data, max_bytes)
        if problem:
            return failed(*problem)
        docs = parse_file(source_file, inner, max_bytes, _compressed=True)
        for d in docs:
            d.encoding = f"gzip+{d.encoding}" if d.encoding else "gzip"
        return docs
    bom = next(((mark, codec) for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            text, encoding = data[len(bom[0]):].decode(bom[1]), bom[1]
        except UnicodeDecodeError as e:
            return failed("undecodable", f"the file starts with a {bom[1].upper()} byte-order mark, but byte "
                                         f"{e.start + len(bom[0]):,} is not {bom[1].upper()}")
        text = text.replace("\x00", "")
        if not text.strip():
            return failed("empty", "the file holds only a byte-order mark and white space")
        if _control_share(text.encode("utf-8", "replace")) > _MAX_CONTROL_SHARE:
            return failed("binary", "the file holds binary data (control characters), not text")
    else:
        if not data.replace(b"\x00", b"").strip():
            return failed("empty", "the file is empty" if not data else "the file holds only white space")
        if looks_binary(data):
            return failed("binary", "the file holds binary data (NUL or control bytes), not text")
        if fmt == "unknown" and ext in _KNOWN_BINARY:
            return failed("unsupported_format", f"{source_file!r} is a document format this pipeline does not read")
        text, encoding = decode(data.replace(b"\x00", b""))  # stray NULs: dropped, wherever they sit
        if text is None:
            return failed("undecodable", "the bytes are not UTF-8 and no legacy encoding fits them")
    if fmt == "html":
        return [_from_html(doc_id, source_file, text, encoding)]
    if fmt in ("json", "jsonl"):
        return _from_json(doc_id, source_file, text, encoding, fmt)
    return [SourceDocument(doc_id, source_file, 0, "ok", None, text=text, encoding=encoding,
                           file_format="txt" if fmt == "unknown" else fmt)]


def _control_share(data: bytes) -> float:
    """Share of C0 control bytes (NUL, tab and newlines excluded) in all of data."""
    return len(data.translate(None, _NOT_CONTROL).replace(b"\x00", b"")) / max(1, len(data))


def looks_binary(data: bytes) -> bool:
    """Binary data, judged on the whole file (the same answer wherever the odd bytes sit):
    more than a few NUL bytes, or more than a few other control bytes."""
    if data.count(b"\x00") > _MAX_NUL_SHARE * len(data):
        return True
    return _control_share(data) > _MAX_CONTROL_SHARE


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes, tuple[str, str] | None]:
    """The decompressed bytes, or a (status, reason); never more than max_bytes (a gzip bomb stops there)."""
    d = zlib.decompressobj(wbits=31)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as e:
        return b"", ("binary", f"gzip-compressed data under a text name that does not decompress ({e})")
    if len(out) > max_bytes:
        return b"", ("too_large", f"gzip-compressed: decompressed it is over {max_bytes:,} bytes (MAX_FILE_BYTES)")
    if not d.eof:
        return b"", ("binary", "gzip-compressed data under a text name, truncated")
    return out, None


def _capitalised_words(text: str) -> int:
    """Words that start with a capital and go on in small letters ("Казахстан", "Astana")."""
    return sum(1 for w in text.split() if len(w) > 1 and w[0].isupper() and w[1:].rstrip(".,;:!?%)»\"'").islower())


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, encoding): UTF-8 (with or without BOM) first, else the best legacy encoding."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark):].decode(codec), codec
            except UnicodeDecodeError:
                return None, None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None, None
    # (a short Cyrillic text reads as well in mac_cyrillic as in cp1251 by its small letters: the
    # code page that also gives capitals at the start of words is the right one, "Казахстан" not
    # "\xa0азахстан"; charset_normalizer's own order settles a tie)
    best = max(matches, key=lambda m: _capitalised_words(str(m)))
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
            except RecursionError:
                records.append(_BadRecord(f"line {n + 1} is JSON nested too deeply to read"))
    else:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            return [SourceDocument(doc_id, source_file, 0, "parse_error", f"not JSON: {e.msg} at line {e.lineno}", file_format=fmt)]
        except RecursionError:
            return [SourceDocument(doc_id, source_file, 0, "parse_error", "JSON nested too deeply to read", file_format=fmt)]
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
        if not isinstance(rec, dict):
            out.append(SourceDocument(rec_id, source_file, i, "empty", f"the record is a JSON {_json_type(rec)}, "
                                      "not an object with a `text` field", file_format=fmt))
            continue
        body = rec.get("text") or rec.get("content") or rec.get("body")
        if body is not None and not isinstance(body, str):
            out.append(SourceDocument(rec_id, source_file, i, "empty", f"the record's text is a JSON "
                                      f"{_json_type(body)}, not a string", file_format=fmt))
            continue
        body = _text(body)
        if not body.strip():
            out.append(SourceDocument(rec_id, source_file, i, "empty", "the record has no `text` field", file_format=fmt))
            continue
        rec_id = content_id(json.dumps(rec, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")) \
            if len(records) > 1 else doc_id
        title = _text(rec.get("title")) or None
        full = f"{title.strip()}\n\n{body}" if title and not body.lstrip().startswith(title.strip()) else body
        out.append(SourceDocument(
            rec_id, source_file, i, "ok", None, text=full, title=title,
            published_date=parse_date(rec.get("published_at") or rec.get("publishedAt") or rec.get("date")),
            url=_text(rec.get("url")) or None,
            language_hint=_text(rec.get("language") or rec.get("lang")) or None,
            encoding=encoding, file_format=fmt,
        ))
    return out


def _json_type(value) -> str:
    return {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}.get(type(value), "null")


def _text(value) -> str:
    """A JSON string field as text: other types are absent; NULs dropped, lone surrogates replaced."""
    if not isinstance(value, str):
        return ""
    return _SURROGATE.sub("\ufffd", value.replace("\x00", ""))


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
