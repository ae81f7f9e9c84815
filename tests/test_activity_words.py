"""activity.words_of is a faster _WORD.findall: the trigger words of a sentence must be the same."""
from __future__ import annotations

import random

import pytest

from extract.partners.activity import _WORD, words_of

from conftest import LANGS, SEEDS, example_texts


def _texts(lang: str) -> list[str]:
    examples = example_texts(lang)
    texts = examples + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    # examples cut and glued with the characters the fast path treats specially
    rnd = random.Random(lang)
    glue = [" ", "\u00a0", "\u2009", "_", ",", ".)", "'", "’", "«", "(", "-", "²", "½", "\t", "\x1c", "..."]
    for _ in range(300):
        parts = rnd.sample(examples, k=min(3, len(examples)))
        texts.append("".join(rnd.choice(glue) + p[rnd.randrange(len(p) + 1):] + rnd.choice(glue) for p in parts))
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_words_of_is_findall(lang):
    for text in _texts(lang):
        assert words_of(text, 0, len(text)) == _WORD.findall(text), text
        mid = len(text) // 3
        assert words_of(text, mid, len(text) - 1) == _WORD.findall(text, mid, len(text) - 1), text


def test_words_with_apostrophes_and_underscores():
    text = "l’Union d'Europe, it's (UE) snake_case x²; «Kazakhstan» 'quoted'"
    assert words_of(text, 0, len(text)) == _WORD.findall(text)
    assert "l’Union" in words_of(text, 0, len(text))
