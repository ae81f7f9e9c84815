"""Hostile and odd inputs get a status row, never a hang or a crash.

One folder holds them all: special files, links out of the folder and in loops, odd names,
byte-order marks, NUL bytes, a gzip file under a text name, odd JSON, a 3 MB one-line article.
"""
from __future__ import annotations

import gzip
import json
import os
import signal
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from warehouse.config import settings
from warehouse.sync import scan, sync_raw

EN = next(p for p in sorted(SEEDS.glob("*.txt")) if "Kazakhstan" in p.read_text(encoding="utf-8"))
TEXT = EN.read_text(encoding="utf-8")


def variant(n: str) -> str:
    """The English seed with a line of its own: the same facts, another document."""
    return f"{TEXT}\nNote {n}: Kazakhstan exported 1.{len(n)} million tonnes of wheat to China.\n"


def odd_folder(src: Path) -> dict[str, str]:
    """Build the folder; return the expected status of every entry that must have a row."""
    src.mkdir(parents=True)
    (src / "sub").mkdir()
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, status: str) -> None:
        (src / name).write_bytes(data)
        expected[name] = status

    for name in ("name with spaces.txt", "it's \"quoted\".txt", "new\nline.txt", "-leading-dash.txt",
                 "--help.txt", "Қазақстан ü.txt", "sub/日本語 名前.txt"):
        put(name, variant(name).encode("utf-8"), "ok")
    put("bom-utf8.txt", b"\xef\xbb\xbf" + variant("u8").encode("utf-8"), "ok")
    for codec, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                       ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")):
        put(f"bom-{codec}.txt", bom + variant(codec).encode(codec), "ok")
    put("crlf.txt", variant("crlf").replace("\n", "\r\n").encode("utf-8"), "ok")
    body = variant("nul").encode("utf-8")
    put("nul-head.txt", b"\x00" + body, "ok")
    put("nul-tail.txt", body + b"\x00", "ok")              # the same text as nul-head, wherever the NUL sits
    put("nul-middle.txt", body[:500] + b"\x00\x00" + body[500:] + b" ", "ok")
    put("nul-many.txt", b"\x00".join(body[i:i + 4] for i in range(0, len(body), 4)), "binary")
    put("packed.txt", gzip.compress(variant("gzip").encode("utf-8")), "ok")
    put("packed-cut.txt", gzip.compress(variant("gzip2").encode("utf-8"))[:60], "binary")
    put("deep.json", b"[" * 100_000 + b"]" * 100_000, "parse_error")
    put("deep-text.json", json.dumps({"text": {"a": [1, {"b": [2, 3]}]}, "title": 5}).encode(), "empty")
    put("numbers.jsonl", b'{"text": 12}\n{"text": null, "title": ["x"]}\n[1,2]\n' +
        json.dumps({"text": variant("jsonl"), "title": {"no": 1}, "published_at": 20240101,
                    "url": ["u"], "language": 7}).encode() + b"\n" + b"[" * 50_000 + b"\n", "mixed")
    put("surrogate.json", json.dumps({"text": variant("sur") + "\ud800 lone"}).encode(), "ok")
    put("one-line-3mb.txt", (TEXT.replace("\n", " ") * (3_000_000 // len(TEXT) + 1))[:3_000_000].encode(), "ok")
    os.mkfifo(src / "pipe.txt")
    expected["pipe.txt"] = "unsupported_format"
    os.symlink("/etc/hostname", src / "hostname.txt")
    expected["hostname.txt"] = "unsupported_format"
    os.symlink("name with spaces.txt", src / "zz-inside-link.txt")
    expected["zz-inside-link.txt"] = "duplicate"             # read: the same content as its target
    os.symlink("loop.txt", src / "loop.txt")
    expected["loop.txt"] = "unsupported_format"
    os.symlink("a-loop.txt", src / "b-loop.txt")
    os.symlink("b-loop.txt", src / "a-loop.txt")
    expected["a-loop.txt"] = expected["b-loop.txt"] = "unsupported_format"
    os.symlink("missing.txt", src / "broken.txt")
    expected["broken.txt"] = "unsupported_format"
    os.symlink(".", src / "sub" / "self")                 # a folder link loop
    expected["sub/self"] = "unsupported_format"
    os.symlink("/etc", src / "etc")
    expected["etc"] = "unsupported_format"
    fd = os.open(os.fsencode(src) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY)
    os.write(fd, variant("latin1 name").encode())
    os.close(fd)
    expected["caf\\xe9.txt"] = "unsupported_format"
    return expected


def statuses(warehouse: Path, table: str = "documents") -> dict[str, set[str]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out: dict[str, set[str]] = {}
        for rel, status in con.execute(f"select source_file, status from raw.{table}").fetchall():
            out.setdefault(rel, set()).add(status)
        return out
    finally:
        con.close()


def check(expected: dict[str, str], got: dict[str, set[str]]) -> None:
    assert set(got) == set(expected), (set(expected) - set(got), set(got) - set(expected))
    for rel, status in expected.items():
        if status == "mixed":
            assert got[rel] == {"ok", "empty", "parse_error"}, got[rel]
        else:
            assert got[rel] == {status}, (rel, got[rel])


@pytest.fixture()
def odd(tmp_path, monkeypatch):
    src = tmp_path / "odd src"
    expected = odd_folder(src)
    monkeypatch.setenv("SOURCE_DIR", str(src))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "w.duckdb"))
    return replace(settings(), workers=1), src, expected


@pytest.fixture(autouse=True)
def no_hang():
    """A test that blocks (a pipe opened for reading) fails after a while instead of hanging."""
    def stop(*_):
        raise TimeoutError("the run hung")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(240)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_every_entry_has_its_status_and_nothing_hangs(odd):
    s, src, expected = odd
    report = sync_raw(s, log=lambda *_: None)
    got = statuses(s.warehouse_path)
    check(expected, got)
    assert set(statuses(s.warehouse_path, "source_files")) == set(expected)
    con = duckdb.connect(str(s.warehouse_path), read_only=True)
    try:
        reasons = dict(con.execute("select source_file, status_reason from raw.documents "
                                   "where status <> 'ok' and record_index = 0").fetchall())
        bodies = dict(con.execute("select source_file, body_text from raw.documents where status = 'ok'").fetchall())
        encodings = dict(con.execute("select source_file, encoding from raw.documents").fetchall())
        hostname_text = open("/etc/hostname").read().strip() if os.path.exists("/etc/hostname") else "\x01"
        assert not any(hostname_text in (b or "") for b in bodies.values())  # the link out was not read
    finally:
        con.close()
    assert "named pipe" in reasons["pipe.txt"] and "outside SOURCE_DIR" in reasons["hostname.txt"]
    assert "loop" in reasons["loop.txt"] and "loop" in reasons["a-loop.txt"] and "missing" in reasons["broken.txt"]
    assert "folder" in reasons["sub/self"] and "UTF-8" in reasons["caf\\xe9.txt"]
    assert "nested too deeply" in reasons["deep.json"] and "object" in reasons["deep-text.json"]
    assert "gzip" in reasons["packed-cut.txt"] and "NUL" in reasons["nul-many.txt"]
    assert encodings["packed.txt"] == "gzip+utf-8" and encodings["bom-utf-32-be.txt"] == "utf-32-be"
    assert all("\x00" not in b and "\r" not in b for b in bodies.values())
    assert bodies["nul-head.txt"] == bodies["nul-tail.txt"] == bodies["nul-middle.txt"].rstrip()
    assert "1.9 million tonnes" in bodies["bom-utf-16-le.txt"]  # variant("utf-16-le"): 9 characters
    assert report.statuses["ok"] >= 15
    # a second run reads nothing again (special entries keep their rows, none is opened)
    again = sync_raw(s, log=lambda *_: None)
    assert (again.files_new, again.files_changed, again.files_removed) == (0, 0, 0)


def test_a_file_that_vanishes_before_it_is_read_gets_a_status(odd, monkeypatch):
    import warehouse.sync as sync

    s, src, _ = odd
    real = sync.scan_folder

    def with_a_ghost(source_dir, **kw):
        listing = real(source_dir, **kw)
        listing.files["ghost.txt"] = (100, 1)  # listed, then deleted before it was read
        return listing

    monkeypatch.setattr(sync, "scan_folder", with_a_ghost)
    sync_raw(s, log=lambda *_: None)
    con = duckdb.connect(str(s.warehouse_path), read_only=True)
    try:
        [(status, reason)] = con.execute("select status, status_reason from raw.documents "
                                         "where source_file = 'ghost.txt'").fetchall()
    finally:
        con.close()
    assert status == "empty" and "disappeared" in reason
    monkeypatch.undo()
    assert sync_raw(s, log=lambda *_: None).files_removed == 1  # gone for good: its row goes


def test_a_folder_that_cannot_be_listed_keeps_its_files(odd, monkeypatch):
    s, src, expected = odd
    sync_raw(s, log=lambda *_: None)
    real_scandir = os.scandir

    def deny_sub(path="."):
        if os.fspath(path).endswith("/sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny_sub)  # root ignores chmod: simulate the unreadable folder
    logs = []
    rep = sync_raw(s, log=logs.append)
    assert rep.files_removed == 0 and any("cannot list" in m for m in logs)
    assert "sub/日本語 名前.txt" in statuses(s.warehouse_path)


def test_the_sensor_listing_names_special_entries_but_never_opens_them(odd):
    _, src, expected = odd
    listed = scan(src)
    assert set(listed) == set(expected)


@pytest.mark.slow
def test_make_run_on_the_odd_folder_is_green(tmp_path):
    from tests.test_safety_paths import build

    signal.alarm(0)  # the subprocess has its own timeout
    src = tmp_path / "odd src"
    expected = odd_folder(src)
    wh = tmp_path / "wh" / "odd-warehouse.duckdb"
    out = build(src, {"WAREHOUSE_PATH": wh}, tmp_path / "dagster")
    assert out.returncode == 0, out.stdout[-4000:]
    con = duckdb.connect(str(wh.with_name("odd-warehouse_bi.duckdb")), read_only=True)
    try:
        got: dict[str, set[str]] = {}
        for rel, status in con.execute("select source_file, status from marts.dim_document").fetchall():
            got.setdefault(rel, set()).add(status)
    finally:
        con.close()
    check(expected, got)


def test_links_out_are_read_only_when_asked(tmp_path):
    from warehouse.scanning import scan_folder

    outside = tmp_path / "elsewhere.txt"
    outside.write_text(variant("outside"), encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    os.symlink(outside, src / "link.txt")
    os.mkfifo(tmp_path / "pipe")
    os.symlink(tmp_path / "pipe", src / "pipe-link.txt")
    default = scan_folder(src)
    assert set(default.special) == {"link.txt", "pipe-link.txt"} and not default.files
    followed = scan_folder(src, follow_links_out=True)
    assert set(followed.files) == {"link.txt"}
    assert "named pipe" in followed.special["pipe-link.txt"][2]  # never opened, followed or not
