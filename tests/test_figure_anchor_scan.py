"""The figure anchor's candidate scans (figures._anchor_starts) must miss no place where the
anchor matches: find_figures tries the anchor only at those candidates."""
from __future__ import annotations

import random

import pytest

from extract.figures import _anchor_starts, find_figures
from extract.figures.grammar import grammar
from extract.model import Sentence
from extract.sentences import split_sentences

from conftest import LANGS, SEEDS, example_texts, glued_examples



def _texts(lang: str) -> list[str]:
    examples = example_texts(lang, ("figures",))
    texts = examples + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    # the examples glued with punctuation, digits, underscores, no-break spaces and capitals
    glue = [" ", "\u00a0", "(", "_", "-", "5", "\n", "«", "'", "Ω", "ș"]
    return texts + glued_examples(examples, glue, 200, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_anchor_is_a_candidate(lang):
    g = grammar(lang)
    for text in _texts(lang):
        low = text.lower()
        if len(low) != len(text):
            continue
        starts = set(_anchor_starts(low, 0, len(text), g))
        for p in range(len(text)):
            if g.anchor.match(text, p):
                assert p in starts, (text[max(0, p - 10):p + 20], p)


def test_figures_do_not_depend_on_how_anchors_are_found():
    # a text with a letter that grows when lowercased takes the plain path: same figures
    text = "Exports rose by 12% to 3.5 million tonnes, up from two million in 2020."
    plain = find_figures(text, "en", split_sentences(text), len(text))
    grown = "İ " + text
    shifted = find_figures(grown, "en", split_sentences(grown), len(grown))
    assert [(f.kind, f.value, f.surface_text) for f in plain] == [(f.kind, f.value, f.surface_text) for f in shifted]
    assert len(plain) >= 3


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_read_from_the_text_wide_scan_as_alone(lang):
    """find_figures scans the whole text once and hands each sentence its candidates; a sentence
    read alone (its own scan) must give the same figures, wherever the sentences are cut
    (between words, and inside a word, where the text-wide scan would see past the end)."""
    rnd = random.Random(f"split-{lang}")
    for text in _texts(lang)[:150]:
        cuts = sorted({rnd.randrange(1, len(text)) for _ in range(rnd.randrange(1, 6))} if len(text) > 2 else set())
        bounds = [0] + [c for c in cuts if text[c - 1] != "."] + [len(text)]  # a final dot may join two sentences
        sentences = [Sentence(k, s, e) for k, (s, e) in enumerate(zip(bounds, bounds[1:])) if s < e]
        together = find_figures(text, lang, sentences, len(text))
        alone = [f for s in sentences for f in find_figures(text, lang, [s], len(text))]
        assert [repr(f) for f in together] == [repr(f) for f in alone], text
