"""find_dates skips most 1-2 digit numbers early (Compiled.d12_tail), without changing its output.

A "d12" core is skipped when the day-number part of its shapes does not match at it and no
other core that could be a date's day lies between the earliest start its date could have
and it. That rests on one invariant of the grammar, checked here directly on fuzzed texts
from every language's examples: wherever the "d12" regex matches, the first core at or after
the match start that is a number or a spelled day is one that find_dates never skips.
Then the fast path is compared with the plain one (d12_tail=None) on the same texts.
"""
from __future__ import annotations

import dataclasses
import random
import re
from datetime import date

import pytest

import extract.dates as dates_mod
from extract.dates import _cores, _lower, find_dates
from extract.dates.lexicon import lexicon
from extract.dates.patterns import _day_tokens_are_cores, compiled
from extract.sentences import split_sentences

from conftest import LANGS, cut_between_words, example_texts

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")




def _fuzz_texts(lang, n, seed):
    """The examples themselves, then random mixes of their tokens with grammar words,
    numbers of every length, separators and unusual spaces."""
    rnd = random.Random(f"{lang}-{seed}")
    lex = lexicon(lang)
    examples = list(example_texts(lang))
    tokens = [t for text in examples for t in _TOKEN.findall(text)]
    words = [*lex.months, *lex.weekdays, *lex.ordinals, *lex.tens, *lex.suffixes, *lex.year_after,
             *lex.year_before, *lex.year_suffixes, *(p for ps in lex.preps.values() for p in ps),
             *lex.not_after_number, "the"]
    words += [w.capitalize() for w in words] + [w + "." for w in words]
    numbers = ["1", "5", "05", "12", "29", "31", "32", "99", "0", "00", "123", "2024", "1999", "74",
               "12345", "٢", "²", "5th", "1er", "3-го", "2024-м"]
    seps = [" ", " ", " ", "  ", "\u00a0", "\n", ".", ",", "/", "-", "–", ":", ";", "!", "?", ")",
            "(", "'", "’", ". ", ", ", " - ", " / ", "$", "€", "№"]
    yield from examples
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 30)):
            r = rnd.random()
            pool = tokens if r < 0.35 else words if r < 0.6 else numbers if r < 0.8 else seps
            parts.append(rnd.choice(pool))
            if rnd.random() < 0.5:
                parts.append(rnd.choice((" ", " ", "", "\u00a0", ", ", ". ")))
        yield "".join(parts)


def all_dates(texts, lang):
    """find_dates over each text, as one sentence, without and with a publication date."""
    out = []
    for text in texts:
        sents = split_sentences(text, 0, len(text))
        for pub in (None, date(2024, 5, 17)):
            out.append([dataclasses.astuple(f) for f in find_dates(text, lang, sents, len(text), pub)])
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_fast_path_is_on(lang):
    # When a grammar change breaks the invariant's preconditions the fast path turns itself
    # off (every number is tried again): correct but slower, so say so here.
    assert _day_tokens_are_cores(lexicon(lang)), "extract.dates.patterns._day_tokens_are_cores"
    assert compiled(lang).d12_tail is not None


@pytest.mark.parametrize("lang", LANGS)
def test_d12_match_starts_before_a_kept_core(lang):
    comp = compiled(lang)
    rx, tail = comp.by_core["d12"], comp.d12_tail
    checked = 0
    for text in _fuzz_texts(lang, 1500, "invariant"):
        low = _lower(text)
        for end in {len(low), cut_between_words(low, len(low) * 2 // 3)}:
            for pos0 in {0, len(low) // 3}:
                cores = [(c, k) for c, k in _cores(comp, low, pos0, end) if k in ("d12", "ordinal", "any")]
                for s in range(pos0, end + 1):
                    if rx.match(low, s, end) is None:
                        continue
                    first = next(((c, k) for c, k in cores if c >= s), None)
                    assert first is not None, (text, s, end)
                    c, k = first
                    assert k != "d12" or tail.match(low, c, end) is not None, (text, s, c, end)
                    checked += 1
    assert checked > 0


@pytest.mark.parametrize("lang", LANGS)
def test_fast_path_gives_the_plain_output(lang, monkeypatch):
    texts = list(_fuzz_texts(lang, 1500, "output"))

    def run():
        out = []
        for text in texts:
            for end in {len(text), len(text) * 2 // 3}:
                sents = split_sentences(text, 0, end)
                for lg in (lang, "en") if lang != "en" else (lang,):
                    for pub in (None, date(2024, 5, 17)):
                        out.append([dataclasses.astuple(f) for f in find_dates(text, lg, sents, end, pub)])
        return out

    fast = run()
    plain_compiled = lambda lg: dataclasses.replace(compiled(lg), d12_tail=None)  # noqa: E731
    monkeypatch.setattr(dates_mod, "compiled", plain_compiled)
    assert run() == fast
    assert sum(map(len, fast)) > 100
