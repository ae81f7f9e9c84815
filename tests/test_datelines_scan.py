"""datelines._lines tries the dateline regex only on lines with a dash gap; it must find exactly
the lines that trying it on every line finds."""
from __future__ import annotations

import random

from extract.partners.datelines import _LINE, _lines, dateline_spans

from conftest import LANGS, SEEDS, example_texts

_PIECES = ["LONDON, Sept 9 – ", "PARIS (AFP) — ", "АСТАНА, 12 марта — ", "a - b", "\n", " ", "x" * 80,
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


def test_datelines_found_on_any_line():
    text = "Headline here\nLONDON, Sept 9 – The UK and Kazakhstan...\nPARIS (AFP) — France said"
    spans = [text[s:e] for s, e in dateline_spans(text)]
    assert spans == ["LONDON", "PARIS"]
