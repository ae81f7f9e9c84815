"""datelines._lines tries the dateline regex only on lines with a dash gap (found with str.find),
and _home_pairs tries its pattern only at line starts: each must find exactly what trying the
pattern everywhere finds."""
from __future__ import annotations

import random

import re

from extract.partners.datelines import _DOT_TOP, _HOME_PAIR, _LINE, _home_pairs, _lines, dateline_spans

from conftest import LANGS, SEEDS, example_texts

_PIECES = ["LONDON, Sept 9 – ", "Astana/Vienne – ", "Алматы/Пекин. ", "  Астана / Київ, ", "Astana/Paris", "PARIS (AFP) — ", "АСТАНА, 12 марта — ", "a - b", "\n", " ", "x" * 80,
           " –\u00a0", "Moscow, March 3 (Reuters) - ", "\t-\t", "word", "\n\n  ", "Rosja – Kazachstan: "]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for lang in LANGS:
        texts += example_texts(lang)
    rnd = random.Random(7)
    texts += ["".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(1, 12))) for _ in range(3000)]
    return texts


def test_lines_with_a_dash_gap_are_the_dateline_lines():
    for text in _texts():
        for end in (len(text), len(text) // 2):
            every_line = [(m.span(), m.group("head")) for m in _LINE.finditer(text, 0, end)]
            assert [(m.span(), m.group("head")) for m in _lines(text, end)] == every_line, text


def test_home_pairs_tried_at_line_starts_are_the_multiline_search():
    plain = re.compile("(?m)^" + _HOME_PAIR.pattern)
    for text in _texts():
        for end in (len(text), len(text) // 2, 7):
            want = [m.span("city") for m in plain.finditer(text, 0, min(end, _DOT_TOP * 2))]
            assert _home_pairs(text, end) == want, text


def test_datelines_found_on_any_line():
    text = "Headline here\nLONDON, Sept 9 – The UK and Kazakhstan...\nPARIS (AFP) — France said"
    spans = [text[s:e] for s, e in dateline_spans(text)]
    assert spans == ["LONDON", "PARIS"]
