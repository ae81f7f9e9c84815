"""Every phrase of extract/examples/figures_<lang>.jsonl must parse to the figure it lists.

One corpus per language, the way Duckling keeps one per language and dimension. Adding a
language (de and uk were added so) means adding rows to dbt_project/seeds/grammar/*.csv
and a figures_<lang>.jsonl here: no code.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from extract.figures import find_figures
from extract.sentences import split_sentences

EXAMPLES = Path(__file__).resolve().parent.parent / "extract" / "examples"
LANGS = ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk")


def _cases():
    for lang in LANGS:
        for n, line in enumerate((EXAMPLES / f"figures_{lang}.jsonl").read_text(encoding="utf-8").splitlines()):
            if line.strip():
                case = json.loads(line)
                yield pytest.param(lang, case, id=f"{lang}-{n:02d}-{case['text'][:30]}")


def _close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_example_parses(lang, case):
    text = case["text"]
    figs = find_figures(text, lang, split_sentences(text), len(text))
    got = [(f.kind, f.value, f.value_max, f.unit, f.qualifier, f.change, f.surface_text) for f in figs]
    for f in figs:
        if (f.kind == case["kind"] and _close(f.value, case["value"]) and _close(f.value_max, case.get("value_max"))
                and f.unit == case.get("unit") and f.qualifier == case["qualifier"]
                and f.change == case.get("change")):
            assert text[f.start_char:f.end_char] == f.surface_text
            return
    pytest.fail(f"{text!r}: want {case}, got {got}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_examples_of_every_kind(lang):
    kinds = {json.loads(l)["kind"] for l in (EXAMPLES / f"figures_{lang}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()}
    assert {"mass", "percentage", "duration", "money", "count", "number"} <= kinds
