"""Signs: a qualifier that contains a minus word ("au moins", "не менее") never makes a quantity
negative, and masses, counts and durations have no sign at all; "minus 5 %" stays negative."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract import extract
from extract.figures import find_figures
from extract.sentences import split_sentences

GRAMMAR = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "grammar"
LANGS = ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk")


def _rows(name):
    with open(GRAMMAR / f"{name}.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _figures(text, lang):
    return find_figures(text, lang, split_sentences(text), len(text))


def _mass_unit(lang):
    return next(r["surface"] for r in _rows("units") if r["lang"] == lang and r["kind"] == "mass"
                and r["factor"] == "1" and len(r["surface"]) > 2 and r["position"] == "after")


@pytest.mark.parametrize("lang", LANGS)
def test_no_qualifier_phrase_turns_a_mass_negative(lang):
    unit = _mass_unit(lang)
    phrases = [r["phrase"] for r in _rows("qualifier_words") if r["lang"] == lang and r["position"] == "before"]
    assert phrases
    for phrase in phrases:
        text = f"{phrase} 2 {unit}"
        figs = _figures(text, lang)
        assert all(f.value >= 0 for f in figs), (text, [(f.surface_text, f.value) for f in figs])


@pytest.mark.parametrize("lang,text,kind,value,qualifier", [
    ("fr", "Au moins deux pétroliers ont quitté Aktaou hier.", "count", 2, "at_least"),
    ("fr", "Le port a expédié au moins 2 millions de tonnes de blé.", "mass", 2e6, "at_least"),
    ("fr", "Les travaux dureront au moins trois ans.", "duration", 3, "at_least"),
    ("ru", "Отгружено не менее 2 млн тонн нефти.", "mass", 2e6, "at_least"),
    ("de", "Es wurden mindestens 2 Millionen Tonnen Weizen verladen.", "mass", 2e6, "at_least"),
    ("pl", "Wysłano nie mniej niż 2 mln ton zboża.", "mass", 2e6, "at_least"),
    ("bg", "Изнесени са не по-малко от 2 млн. тона зърно.", "mass", 2e6, "at_least"),
    ("uk", "Відвантажено щонайменше 2 млн тонн зерна.", "mass", 2e6, "at_least"),
    ("kk", "Кемінде 2 млн тонна астық жөнелтілді.", "mass", 2e6, "at_least"),
])
def test_at_least_is_not_minus(lang, text, kind, value, qualifier):
    figs = [f for f in _figures(text, lang) if f.kind == kind]
    assert [(f.value, f.qualifier) for f in figs] == [(value, qualifier)], text


def test_a_dash_before_a_tonnage_is_a_fall_not_a_negative_mass():
    figs = _figures("Oil exports: -1.2 million tonnes year on year.", "en")
    assert [(f.kind, f.value, f.change) for f in figs] == [("mass", 1.2e6, "decrease")]


@pytest.mark.parametrize("lang,text", [("en", "Inflation was minus 5% in May."),
                                       ("ru", "Рост составил минус 5% за год.")])
def test_minus_still_signs_a_percentage(lang, text):
    assert [f.value for f in _figures(text, lang) if f.kind == "percentage"] == [-5]


def test_volumes_are_never_negative():
    r = extract("Kazakhstan shipped at least 2 million tonnes of wheat; coal fell by -0.5 million tonnes.", lang="en")
    assert r.export_volumes and all(v.volume_tonnes >= 0 for v in r.export_volumes)
