"""Ranges and periods as newsrooms write them: a month range is two dates, each with the year
written once for both ("January–June 2023", "2024 жылғы қаңтар-қазан"); a quantity range is one
figure with value and value_max; a marketing year "2024/25" is one date of its first year."""
from __future__ import annotations

import pytest

from extract import extract


def _dates(text, lang):
    return [(f.date_year, f.date_month) for f in extract(text, lang=lang).figures if f.kind == "date"]


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Exports rose in January–June 2023 from a year earlier.", [(2023, 1), (2023, 6)]),
    ("en", "Exports rose from January through September 2023, the ministry said.", [(2023, 1), (2023, 9)]),
    ("en", "Exports rose between January and September 2023, the ministry said.", [(2023, 1), (2023, 9)]),
    ("fr", "Les exportations ont augmenté en janvier-octobre 2024, selon le ministère.", [(2024, 1), (2024, 10)]),
    ("ru", "За январь–октябрь Казахстан экспортировал больше зерна.", [(None, 1), (None, 10)]),
    ("ru", "Экспорт за январь–октябрь 2024 года вырос.", [(2024, 1), (2024, 10)]),
    ("kk", "2024 жылғы қаңтар-қазан айларында экспорт өсті.", [(2024, 1), (2024, 10)]),
    ("pl", "Eksport w okresie styczeń–wrzesień 2023 r. wzrósł.", [(2023, 1), (2023, 9)]),
    ("bg", "Износът през януари–септември 2023 г. се е увеличил.", [(2023, 1), (2023, 9)]),
    ("de", "Im Zeitraum Januar bis Juni 2023 stieg der Export.", [(2023, 1), (2023, 6)]),
    ("uk", "За січень–жовтень 2024 року експорт зріс.", [(2024, 1), (2024, 10)]),
])
def test_month_range_is_two_dates_with_the_year(lang, text, want):
    assert _dates(text, lang) == want


@pytest.mark.parametrize("lang,text", [
    ("en", "In the 2024/25 marketing year Kazakhstan exported more grain."),
    ("ru", "В 2024/25 маркетинговом году Казахстан экспортировал больше зерна."),
    ("pl", "W sezonie 2024/25 Kazachstan wyeksportuje więcej zboża."),
    ("de", "Im Wirtschaftsjahr 2024/25 exportierte Kasachstan mehr Getreide."),
    ("kk", "2024/25 маркетингтік жылы Қазақстан көбірек астық экспорттады."),
])
def test_marketing_year(lang, text):
    assert _dates(text, lang) == [(2024, None)]


@pytest.mark.parametrize("lang,text,low,high", [
    ("de", "Kasachstan will 6 bis 7 Millionen Tonnen Weizen exportieren.", 6e6, 7e6),
    ("de", "Kasachstan exportiert zwischen 6 und 7 Mio. Tonnen Weizen.", 6e6, 7e6),
    ("ru", "Казахстан планирует экспортировать от 10 до 12 млн т зерна.", 10e6, 12e6),
    ("ru", "Казахстан экспортирует 2-3 млн тонн пшеницы.", 2e6, 3e6),
    ("uk", "Казахстан експортує від 10 до 12 млн тонн зерна.", 10e6, 12e6),
    ("kk", "Қазақстан 2-3 млн тонна бидай экспорттайды.", 2e6, 3e6),
    ("fr", "Le Kazakhstan exportera de 10 à 12 millions de tonnes de blé.", 10e6, 12e6),
    ("pl", "Kazachstan wyeksportuje 2–3 mln ton zboża.", 2e6, 3e6),
    ("bg", "Казахстан ще изнесе между 10 и 12 млн. тона зърно.", 10e6, 12e6),
    ("en", "Kazakhstan will export 2-3 mn tonnes of wheat.", 2e6, 3e6),
])
def test_quantity_range_is_one_figure_and_one_volume(lang, text, low, high):
    r = extract(text, lang=lang)
    assert [(f.value, f.value_max) for f in r.figures if f.kind == "mass"] == [(low, high)]
    assert [(v.volume_tonnes, v.volume_tonnes_max) for v in r.export_volumes] == [(low, high)]


@pytest.mark.parametrize("text,kind,low,high", [
    ("Қазақстан 10 млн тоннадан 12 млн тоннаға дейін астық экспорттайды.", "mass", 10e6, 12e6),
    ("Экспорт 5 пайыздан 7 пайызға дейін өседі.", "percentage", 5, 7),
])
def test_kazakh_range_by_case_endings(text, kind, low, high):
    r = extract(text, lang="kk")
    assert [(f.value, f.value_max) for f in r.figures if f.kind == kind] == [(low, high)]


def test_kazakh_from_and_to_of_two_clauses_stay_two_figures():
    r = extract("Экспорт 10 млн тоннадан асты, ал импорт 2 млн тоннаға дейін қысқарды.", lang="kk")
    assert [(f.value, f.value_max) for f in r.figures if f.kind == "mass"] == [(10e6, None), (2e6, None)]
