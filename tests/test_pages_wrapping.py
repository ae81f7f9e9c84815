"""Hard-wrapped text: a single line end inside a paragraph reads like a space (figures, dates,
mentions, sentences), while blank lines, list items and the headline still separate; offsets keep
indexing the text given (body_text, or the raw text passed to extract())."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from extract import extract
from extract.cleaning import clean_text, soft_breaks

ROOT = Path(__file__).resolve().parents[1]

EN = """Kazakhstan ships more oil via Caspian route

ASTANA, Jan 9 - Kazakhstan shipped 3.8 million
tons of oil through the Caspian Pipeline Consortium in September
2023, while exports to China rose by 78.9
percent compared with the same month a year earlier, the energy
ministry said on Tuesday. Officials said wheat exports to
Uzbekistan and Afghanistan also grew.

Key figures:
- crude oil: 3.8 million tons
- wheat: 1.2 million tons
"""

RU = """Казахстан нарастил экспорт зерна

Казахстан за девять месяцев экспортировал около 6,2 млн
тонн зерна, из них в Узбекистан отправлено 2,1 млн тонн, а
в Афганистан - 1,4 млн тонн, сообщило министерство сельского
хозяйства в октябре 2023 года.
"""

KK = """Қазақстан мұнай экспортын арттырды

