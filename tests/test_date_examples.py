"""Every line of extract/examples/dates_<lang>.jsonl must give exactly the dates it lists.

One corpus per language, the way Duckling keeps one per language and dimension. A line is
{"text": ..., "dates": [{"span", "year", "month", "day", "weekday"}, ...]}: each listed date
must be found overlapping its span with exactly these fields (null = not stated), and no
other date may be found; "dates": [] marks text that holds none (times, quantities, codes,
relative phrases, homographs). Adding a language means rows in
dbt_project/seeds/grammar/*.csv and a dates_<lang>.jsonl here: no code.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.dates import find_dates
from extract.sentences import split_sentences

EXAMPLES = Path(__file__).resolve().parent.parent / "extract" / "examples"
LANGS = ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk")


def _cases():
    for lang in LANGS:
        lines = (EXAMPLES / f"dates_{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if line.strip():
                case = json.loads(line)
                yield pytest.param(lang, case, id=f"{lang}-{n:02d}-{case['text'][:30]}")


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_example(lang, case):
    text = case["text"]
    got = find_dates(text, lang, split_sentences(text), len(text))
    want = case["dates"]
    assert [f.surface_text for f in got] == [w["span"] for w in want] or len(got) == len(want), \
        f"got {[f.surface_text for f in got]}, want {[w['span'] for w in want]}"
    for f, w in zip(got, want):
        s = text.index(w["span"])
        assert f.start_char < s + len(w["span"]) and f.end_char > s, f"{f.surface_text!r} misses {w['span']!r}"
        assert (f.date_year, f.date_month, f.date_day, f.weekday) == (w["year"], w["month"], w["day"], w["weekday"])
        assert text[f.start_char:f.end_char] == f.surface_text
        assert f.kind == "date" and f.value is None and f.qualifier is None
