"""Publication dates from datelines and bylines (extract.published) and their source in the raw rows."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from extract.published import find_published, html_published, year_from_url
from warehouse.process import process_file
from warehouse.schema import columns

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repo (or beside the worktrees' folder when run from a git worktree)
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")

DATED = [
    # (body, lang, year_hint, date, source)
    ("Kazakhstan and the US sign a deal\n\nASTANA, Kazakhstan, November 24, 2025. The ministry said", "en", None,
     date(2025, 11, 24), "dateline"),
    ("Kazakhstan and the US sign a deal\n\nASTANA, Kazakhstan, November 24. The ministry said", "en", 2025,
     date(2025, 11, 24), "dateline"),
    ("КТК приостановил отгрузку\n\nАСТАНА, 12 марта 2025 г. — Каспийский трубопроводный консорциум", "ru", None,
     date(2025, 3, 12), "dateline"),
    ("Kazachstan zwiększy tranzyt\n\nAstana, 3 grudnia 2025 r. – Kazachstan zwiększy w tym roku", "pl", None,
     date(2025, 12, 3), "dateline"),
    ("Kazachstan zwiększy tranzyt\n\nAstana, 3 grudnia 2025\nKazachstan zwiększy w tym roku", "pl", None,
     date(2025, 12, 3), "dateline"),
    ("Uranium : accord prolongé\n\nPARIS, 24 novembre 2025 (AFP) - Le groupe nucléaire", "fr", None,
     date(2025, 11, 24), "dateline"),
    ("Танкер акостира в Бургас\n\nБУРГАС, 4 юли 2025 г. – Танкер с близо 100 000 тона", "bg", None,
     date(2025, 7, 4), "dateline"),
    ("Berlin und Astana\n\nBERLIN, 8. Januar 2025 – Die Bundesregierung will", "de", None,
     date(2025, 1, 8), "dateline"),
    ("Україна і Казахстан\n\nКИЇВ, 12 березня 2025 р. — Україна та Казахстан", "uk", None,
     date(2025, 3, 12), "dateline"),
    ("Қазақстан мен Қытай\n\nАСТАНА, 2025 жылғы 12 наурыз — Қазақстан мен Қытай", "kk", None,
     date(2025, 3, 12), "dateline"),
    ("Kazakh wheat\nBy Jane Doe and Olzhas Auyezov | January 8, 2025 10:32 AM\nKazakhstan exported", "en", None,
     date(2025, 1, 8), "byline"),
    ("Titre\nPar Marie Dupont, publié le 3 décembre 2025 à 10h15\nLe Kazakhstan", "fr", None,
     date(2025, 12, 3), "byline"),
    ("Заголовок\nОпубликовано: 12 марта 2025, 10:15\nКазахстан", "ru", None, date(2025, 3, 12), "byline"),
    ("Заголовок\n12.03.2025 10:15\nКазахстан экспортировал", "ru", None, date(2025, 3, 12), "byline"),
    # a weekday before the date; an English dateline in an article detected as Russian (other languages' months)
    ("Headline\n\nWASHINGTON, Monday, November 24, 2025 – The State Department", "en", None,
     date(2025, 11, 24), "dateline"),
    ("Заголовок\n\nLONDON, Sept 9, 2025 – Казахстан", "ru", None, date(2025, 9, 9), "dateline"),
    # wire-service shapes: agency after the date, a dot after the place
    ("Headline\n\nASTANA, Nov 6, 2025 (Reuters) - The United States will", "en", None, date(2025, 11, 6), "dateline"),
    ("Заголовок\n\nНУР-СУЛТАН. 12 марта 2025. ИНТЕРФАКС-КАЗАХСТАН - Казахстан", "ru", None,
     date(2025, 3, 12), "dateline"),
    ("Заглавие\n\nАстана, 24 ноември 2025 (БТА) – Казахстан", "bg", None, date(2025, 11, 24), "dateline"),
    ("Kazachstan\nDodano: 03.12.2025 10:15\nKazachstan zwiększy", "pl", None, date(2025, 12, 3), "byline"),
    ("Казахстан\nДодано: 03.12.2025 10:15\nКазахстан", "uk", None, date(2025, 12, 3), "byline"),
    ("Kazakhstan\nMonday, 24 November 2025\nKazakhstan signed", "en", None, date(2025, 11, 24), "byline"),
    ("Kasachstan\nVon Anna Schmidt, 8. Januar 2025\nKasachstan will", "de", None, date(2025, 1, 8), "byline"),
    ("Kazakh oil\nBy Nariman Gizitdinov | January 8, 2025 at 5:00 AM GMT+5\nKazakhstan", "en", None,
     date(2025, 1, 8), "byline"),
]


@pytest.mark.parametrize("body,lang,hint,expected,source", DATED)
def test_stated_dates(body, lang, hint, expected, source):
    found = find_published(body, lang, hint)
    assert found is not None and (found.date, found.source) == (expected, source)


NOT_DATED = [
    # a dateline without a year and no year from metadata: the words are kept, no date is invented
    ("Headline\n\nLONDON, Sept 9 – Kazakhstan pumped 2.2 million barrels", "en"),
    ("Headline\n\nASTANA, Nov 6 – The United States will provide", "en"),
    ("КТК\n\nАСТАНА, 12 марта — Каспийский трубопроводный консорциум", "ru"),
]


@pytest.mark.parametrize("body,lang", NOT_DATED)
def test_yearless_dateline_gives_no_date(body, lang):
    found = find_published(body, lang)
    assert found is not None and found.date is None and found.source == "dateline"
    assert found.text.split(",")[0].isupper()


NO_DATELINE = [
    ("Visitez le Kazakhstan\n\nJAKARTA - Le président russe Vladimir Poutine discutera", "fr"),
    ("Uranium\n\nPARIS (AFP) – Le groupe nucléaire français Orano", "fr"),
    ("T\n\nВ июле 2025 года Токаев заявил о необходимости", "ru"),
    ("T\n\nKazakhstan, 12 countries and the EU signed a road map", "en"),
    ("T\n\nAstana, 12 March 2025 was the day when the talks began", "en"),   # no dash after the date
    ("T\n\nASTANA, April 31, 2025 – the ministry", "en"),                      # no such day
    ("T\n\nThe talks on 3 December 2025 in Astana ended – officials said", "en"),
    ("T\n\nFirst\nSecond\nThird\nFourth\nASTANA, 3 December 2025 – too far down", "en"),
    ("", "en"),
    # a lead that opens with "By"/"Par" and a date is a sentence, not a byline; an update stamp is not publication
    ("T\nBy 31 December 2025, Kazakhstan plans to export 5 Mt of grain", "en"),
    ("T\n\nBy the end of 12 March 2025 – exports rose", "en"),
    ("T\nPar ailleurs, le 3 décembre 2025, le Kazakhstan a signé", "fr"),
    ("T\nUpdated: 3 December 2025\nBody", "en"),
    ("T\n24 November 2025 saw Kazakhstan sign the deal", "en"),
]


@pytest.mark.parametrize("body,lang", NO_DATELINE)
def test_no_dateline(body, lang):
    found = find_published(body, lang, 2025)
    assert found is None or found.date is None


def test_year_from_url():
    assert year_from_url("https://kapital.kz/economic/2025/03/12/oil.html") == 2025
    assert year_from_url("https://example.com/news/oil-2025?id=2019/") is None
    assert year_from_url(None) is None


# What a reader sees at the top of each seed and dev article (checked by eye): no year stated anywhere,
# so no publication date; the dateline words are kept for the four that have one.
STATED_WORDS = {
    "bg_02_burgas-neft.txt": "БУРГАС, 4 юли",
    "en_01_tungsten-us.txt": "ASTANA, Nov 6",
    "en_03_opec-output.txt": "LONDON, Sept 9",
    "ru_01_ktk-shtorm.txt": "АСТАНА, 12 марта",
}


def _corpus_files() -> list[Path]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    return files + sorted((SHARED / "corpus" / "dev").glob("*.txt"))


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="the shared dev corpus is not here")
def test_seed_and_dev_documents():
    files = _corpus_files()
    assert len(files) >= 15
    for path in files:
        doc = _document_row(path.parent, path.name)
        assert doc["published_date"] is None, path.name          # none states a year: none invented
        assert doc["published_date_source"] is None
        assert doc["published_date_text"] == STATED_WORDS.get(path.name), path.name


def _document_row(source_dir: Path, rel: str) -> dict:
    result = process_file(str(source_dir), rel, 5 * 1024 * 1024)
    return dict(zip(columns("documents"), result.rows["documents"][0]))


def test_sources_json_html_meta_and_dateline(tmp_path):
    body = "Kazakhstan raises oil exports\n\nASTANA, 3 December 2025 – Kazakhstan will ship more crude oil to China."
    (tmp_path / "a.json").write_text(json.dumps({"text": body, "published_at": "2025-12-01T08:00:00Z"}))
    (tmp_path / "b.json").write_text(json.dumps({"text": body}))
    (tmp_path / "c.json").write_text(json.dumps({"text": body.replace(" 2025", ""),
                                                 "url": "https://x.kz/news/2025/12/03/oil"}))
    (tmp_path / "d.html").write_text(
        "<html><head><meta property='article:published_time' content='2025-11-30T10:00:00+05:00'>"
        f"<title>Kazakhstan raises oil exports</title></head><body><article><h1>Kazakhstan raises oil exports</h1>"
        f"<p>{body.splitlines()[-1]} The pipeline runs through Xinjiang and carries oil every day of the year.</p>"
        "<p>Officials in Astana said the volumes would grow again next year as new fields come on stream.</p>"
        "</article></body></html>")
    rows = {rel: _document_row(tmp_path, rel) for rel in ("a.json", "b.json", "c.json", "d.html")}
    assert (rows["a.json"]["published_date"], rows["a.json"]["published_date_source"]) == (date(2025, 12, 1), "json")
    assert (rows["b.json"]["published_date"], rows["b.json"]["published_date_source"]) == (date(2025, 12, 3), "dateline")
    # the year comes from the dated URL when the dateline states none
    assert (rows["c.json"]["published_date"], rows["c.json"]["published_date_source"]) == (date(2025, 12, 3), "dateline")
    assert (rows["d.html"]["published_date"], rows["d.html"]["published_date_source"]) == (date(2025, 11, 30), "html_meta")


def test_relative_dates_resolve_against_the_dateline(tmp_path):
    body = "Deal signed\n\nASTANA, Wednesday, 3 December 2025 – Kazakhstan signed the deal on Tuesday in Astana."
    (tmp_path / "a.txt").write_text(body)
    result = process_file(str(tmp_path), "a.txt", 5 * 1024 * 1024)
    figs = [dict(zip(columns("figures"), r)) for r in result.rows["figures"]]
    tuesday = [f for f in figs if f["weekday"] == "tuesday" and f["date_day"] is None]
    assert tuesday and tuesday[0]["date_resolved"] == "2025-12-02"


PAGE = """<html><head><title>Kazakhstan oil</title>{head}</head><body><article><h1>Kazakhstan oil</h1>{top}
<p>{lead} Kazakhstan exported 5 million tonnes of crude oil through the pipeline, officials said on Monday.</p>
<p>The agreement signed on 12 March 2019 runs until 2030. Shipments resumed on 2021-05-04 after repairs.</p>
</article></body></html>"""


@pytest.mark.parametrize("head,top,expected", [
    ("<meta property='article:published_time' content='2025-11-30T10:00:00+05:00'>", "", date(2025, 11, 30)),
    ('<meta name="DC.date.issued" content="2024/06/07">', "", date(2024, 6, 7)),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-09-02T08:00:00Z"}</script>',
     "", date(2025, 9, 2)),
    ("", "<time datetime='2025-10-01T09:00'>1 October 2025</time>", date(2025, 10, 1)),
    # dates in the body are not metadata (htmldate's fallback would take 2021-05-04 here)
    ('<meta name="description" content="2021-01-01 story">', "", None),
    ("", "", None),
])
def test_html_metadata_only(head, top, expected):
    assert html_published(PAGE.format(head=head, top=top, lead="")) == expected


def test_html_without_metadata_falls_back_to_its_dateline(tmp_path):
    (tmp_path / "a.html").write_text(PAGE.format(head="", top="", lead="ASTANA, 3 December 2025 –"), encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE.format(head="", top="", lead=""), encoding="utf-8")
    a, b = _document_row(tmp_path, "a.html"), _document_row(tmp_path, "b.html")
    assert (b["published_date"], b["published_date_source"]) == (None, None)   # no invented 2021-05-04
    assert (a["published_date"], a["published_date_source"]) == (date(2025, 12, 3), "dateline")


def test_an_older_warehouse_gains_the_new_columns(tmp_path):
    import duckdb

    from warehouse.schema import RAW_TABLES, ensure_raw_schema

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE SCHEMA raw")
    old = RAW_TABLES["documents"].split(", published_date_source")[0]
    con.execute(f"CREATE TABLE raw.documents ({old})")
    con.execute("INSERT INTO raw.documents (document_id, status) VALUES ('d1', 'ok')")
    ensure_raw_schema(con)
    cols = [r[0] for r in con.execute("DESCRIBE raw.documents").fetchall()]
    assert cols == columns("documents")
    assert con.execute("SELECT document_id, published_date_source FROM raw.documents").fetchall() == [("d1", None)]
