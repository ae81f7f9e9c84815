"""The activity coder's word cutting and word table have fast paths: the word pattern tries the
apostrophe before its look-behind, and the table keeps each word's patterns as (label, words after
the first). Each must give what the plain computation below gives."""
from __future__ import annotations

import random
import re

import pytest

from extract.activity.tokens import _WORD, _WORD_SPLIT, _words
from extract.activity.lexicon import grammar
from extract.activity.words import EXACT, INSIDE, LEMMA, PREFIX

from conftest import LANGS, SEEDS, example_texts

# ---- the plain computations (the code before the fast paths) ------------------------------------------

_PLAIN_WORD = re.compile(r"\w+(?:(?<=\wn)['’]t\b)?")


def plain_find(table, lows: list[str]) -> list[tuple[str, int, int]]:
    out = []
    for i, w in enumerate(lows):
        for label, parts in table._candidates_of(w):
            k = len(parts)
            if i + k > len(lows):
                continue
            for m in range(1, k):
                text, how = parts[m]
                nxt = lows[i + m]
                if not (nxt.startswith(text) if how == PREFIX else text in nxt if how == INSIDE else
                        (nxt == text or (how == LEMMA and table.key(nxt) == text))):
                    break
            else:
                out.append((label, i, i + k))
    return out


_TRICKY = ["don't", "n't", "can’t stop", "isn't", "won'tx", "an't", "n'tn't", "x n't", "Don'T", "ain't't",
           "l’interdiction", "doesn’t’t", "n’t’", "'t", "wouldn't've", "kn't", "ÉTAIENT n't"]


def _texts(lang: str) -> list[str]:
    texts = example_texts(lang, ("dates", "figures", "activity")) + _TRICKY
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob(f"*{lang}*.txt"))] if SEEDS.is_dir() else []
    rnd = random.Random(lang)
    glued = ["".join(rnd.choice(texts) + rnd.choice(["'", "’", "n't ", " n", "N'T"]) for _ in range(3)) for _ in range(200)]
    return texts + glued


@pytest.mark.parametrize("lang", LANGS)
def test_word_pattern_is_the_plain_one(lang):
    for text in _texts(lang):
        assert [m.span() for m in _WORD.finditer(text)] == [m.span() for m in _PLAIN_WORD.finditer(text)]
        low = text.lower()
        assert _WORD_SPLIT.split(low) == re.split(f"({_PLAIN_WORD.pattern})", low)


@pytest.mark.parametrize("lang", LANGS)
def test_word_table_finds_what_the_plain_matcher_finds(lang):
    table = grammar(lang).words
    checked = 0
    for text in _texts(lang):
        lows, _, _ = _words(text, 0, len(text))
        for k in range(0, len(lows), 40):  # sentence-sized pieces, and the table's end-of-list checks
            piece = lows[k:k + 40]
            assert table.find(piece) == plain_find(table, piece)
            checked += 1
    assert checked > 50
    assert EXACT  # (the four ways a word matches are all tried above)
