"""The fast paths of extract.dates give what the plain versions they replaced gave.

_cores scans with two regexes that only stop outside COMMON_LETTERS (see patterns.compiled);
the reference below is the plain scan it replaced: every digit run and every core word
anywhere, then both word ends checked in Python. interpret._groups walks a precomputed group
list instead of m.groupdict().
"""
from __future__ import annotations

import random
import re

import pytest

from extract.dates import _cores, _lower
from extract.dates.interpret import _groups
from extract.dates.patterns import COMMON_LETTERS, compiled
from extract.dates.wordlist_regex import raw_trie

from conftest import LANGS, example_texts



def _reference_cores(comp, scan, low, pos, end):
    found = []
    for m in scan.finditer(low, pos, end):
        s, e = m.span()
        if low[s].isdigit():
            if e - s <= 2:
                found.append((s, "d12"))
            elif e - s == 4:
                found.append((s, "d4"))
        elif not (s > 0 and low[s - 1].isalpha()) and not (e < len(low) and low[e].isalpha()):
            found.append((s, comp.core_words[m.group()]))
    return found




def test_common_letters_are_letters():
    # the scans may skip these characters only because no word can start right after one
    cls = re.compile(f"[{COMMON_LETTERS}]")
    assert all(chr(c).isalpha() for c in range(0x10000) if cls.match(chr(c)))


@pytest.mark.parametrize("lang", LANGS)
def test_cores_match_plain_scan(lang):
    comp = compiled(lang)
    scan = re.compile(rf"\d+|{raw_trie(comp.core_words)}")
    rnd = random.Random(lang)
    # core words glued to digits, letters outside COMMON_LETTERS, non-decimal numerals ("²"),
    # combining marks, other digits, no-break spaces, apostrophes
    atoms = [*comp.core_words, "1", "12", "2024", "123", "12345", "٢٠٢٤", "²", "ǅ", "x", "ї", "ґ",
             "ç", "日", "ab", "я", " ", " ", " ", "\u00a0", "\n", ".", "-", "'", "_", "\u0301"]
    texts = [_lower(t) for t in example_texts(lang)]
    texts += ["".join(rnd.choice(atoms) for _ in range(rnd.randint(0, 12))) for _ in range(3000)]
    for low in texts:
        for pos in {0, 1, len(low) // 2}:
            for end in {len(low), max(pos, len(low) - 3)}:
                if pos <= len(low):
                    assert _cores(comp, low, pos, end) == _reference_cores(comp, scan, low, pos, end), \
                        (low, pos, end)


@pytest.mark.parametrize("lang", LANGS)
def test_groups_match_groupdict(lang):
    comp = compiled(lang)
    n = 0
    for text in example_texts(lang):
        low = _lower(text)
        for rx in (*comp.by_core.values(), *comp.shape_regexes):
            for m in rx.finditer(low):
                shape = m.lastgroup[len("alt_"):]
                suffix = "__" + shape
                want = {name[: -len(suffix)]: (val, m.start(name), m.end(name))
                        for name, val in m.groupdict().items()
                        if val is not None and name.endswith(suffix)}
                assert _groups(m, shape) == want
                n += 1
    assert n > 0
