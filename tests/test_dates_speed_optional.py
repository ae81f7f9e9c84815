"""The regex forms extract.dates writes for speed match exactly what the plain forms match.

patterns.compiled writes optional parts as `(?:x|)` instead of `(?:x)?`
(wordlist_regex.optional), a word start or end next to a word list as `\\b` instead of
`(?<!\\w)` / `(?!\\w)` where every word of the list starts / ends in a word character
(patterns._start, _end), and its word tries without a first-character lookahead. Here the
same grammar is built again with the plain forms, every regex is matched at every position of
fuzzed example texts (same groups and spans, same lastgroup), and find_dates is run with both.
"""
from __future__ import annotations

import re

import pytest

import extract.dates as dates_mod
from extract.dates import _lower, patterns, wordlist_regex

from conftest import LANGS
from test_dates_early_reject import _fuzz_texts, all_dates


def _plain_optional(part: str) -> str:
    return f"(?:{part})?"


def _guarded_words(words) -> str:
    """The tries as they were: a first-character class in front."""
    words = sorted({w.lower() for w in words})
    trie = wordlist_regex.raw_trie(words)
    firsts = {w[0] for w in words if w}
    if not firsts:
        return trie
    cls = "".join(sorted(re.escape(ch) if ch != " " else r"\s" for ch in firsts))
    return f"(?=[{cls}]){trie}"


@pytest.fixture(scope="module")
def plain_compiled():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(wordlist_regex, "optional", _plain_optional)
        mp.setattr(patterns, "optional", _plain_optional)
        mp.setattr(patterns, "_start", lambda *lists: patterns.B)
        mp.setattr(patterns, "_end", lambda *lists: patterns.E)
        mp.setattr(patterns, "_words", _guarded_words)
        built = {lang: patterns.compiled.__wrapped__(lang) for lang in LANGS}
    return built


def _regexes(comp):
    # core_scan is left out: its groups differ on purpose (test_dates_speed_equivalence checks _cores)
    return [*comp.by_core.values(), *comp.shape_regexes, comp.d12_tail, comp.leads,
            comp.not_after_number, comp.core_word, comp.core_after_space]


def test_the_plain_build_is_the_plain_form(plain_compiled):
    comp = plain_compiled["ru"]
    assert ")?" in comp.by_core["month"].pattern and "(?<!\\w)" in comp.by_core["month"].pattern
    fast = patterns.compiled("ru").by_core["month"].pattern
    assert "|)" in fast and "\\b" in fast and "(?=[" not in fast


@pytest.mark.parametrize("lang", LANGS)
def test_every_regex_matches_as_before(lang, plain_compiled):
    fast, plain = patterns.compiled(lang), plain_compiled[lang]
    pairs = list(zip(_regexes(fast), _regexes(plain)))
    assert all(a.groupindex == b.groupindex for a, b in pairs)
    matched = 0
    for text in _fuzz_texts(lang, 300, "forms"):
        low = _lower(text)
        for end in {len(low), len(low) * 2 // 3}:
            for s in range(end + 1):
                for a, b in pairs:
                    ma, mb = a.match(low, s, end), b.match(low, s, end)
                    assert (ma is None) == (mb is None), (a.pattern[:60], text, s, end)
                    if ma is not None:
                        assert ma.regs == mb.regs and ma.lastgroup == mb.lastgroup, (a.pattern[:60], text, s)
                        matched += 1
    assert matched > 100


@pytest.mark.parametrize("lang", LANGS)
def test_find_dates_gives_the_plain_output(lang, plain_compiled, monkeypatch):
    texts = list(_fuzz_texts(lang, 600, "forms-output"))

    fast = all_dates(texts, lang)
    monkeypatch.setattr(dates_mod, "compiled", plain_compiled.__getitem__)
    assert all_dates(texts, lang) == fast
    assert sum(map(len, fast)) > 50
