"""extract() fuzzed: random and mutated text in every language never raises, every offset points
at its surface text, and no mass, count or duration is negative or NaN.

Seeds are the per-language example corpora (extract/examples) and the dev corpus articles;
mutations insert NULs, newlines, digits and random Unicode, cut and repeat pieces. Bounded:
a fixed number of examples per language, a deadline per call, no example database on disk.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from extract import extract
from tests.conftest import DEV_CORPUS, LANGS, example_texts

FUZZ = settings(max_examples=30, deadline=timedelta(seconds=3), database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NON_NEGATIVE = ("mass", "count", "duration")


def _seeds(lang: str) -> list[str]:
    texts = example_texts(lang)
    if DEV_CORPUS.is_dir():
        for p in sorted(DEV_CORPUS.glob(f"{lang}_*.txt"))[:2]:
            body = p.read_text(encoding="utf-8")
            texts += [body[:1500], body]
    return texts or ["Kazakhstan exported 5 million tonnes of wheat to China in 2023."]


SEEDS = {lang: _seeds(lang) for lang in LANGS}
ODD = st.sampled_from(["\x00", "\n", "\r\n", "\n\n", "\t", " ", "-", "—", ".", ",", "%", "5", "1 000", "0,5",
                       "млн", "mln", "\u00a0", "\u200b", "\ufeff", "\u2028", "̈", "😀", "\ud7ff", "+", "−", "\ufffd"])


@st.composite
def mutated(draw, lang: str) -> str:
    text = draw(st.sampled_from(SEEDS[lang]))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["odd", "digits", "unicode", "cut", "repeat", "upper"]))
        if op == "odd":
            text = text[:i] + draw(ODD) + text[i:]
        elif op == "digits":
            text = text[:i] + draw(st.from_regex(r"[0-9][0-9 .,]{0,8}", fullmatch=True)) + text[i:]
        elif op == "unicode":
            text = text[:i] + draw(st.text(st.characters(exclude_categories=["Cs"]), max_size=5)) + text[i:]
        elif op == "cut":
            j = draw(st.integers(i, min(len(text), i + 40)))
            text = text[:i] + text[j:]
        elif op == "repeat":
            j = draw(st.integers(i, min(len(text), i + 40)))
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i] + text[i:i + 30].upper() + text[i + 30:]
    return text


def check(text: str, lang: str | None, published: date | None = None) -> None:
    res = extract(text, lang=lang, published=published)
    n = len(text)
    for s in res.sentences:
        assert 0 <= s.start_char <= s.end_char <= n
    for group in (res.mentions, res.figures, res.export_volumes):
        for x in group:
            assert 0 <= x.start_char < x.end_char <= n, x
            assert text[x.start_char:x.end_char] == x.surface_text, x
    for f in res.figures:
        for v in (f.value, f.value_max):
            assert v is None or not math.isnan(v), f
            if f.kind in NON_NEGATIVE:
                assert v is None or v >= 0, f
        if f.date_month is not None:
            assert 1 <= f.date_month <= 12, f
        if f.date_day is not None:
            assert 1 <= f.date_day <= 31, f
    for v in res.export_volumes:
        assert not math.isnan(v.volume_tonnes) and v.volume_tonnes >= 0, v
        assert v.volume_tonnes_max is None or (not math.isnan(v.volume_tonnes_max) and v.volume_tonnes_max >= 0), v
        assert 0 <= v.figure_index < len(res.figures)


@pytest.fixture(scope="module", autouse=True)
def warm():
    for lang in LANGS:  # lexicons and grammars load once, outside the per-call deadline
        extract(SEEDS[lang][0], lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_mutated_examples(lang):
    @FUZZ
    @given(text=mutated(lang), detect=st.booleans(), published=st.none() | st.dates())
    def run(text, detect, published):
        check(text, None if detect else lang, published)

    run()


@FUZZ
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=400), lang=st.sampled_from(LANGS + (None,)))
def test_random_text(text, lang):
    check(text, lang)


@FUZZ
@given(parts=st.lists(st.sampled_from(["Kazakhstan", "Казахстан", "5", "млн", "million", "tonnes", "тонн", "t",
                                        "%", "-", ".", ",", "\n", " ", "\x00", "2024", "China", "Китай", "oil",
                                        "нефти", "to", "в", "year", "год", "(", ")", "1,5", "0.5", "—", "–"]),
                       max_size=60),
       lang=st.sampled_from(LANGS))
def test_figure_like_soup(parts, lang):
    check(" ".join(parts), lang)
