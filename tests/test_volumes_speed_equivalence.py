"""volumes._CLAUSE_BREAK is written to start with one character class (a fast scan); it must find
exactly the breaks the plain pattern finds, wherever a scan starts or stops."""
from __future__ import annotations

import random
import re

from extract.volumes import _CLAUSE_BREAK

from conftest import LANGS, SEEDS, example_texts, glued_examples

# ---- the plain computation (the pattern before the fast path) ---------------------------------------------
_PLAIN_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()]|\s[—–-]\s")


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for lang in LANGS:
        examples = example_texts(lang, ("figures",))
        texts += examples + glued_examples(examples, [",", "1,", ",5", " - ", " — ", "\n–\n", ";", "(", ":"], 40, lang)
    return texts


def test_clause_breaks_are_the_plain_patterns():
    rnd = random.Random(11)
    found = 0
    for text in _texts():
        bounds = [(0, len(text))] + [tuple(sorted(rnd.randrange(len(text) + 1) for _ in range(2))) for _ in range(3)]
        for lo, hi in bounds:
            want = [(m.span(), m.group()) for m in _PLAIN_CLAUSE_BREAK.finditer(text, lo, hi)]
            assert [(m.span(), m.group()) for m in _CLAUSE_BREAK.finditer(text, lo, hi)] == want, text[lo:hi]
            m = _CLAUSE_BREAK.search(text, lo, hi)
            assert (m and m.span()) == (want[0][0] if want else None)
            found += len(want)
    assert found > 1000
