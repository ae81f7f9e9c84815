"""Fast paths of the figure reader (extract/figures), each checked against the plain computation
it replaced on the example corpora, the seeds and the examples glued to awkward characters:

* span_start asks one FirstBefore (the reversed twins of the relative, from and between patterns
  in one test) instead of each Before in turn;
* _span_grammar returns the article's grammar at once when the article holds no letter of the
  other script;
* _read_figure rejects a lone "one" (_lone_one) before the range, sign and ratio tests;
* _range_connector tests the word after the number before the words in front of it."""
from __future__ import annotations

import random

import pytest

import extract.figures as figures_module
from extract.figures import _range_connector, _OTHER_LETTER, _qualifier_grammar, _SCRIPT_READER, _span_grammar, _word_script, \
    _WORD_AFTER_NUMBER
from extract.figures.context import span_start
from extract.figures.grammar import grammar
from extract.figures.quantities import Reject, read_quantity
from extract.sentences import split_sentences

from conftest import LANGS, SEEDS, example_texts, glued_examples


def _texts(lang: str) -> list[str]:
    examples = example_texts(lang, ("figures",))
    texts = examples[:150] + [p.read_text(encoding="utf-8")[:2000] for p in sorted(SEEDS.glob("*.txt"))]
    glue = [" ", "  ", "\u00a0", "\n", "(", "-", "5", "'", ".", "X", "Ж", "«"]
    return texts + glued_examples(examples, glue, 80, f"figspeed-{lang}")


# ---- the plain computations (the code before the fast paths) ------------------------------------------

def plain_span_start(text: str, start: int, s_start: int, g) -> int:
    lo = max(s_start, start - 25)
    for rx in (g.relative_before, g.range_from_before, g.range_between_before):
        m = rx.search(text, lo, start)
        if m:
            return m.start()
    return start


def plain_span_grammar(text: str, a: int, s_end: int, g):
    rx = _OTHER_LETTER.get(g.script)
    if rx is None:
        return g
    if rx.search(text, a, min(s_end, a + 30)) is None:
        return _qualifier_grammar(text, a, g, rx)
    m = _WORD_AFTER_NUMBER.match(text, a, min(s_end, a + 30))
    if m is None:
        return g
    script = _word_script(m.group(1))
    if script is None or script == g.script:
        return g
    other = _SCRIPT_READER.get(script)
    if other is None or other == g.lang:
        return g
    try:
        return grammar(other)
    except Exception:
        return g


def plain_range_connector(text: str, q1, s_start: int, s_end: int, g):
    conn = None
    before = text[max(s_start, q1.start - 30):q1.start]
    dm = g.range_dash.match(text, q1.end, s_end) if q1.fraction is None else None
    if dm:
        conn = ("dash", dm.end())
    if conn is None and q1.fraction is None and g.range_from_before.search(before):
        wm = g.range_word.match(text, q1.end, s_end)
        if wm:
            conn = ("from", wm.end())
            if wm.group().strip().lower() in g.context.get("range_to_level", ()):
                conn = ("from_to_level", wm.end())
    if conn is None and q1.kind is None and q1.fraction is None:
        wm = g.range_bare.match(text, q1.end, s_end)
        # (after "by" only a to-word that never names a level: "um 3 bis 5 Prozent")
        if wm and (not g.by_before.search(before) or wm.group().strip().lower() in g.context.get("range_to_after_by", ())):
            conn = ("bare", wm.end())
    if conn is None and q1.fraction is None and g.range_between_before.search(before):
        wm = g.range_and.match(text, q1.end, s_end)
        if wm:
            conn = ("between", wm.end())
    return conn


# ---- the checks ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_span_start_is_the_first_of_the_three_patterns(lang):
    g = grammar(lang)
    rnd = random.Random(f"span-{lang}")
    moved = 0
    for text in _texts(lang):
        points = [i for i, ch in enumerate(text) if ch.isdigit() or rnd.random() < 0.2] + [len(text)]
        for p in points:
            for s_start in (0, max(0, p - 10), p):
                want = plain_span_start(text, p, s_start, g)
                assert span_start(text, p, s_start, g) == want, text[max(0, p - 30):p]
                moved += want != p
    assert moved > 0  # the texts do hold "from", "between" or relative words before numbers


@pytest.mark.parametrize("lang", LANGS)
def test_span_grammar_without_the_other_script(lang):
    g = grammar(lang)
    rnd = random.Random(f"script-{lang}")
    other = 0
    for text in _texts(lang):
        for a in [i for i, ch in enumerate(text) if ch.isdigit() or rnd.random() < 0.05]:
            for s_end in (len(text), min(len(text), a + 8)):
                want = plain_span_grammar(text, a, s_end, g)
                assert _span_grammar(text, a, s_end, g) is want, text[max(0, a - 30):a + 30]
                other += want is not g
    assert other > 0  # some numbers are read with the other script's grammar


def _lone_one_texts(lang: str) -> list[str]:
    """Each "one" word of the language alone, before a noun, and in ranges and ratios ("un à trois",
    "entre un et deux", "one out of five"), where the early test must let the full reading decide."""
    g = grammar(lang)
    ones = [w for w, (role, _v) in g.words.exact.items() if role == "one"]
    before = [""] + [w + " " for role in ("range_from", "range_between") for w in g.context.get(role, ())]
    after = ["", " x", " - 5", " – 7 t", "-2", " 5"] + [
        f" {w} {n}" for role in ("range_to", "range_to_bare", "range_and", "out_of") for w in g.context.get(role, ())
        for n in ("3", "three")]
    return [f"Abc {b}{one}{a} def." for one in ones for b in before for a in after]


def test_a_lone_one_is_rejected_as_the_full_reading_rejects_it(monkeypatch):
    fired = []
    real = figures_module._lone_one
    for lang in LANGS:
        texts = _texts(lang) + _lone_one_texts(lang)
        fast = [repr(figures_module.find_figures(t, lang, split_sentences(t), len(t))) for t in texts]
        with monkeypatch.context() as mp:
            mp.setattr(figures_module, "_lone_one", lambda *a: fired.append(real(*a)) or False)
            plain = [repr(figures_module.find_figures(t, lang, split_sentences(t), len(t))) for t in texts]
        assert fast == plain, lang
    assert sum(fired) > 100  # the texts do hold lone "one"s ("un", "один") that the early test rejects
    assert len(fired) - sum(fired) > 100  # and "one"s in ranges and ratios that it leaves to the full reading


@pytest.mark.parametrize("lang", LANGS)
def test_range_connector_is_the_plain_one(lang):
    g = grammar(lang)
    kinds = set()
    for text in _texts(lang) + _lone_one_texts(lang):  # the latter: "from one to three", "between one and 3"
        for sent in split_sentences(text):
            for a in range(sent.start_char, sent.end_char):
                if not g.anchor.match(text, a, sent.end_char):
                    continue
                try:
                    q1 = read_quantity(text, a, sent.end_char, g, sent.start_char)
                except Reject:
                    continue
                want = plain_range_connector(text, q1, sent.start_char, sent.end_char, g)
                assert _range_connector(text, q1, sent.start_char, sent.end_char, g) == want, text[a:a + 40]
                kinds.add(want and want[0])
    # ranges of several kinds were read (Kazakh writes "from" and "to" as case endings: dashes only)
    assert len(kinds - {None}) >= (1 if lang == "kk" else 3)