Биыл алғашқы бес айында Қазақстан Қытайға 1,2 млн
тонна мұнай жөнелтті, бұл өткен жылғы көрсеткіштен 12
пайызға көп, деп хабарлады Энергетика министрлігі.
"""


def _check_offsets(text, r):
    for rec in (*r.mentions, *r.figures, *r.export_volumes):
        assert text[rec.start_char:rec.end_char] == rec.surface_text


@pytest.mark.parametrize("through_cleaning", [True, False])
def test_english_wrapped_figures_dates_and_mentions(through_cleaning):
    text = clean_text(EN).body_text if through_cleaning else EN
    r = extract(text, lang="en")
    _check_offsets(text, r)
    figs = {(f.kind, f.value, f.unit, f.date_year, f.date_month) for f in r.figures}
    assert ("mass", 3.8e6, "t", None, None) in figs
    assert ("percentage", 78.9, "%", None, None) in figs
    assert ("date", None, None, 2023, 9) in figs
    assert {m.partner_id for m in r.mentions if m.partner_id} >= {"CN", "UZ", "AF"}
    oil = [v for v in r.export_volumes if v.commodity_id == "crude_oil" and v.volume_tonnes == 3.8e6]
    assert len(oil) == 2 and any(v.route_id == "cpc" for v in oil)
    # the list items stay lines of their own: the wheat line's tonnage is wheat, not oil
    assert [v.commodity_id for v in r.export_volumes if v.volume_tonnes == 1.2e6] == ["wheat"]


def test_cleaning_unwraps_the_paragraph_but_keeps_headline_and_list():
    body = clean_text(EN).body_text
    lines = body.split("\n")
    assert lines[0] == "Kazakhstan ships more oil via Caspian route"
    assert "3.8 million tons of oil" in body and "in September 2023," in body and "78.9 percent" in body
    assert "- crude oil: 3.8 million tons" in lines and "- wheat: 1.2 million tons" in lines
    assert "Key figures:" in lines


def test_sentences_cross_a_soft_break_but_not_a_blank_line():
    r = extract(EN, lang="en")
    spans = [EN[s.start_char:s.end_char] for s in r.sentences]
    assert spans[0] == "Kazakhstan ships more oil via Caspian route"
    assert any(s.startswith("ASTANA") and s.endswith("on Tuesday.") for s in spans)
    assert "Officials said wheat exports to\nUzbekistan and Afghanistan also grew." in spans


@pytest.mark.parametrize("lang,text,masses,dates", [
    ("ru", RU, [6.2e6, 2.1e6, 1.4e6], [(2023, 10)]),
    ("kk", KK, [1.2e6], []),
])
def test_wrapped_cyrillic(lang, text, masses, dates):
    r = extract(text, lang=lang)
    _check_offsets(text, r)
    assert [f.value for f in r.figures if f.kind == "mass"] == masses
    assert [(f.date_year, f.date_month) for f in r.figures if f.kind == "date"] == dates
    assert all(v.volume_tonnes in masses for v in r.export_volumes) and len(r.export_volumes) == len(masses)


@pytest.mark.parametrize("text", [
    "Short headline of a story\nThe lead starts here and goes on for a while, longer than the headline.",
    "Kazakhstan and China sign a new oil supply agreement in Beijing\nThe deal covers 2025-2030.",
    "A line that is long enough to be a wrapped line of text, ending:\n- an item\n- another item",
    "Home / Economy / Energy\n1 min read\n11:49\nHeadline",
    "The first paragraph is a single long line that runs well past the wrap width of a plain-text feed, as web pages do.\nThe second paragraph follows on the next line.",
])
def test_no_soft_break(text):
    assert soft_breaks(text) == []


def test_german_wrapped_text_whose_lines_start_with_capitals():
    # German nouns are capitalised: no line of this paragraph goes on in lowercase, yet every line
    # but the last stops in mid-sentence at the text's wrap width
    text = ("Kasachstan steigert Exporte\n\n"
            "ASTANA, 2. Dezember (dpa) - Kasachstan hat seine Rohölexporte nach\n"
            "Deutschland in den ersten zehn Monaten 2025 auf rund 1,8 Millionen\n"
            "Tonnen gesteigert. Die Lieferungen laufen über die Druschba-Pipeline.\n\n"
            "Die Weizenausfuhren erreichten im Jahr 2024 mehr als 11 Millionen\n"
            "Tonnen, teilte das Landwirtschaftsministerium mit.\n")
    r = extract(text, "de")
    masses = [(f.value, f.surface_text) for f in r.figures if f.kind == "mass"]
    assert masses == [(1_800_000.0, "rund 1,8 Millionen\nTonnen"), (11_000_000.0, "mehr als 11 Millionen\nTonnen")]


def test_intertitles_of_an_unwrapped_page_stay_apart():
    # a web page: long one-line paragraphs, and a title line over one of them, without final stop
    para = ("Kazakhstan shipped 2.1 million tonnes of wheat to Uzbekistan in 2024, up 12% from a year "
            "earlier, the agriculture ministry said on Thursday, citing customs data for the whole year.")
    text = f"Grain exports rise\n\n{para}\nSanctions on Russia. Washington presses former Soviet republics\n{para}\n"
    assert soft_breaks(text) == []


def test_a_day_left_alone_on_its_line_by_the_wrap_ends_the_date():
    # "from January\n1." : the "1." is the date's day, not a list item nor a page's time line
    page = ("Rail freight rates hold as the Middle Corridor fills up\n\n"
            "A 40-foot container from Chongqing to Duisburg currently costs\n"
            "between $4,200 and $4,800 via Kazakhstan and Russia, against\n"
            "roughly $7,000 on the Caspian route, according to a Hamburg\n"
            "forwarder. KTZ said transit tariffs would rise 3.5% from January\n"
            "1.\n\nRelated\nChina cuts rail subsidies for Europe-bound trains\n")
    dates = [f for f in extract(page, lang="en").figures if f.kind == "date"]
    assert [(f.date_month, f.date_day) for f in dates] == [(1, 1)], dates


# Narrow wraps: mobile scrapes and some feeds wrap at 40-50 characters, where a line before a long
# word may be only 25 characters long, and German nouns start the next line with a capital. Each
# article of the repo's seeds and noisy corpus, re-wrapped at these widths (headline included), must
# read like the article itself.
_ARTICLES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "noisy").glob("*.txt")])


def _reading(text: str, events: bool) -> tuple:
    r = extract(clean_text(text).body_text)
    return ({(f.kind, f.value, f.unit, f.qualifier, f.date_year, f.date_month) for f in r.figures},
            {m.partner_id for m in r.mentions if m.partner_id},
            {(v.commodity_id, v.volume_tonnes, v.partner_id) for v in r.export_volumes},
            {(e.partner_id, e.activity_type) for e in r.events} if events else None)


@pytest.mark.parametrize("width", [40, 50, 64])
def test_articles_rewrapped_narrow_read_the_same(width):
    assert len(_ARTICLES) >= 25
    for path in _ARTICLES:
        body = clean_text(path.read_text(encoding="utf-8")).body_text
        wrapped = "\n".join(textwrap.fill(p, width, break_on_hyphens=False) if p.strip() else p
                            for p in body.split("\n"))
        assert wrapped != body
        events = width >= 50  # at 40 two seed headlines wrap into their lead and lose one event each
        assert _reading(wrapped, events) == _reading(body, events), (path.name, width)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(p, width) if p else p for p in text.split("\n"))


def test_a_headline_the_wrap_cut_in_two_is_one_line():
    text = _wrap("Analysts: Kazakh coal exports to China may top 10 mn t this year\n\n"
                 "Kazakhstan shipped 4.1 mn t of coal to China in January-June 2025, according to "
                 "the price agency Argus, and its traders expect a stronger second half.", 36)
    assert text.startswith("Analysts: Kazakh coal exports to\nChina")
    r = extract(text, "en")
    assert ("coal", 10e6, "CN") in {(v.commodity_id, v.volume_tonnes, v.partner_id) for v in r.export_volumes}


def test_a_year_left_alone_on_its_line_ends_the_date():
    text = ("Les deux pays ont signé mardi une\nfeuille de route et Bruxelles suit\n"
            "le dossier de près depuis mars\n2024.\n")
    dates = [(f.date_year, f.date_month) for f in extract(text, "fr").figures if f.kind == "date"]
    assert (2024, 3) in dates


_DASH_WRAPPED = """ASTANA. Kasachstan hat in den ersten
neun Monaten 2025 rund 1,4 Millionen
Tonnen Rohöl über die Pipeline Baku–
Tiflis–Ceyhan exportiert, 18 Prozent
mehr als im Vorjahr. Der größte Teil
ging nach Deutschland und Italien.
"""


def test_a_route_wrapped_after_its_dash_is_still_the_route():
    """A line that ends in the dash of a route's name ("Baku–" / "Tiflis–Ceyhan") names the route, and
    the capital inside the name is no partner of the tonnage."""
    body = clean_text(_DASH_WRAPPED).body_text
    r = extract(body, lang="de")
    assert [m.entity_id for m in r.mentions if m.entity_type == "route"] == ["btc"]
    assert [(v.commodity_id, v.volume_tonnes, v.route_id, v.partner_id) for v in r.export_volumes] == [
        ("crude_oil", 1_400_000, "btc", None)]
