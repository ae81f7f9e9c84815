"""Bytes → source documents: encodings, formats and bad input, each with a status and a reason."""
from __future__ import annotations

import json
import os

from extract.ingest import parse_file, parse_date
from tests.conftest import SEEDS

RU_SEED = (SEEDS / "001_9cc73fe6376e6e9d.txt").read_text(encoding="utf-8")
PL_SEED = (SEEDS / "000_afede05ea305446a.txt").read_text(encoding="utf-8")


def test_utf8_text_is_read_as_is():
    [doc] = parse_file("a.txt", PL_SEED.encode("utf-8"))
    assert doc.status == "ok" and doc.encoding == "utf-8"
    assert doc.text == PL_SEED


def test_cp1251_russian_is_detected_and_decoded():
    data = RU_SEED.encode("cp1251", errors="replace")
    [doc] = parse_file("ru.txt", data)
    assert doc.status == "ok"
    assert doc.encoding == "cp1251"
    assert "Казахстан стали союзниками" in doc.text


def test_a_short_cp1251_note_keeps_its_capitals():
    # (a few lines read as well in mac_cyrillic by their small letters, and lose every capital there)
    text = ("Казахстан увеличил экспорт пшеницы в Китай на 15%.\n\n"
            "Астана и Пекин подписали соглашение о поставках 2 млн тонн зерна.\n")
    [doc] = parse_file("ru.txt", text.encode("cp1251"))
    assert doc.status == "ok" and doc.text == text


def test_cp1250_polish_is_decoded():
    [doc] = parse_file("pl.txt", PL_SEED.encode("cp1250", errors="replace"))
    assert doc.status == "ok" and "Kazachstan zamierza rozwijać" in doc.text


def test_document_id_depends_on_content_only():
    a = parse_file("one/a.txt", b"Some article text about Kazakhstan.")[0]
    b = parse_file("two/b.txt", b"Some article text about Kazakhstan.")[0]
    c = parse_file("one/a.txt", b"Another text.")[0]
    assert a.document_id == b.document_id != c.document_id
    assert len(a.document_id) == 16


def test_empty_and_whitespace_files():
    assert parse_file("e.txt", b"")[0].status == "empty"
    doc = parse_file("w.txt", b"  \n\t \n")[0]
    assert doc.status == "empty" and "white space" in doc.status_reason


def test_random_bytes_are_binary_with_a_reason():
    doc = parse_file("noise.txt", os.urandom(20_000))[0]
    assert doc.status == "binary"
    assert doc.status_reason


def test_oversized_file_is_refused_without_parsing():
    doc = parse_file("big.txt", b"a" * 2048, max_bytes=1024)[0]
    assert doc.status == "too_large" and "2,048" in doc.status_reason


def test_unknown_extensions():
    assert parse_file("scan.pdf", b"%PDF-1.4 ...")[0].status == "unsupported_format"
    doc = parse_file("article.dat", "Kazachstan zwiększy eksport ropy.".encode())[0]
    assert doc.status == "ok" and doc.file_format == "txt"  # an unknown name is tried as text


def test_jsonl_records_become_documents_with_metadata():
    lines = [
        {"title": "Kazakhstan ships more oil", "text": "Kazakhstan exported 1.5 million tonnes of oil.",
         "published_at": "2024-03-19T08:00:00Z", "url": "https://example.test/a", "language": "en"},
        {"text": ""},
        "not an object",
    ]
    raw = "\n".join(json.dumps(x) for x in lines) + "\n{broken"
    docs = parse_file("feed.jsonl", raw.encode())
    assert [d.status for d in docs] == ["ok", "empty", "empty", "parse_error"]
    first = docs[0]
    assert first.text.startswith("Kazakhstan ships more oil\n\n")
    assert first.published_date.isoformat() == "2024-03-19"
    assert first.language_hint == "en" and first.url == "https://example.test/a"
    assert len({d.document_id for d in docs}) == 4


def test_json_array_and_bad_json():
    docs = parse_file("a.json", json.dumps([{"text": "Один."}, {"text": "Два."}]).encode())
    assert [d.status for d in docs] == ["ok", "ok"]
    bad = parse_file("b.json", b"{not json")[0]
    assert bad.status == "parse_error" and "not JSON" in bad.status_reason


def test_html_main_text_is_extracted():
    html = """<html><head><title>EU pledges funds for the Middle Corridor</title></head><body>
    <nav>Home | World | Business</nav>
    <article><h1>EU pledges funds for the Middle Corridor</h1>
    <p>The European Union will provide 1.5 billion euros to modernise ports and railways on the
    Trans-Caspian route, officials said in Brussels on Wednesday after a meeting with Central Asian ministers.</p>
    <p>The route links China with Europe through Kazakhstan, Azerbaijan, Georgia and Turkey, and
    cuts the journey time for a container to under 15 days.</p></article>
    <footer>Copyright 2024</footer></body></html>"""
    [doc] = parse_file("page.html", html.encode())
    assert doc.status == "ok"
    assert "1.5 billion euros" in doc.text
    assert "Copyright" not in doc.text
    assert doc.title == "EU pledges funds for the Middle Corridor"


def test_parse_date():
    assert parse_date("2024-03-19").isoformat() == "2024-03-19"
    assert parse_date("2024-03-19T10:00:00+05:00").isoformat() == "2024-03-19"
    assert parse_date("yesterday") is None and parse_date(None) is None
