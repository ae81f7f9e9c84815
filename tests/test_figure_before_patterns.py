"""grammar.Before: a pattern for what stands right before a point, tested first with a reversed
twin. Its search must return exactly what the forward pattern's own search returns."""
from __future__ import annotations

import random

import pytest

from extract.figures.grammar import Before, grammar

from conftest import LANGS, SEEDS, example_texts, glued_examples


def _texts(lang: str) -> list[str]:
    examples = example_texts(lang, ("figures",))
    texts = examples[:120] + [p.read_text(encoding="utf-8")[:1500] for p in sorted(SEEDS.glob("*.txt"))]
    glue = [" ", "  ", "\u00a0", "\n", "(", "_", "-", "5", "№", "'", ".", "X"]
    return texts + glued_examples(examples, glue, 60, f"before-{lang}")


def _befores(g) -> dict[str, Before]:
    found = {name: v for name, v in vars(g).items() if isinstance(v, Before)}
    assert len(found) >= 8  # qualifier, range, by, relative, article, ordinal, half, abbreviation
    return found


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


@pytest.mark.parametrize("lang", LANGS)
def test_before_search_is_forward_search(lang):
    g = grammar(lang)
    befores = _befores(g)
    rnd = random.Random(lang)
    hits = 0
    for text in _texts(lang):
        ends = [i for i, ch in enumerate(text) if ch.isdigit() or rnd.random() < 0.15] + [len(text)]
        for hi in ends:
            for width in (6, 12, 25, 40):
                lo = max(0, hi - width)
                for name, b in befores.items():
                    got, want = b.search(text, lo, hi), b.rx.search(text, lo, hi)
                    assert _same(got, want), (name, text[lo:hi])
                    hits += want is not None
        for name, b in befores.items():  # the whole-string form: search(before)
            assert _same(b.search(text[-30:]), b.rx.search(text[-30:])), (name, text[-30:])
    assert hits > 0  # the texts do hold qualifiers, ranges and articles before figures


def test_a_final_newline_does_not_hide_a_match():
    """re's "$" also matches before a final newline: "three and a half\\n" ends with a half."""
    g = grammar("en")
    text = "three and a half\n"
    assert g.plus_half_before.rx.search(text) is not None
    assert _same(g.plus_half_before.search(text), g.plus_half_before.rx.search(text))
