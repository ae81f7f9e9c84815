"""Date figures on real sentences: what is a date, what is not, and how it resolves.

Phrase-level cases per language live in extract/examples/dates_<lang>.jsonl
(tests/test_date_examples.py); this file checks whole texts, the not-a-date
rules, offsets, the boilerplate boundary, publication-date resolution and the
grammar seeds themselves.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from extract.dates import find_dates
from extract.sentences import split_sentences

GRAMMAR = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "grammar"
LANGS = ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk")


def dates(text: str, lang: str, published: date | None = None, end: int | None = None):
    end = len(text) if end is None else end
    return find_dates(text, lang, split_sentences(text, 0, end), end, published=published)


def fields(text: str, lang: str, **kw):
    return [(f.surface_text, f.date_year, f.date_month, f.date_day, f.weekday) for f in dates(text, lang, **kw)]


# ------------------------------------------------------------------ whole texts

def test_russian_article():
    text = ("КТК приостановил отгрузку нефти\n\n"
            "АСТАНА, 12 марта — Каспийский трубопроводный консорциум (КТК) в понедельник приостановил "
            "погрузку танкеров. Загрузка остановлена в 21:31 по времени Астаны. Ежесуточно отгружается "
            "около 200 тыс. тонн нефти. Самолет МЧС Ил-76 вылетел в Новороссийск.\n\n"
            "Шторм продлится не менее 3 суток, предупреждение действует до пятницы.\n\n"
            "Ранее, 19 марта 2024 года, погрузка останавливалась на 30 суток из-за ремонта ВПУ-2.")
    assert fields(text, "ru") == [
        ("12 марта", None, 3, 12, None),
        ("в понедельник", None, None, None, "monday"),
        ("до пятницы", None, None, None, "friday"),
        ("19 марта 2024 года", 2024, 3, 19, None),
    ]


def test_english_article():
    text = ("ASTANA, Nov 6 – The United States will provide up to $1.1 billion, officials said on Thursday. "
            "The C5+1 project is expected to produce about 12,000 tonnes a year once it reaches full capacity "
            "in 2029. China tightened export controls in February. In the first nine months of the year it "
            "exported 1,850 tonnes, up 35 percent. Shipments could move as early as 2027. Talks began on March 19.")
    assert fields(text, "en") == [
        ("Nov 6", None, 11, 6, None),
        ("on Thursday", None, None, None, "thursday"),
        ("in 2029", 2029, None, None, None),
        ("in February", None, 2, None, None),
        ("as early as 2027", 2027, None, None, None),
        ("on March 19", None, 3, 19, None),
    ]


def test_offsets_sentences_and_order():
    text = "Headline in 2024\n\nLONDON, Sept 9 – Prices rose. Output fell in August. Talks resume on Monday."
    figs = dates(text, "en")
    sentences = split_sentences(text)
    assert [f.start_char for f in figs] == sorted(f.start_char for f in figs)
    for f in figs:
        assert text[f.start_char:f.end_char] == f.surface_text
        s = sentences[f.sentence_index]
        assert s.start_char <= f.start_char < s.end_char
        assert f.kind == "date" and f.value is None and f.unit is None and f.qualifier is None and f.change is None
    assert [f.sentence_index for f in figs] == [0, 1, 2, 3]


def test_nothing_after_the_boilerplate_boundary():
    text = "Exports rose in March.\nRead also:\nPrices fell on Monday, 3 June 2024."
    end = text.index("Read also")
    assert fields(text, "en", end=end) == [("in March", None, 3, None, None)]


# ------------------------------------------------------------------ not dates

@pytest.mark.parametrize("lang,text", [
    ("ru", "Загрузка танкеров остановлена в 21:31 по времени Астаны."),
    ("en", "The statement was released at 11:05 GMT."),
    ("bg", "Срещата започна в 10:30 ч. в министерството."),
    ("en", "For details call +7 (7172) 2024-55 or +7 701 555 20 20."),
    ("ru", "Согласно приказу № 412 от министерства."),
    ("fr", "La capacité atteint 2 700 tonnes par jour."),
    ("en", "The mine shipped 2024 tonnes of ore."),
    ("ru", "Компания закупила 1990 вагонов и 2000 тонн угля."),
    ("en", "Westinghouse offers the AP1000 reactor and Airbus the A320neo."),
    ("pl", "W ubiegłym roku, rok wcześniej, eksport spadł."),
    ("fr", "Cette semaine, les prix ont baissé."),
    ("en", "Last week and a decade ago prices were lower."),
    ("bg", "Под седмица цените се повишиха."),
    ("en", "Output grew in the first half of the year."),
    ("bg", "През първото полугодие износът нарасна."),
    ("ru", "Погрузка останавливалась на 30 суток."),
    ("ru", "Экспорт составил 3,5 млн тонн нефти."),
    ("en", "The deal runs for 3 years."),
    ("ru", "Выбросы в окружающую среду и мнение в среде экспертов."),
    ("en", "Prices may rise, the ministry said."),
    ("pl", "Maja Kowalska, rzeczniczka ministerstwa, potwierdziła."),
    ("en", "The Kazakhstan 2050 strategy and Vision 2030 were cited."),
    ("en", "It was the 15th century."),
    ("ru", "Ил-76 и Евро 5, а также ВПУ-2."),
])
def test_not_a_date(lang, text):
    assert fields(text, lang) == []


# ------------------------------------------------------------------ resolution

@pytest.mark.parametrize("lang,text,published,want", [
    ("ru", "Соглашение подписано 19 марта 2024 года.", None, "2024-03-19"),
    ("ru", "АСТАНА, 12 марта — КТК", date(2025, 3, 13), "2025-03-12"),
    ("ru", "Отгрузка 28 декабря", date(2025, 1, 5), "2024-12-28"),   # last year's December
    ("en", "Shipments start on Jan 3.", date(2024, 12, 20), "2025-01-03"),
    ("fr", "Accord signé mercredi.", date(2024, 11, 8), "2024-11-06"),  # the publication week
    ("en", "Talks resume on Monday.", date(2024, 11, 10), "2024-11-04"),
    ("ru", "понедельник, 18 февраля", date(2019, 6, 1), "2019-02-18"),  # the year where it is a Monday
    ("en", "Exports rose in 2024.", date(2025, 1, 1), None),           # a year alone stays a year
    ("en", "Exports rose in March.", date(2025, 1, 1), None),
    ("ru", "Отгрузка 12 марта", None, None),                        # no publication date
])
def test_date_resolved(lang, text, published, want):
    figs = dates(text, lang, published=published)
    assert len(figs) == 1
    assert figs[0].date_resolved == want


# ------------------------------------------------------------------ grammar seeds

def _rows(name):
    with open(GRAMMAR / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_language_has_all_months_and_weekdays():
    # full names (not abbreviations) for every month and weekday; homographs such as
    # en "may" or ru "среда" need a preposition ("with_prep") but are still there
    months, weekdays = _rows("months"), _rows("weekdays")
    for lang in LANGS:
        assert {int(r["month"]) for r in months if r["lang"] == lang and r["use"] != "with_number"} == set(range(1, 13))
        assert {r["weekday"] for r in weekdays if r["lang"] == lang and r["use"] != "with_number"} == {
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@pytest.mark.parametrize("name,cols", [
    ("months", ["lang", "name", "month", "use"]),
    ("weekdays", ["lang", "name", "weekday", "use"]),
    ("ordinal_words", ["lang", "word", "value", "role"]),
    ("year_words", ["lang", "word", "position"]),
    ("date_prepositions", ["lang", "phrase", "role"]),
])
def test_grammar_seed_shape(name, cols):
    with open(GRAMMAR / f"{name}.csv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        assert next(reader) == cols
        rows = list(reader)
    assert rows and all(len(r) == len(cols) and r[0] in LANGS and all(x.strip() == x and x for x in r) for r in rows)
    assert {r[0] for r in rows} == set(LANGS)


def test_inflected_forms_beyond_cldr():
    names = {(r["lang"], r["name"]) for r in _rows("months")} | {(r["lang"], r["name"]) for r in _rows("weekdays")}
    for pair in [("pl", "listopadzie"), ("ru", "июле"), ("ru", "пятницу"), ("pl", "środę"),
                 ("uk", "понеділок"), ("uk", "липні"), ("de", "Jänner"), ("bg", "сряда")]:
        assert pair in names


def test_a_spelled_fraction_before_a_month_is_no_day():
    """"fell by about a third in January": "a third" is a fraction (extract() reads it as a percentage),
    the month alone is the date; "on the third of January" stays a day."""
    text = "Payments fell by about a third in January. The talks open on the third of January."
    got = [(f.surface_text, f.date_day, f.date_month) for f in dates(text, "en")]
    assert ("in January", None, 1) in got and not any("third in" in s for s, _, _ in got)
    assert any(d == 3 and m == 1 for _, d, m in got)
    from extract import extract
    assert ("percentage", "about a third") in {(f.kind, f.surface_text) for f in extract(text, "en").figures}
