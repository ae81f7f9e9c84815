"""find_dates skips most ordinal words early, as it does 1-2 digit numbers, without changing its output.

An "ordinal" core ("first", "premier", "двадцать") is tried only when Compiled.d12_tail (the
day-number shapes from the day on) matches at it, or when a core d12_tail matched at lies
shortly before it. That needs, beyond the invariant tests/test_dates_early_reject.py checks
for numbers, that wherever the "d12" or the "ordinal" regex matches, the first number or
spelled-day core from the match start on is one d12_tail matches at (or an "any" word, which
is always tried). Checked here on the fuzzed example texts; then the output with the skip is
compared with the plain one (d12_tail=None turns every early skip off).
"""
from __future__ import annotations

import dataclasses

import pytest

import extract.dates as dates_mod
from extract.dates import _cores, _lower
from extract.dates.patterns import compiled

from conftest import LANGS, cut_between_words
from test_dates_early_reject import _fuzz_texts, all_dates


@pytest.mark.parametrize("lang", LANGS)
def test_day_regex_match_starts_before_a_core_the_tail_matches(lang):
    comp = compiled(lang)
    tail = comp.d12_tail
    assert tail is not None
    checked = 0
    for text in _fuzz_texts(lang, 800, "ordinal-invariant"):
        low = _lower(text)
        for end in {len(low), cut_between_words(low, len(low) * 2 // 3)}:
            cores = [(c, k) for c, k in _cores(comp, low, 0, end) if k in ("d12", "ordinal", "any")]
            for s in range(0, end + 1):
                for kind in ("d12", "ordinal"):
                    if comp.by_core[kind].match(low, s, end) is None:
                        continue
                    first = next(((c, k) for c, k in cores if c >= s), None)
                    assert first is not None, (text, s, end, kind)
                    c, k = first
                    assert k == "any" or tail.match(low, c, end) is not None, (text, kind, s, c, end)
                    checked += 1
    assert checked > 0


@pytest.mark.parametrize("lang", LANGS)
def test_ordinal_skip_gives_the_plain_output(lang, monkeypatch):
    texts = list(_fuzz_texts(lang, 800, "ordinal-output"))
    assert any(k == "ordinal" for t in texts for _, k in _cores(compiled(lang), _lower(t), 0, len(t)))

    fast = all_dates(texts, lang)
    monkeypatch.setattr(dates_mod, "compiled", lambda lg: dataclasses.replace(compiled(lg), d12_tail=None))
    assert all_dates(texts, lang) == fast
    assert sum(map(len, fast)) > 50
