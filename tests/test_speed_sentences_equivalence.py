"""split_sentences and find_boilerplate_start have fast paths (one scan for the breaks, with a pattern
per punctuation mark; a look-behind that spares the abbreviation test; no white-space trimming; the
boilerplate marker searched after a line end): each must give what the plain computation below gives."""
from __future__ import annotations

import random
import re

import pytest

from extract.boilerplate import TAIL_KINDS, _marker_pattern, find_boilerplate_start
from extract.model import Sentence
from extract.sentences import _NON_FINAL, _is_initial, _join_country_titles, _ordinal_dot, split_sentences

from conftest import DEV_CORPUS, EXAMPLES, SEEDS

# ---- the plain computations (the code before the fast paths) ------------------------------------------

_PLAIN_BREAK = re.compile(r"""(?<=[.!?…])["»”’)\]]*[ \t\u00a0\u202f]+""")
_PLAIN_OPENERS = "-–—„“\"«('‘ \u00a0"
_PLAIN_LAST_WORD_REVERSED = re.compile(r"\.([\w№\-.]+)")


def plain_split(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[:end]):
        if line.end() <= start:
            continue
        ls, le = max(line.start(), start), line.end()
        cur = ls
        for m in _PLAIN_BREAK.finditer(text, ls, le):
            nxt = m.end()
            while nxt < le and text[nxt] in _PLAIN_OPENERS:
                nxt += 1
            if nxt >= le or not (text[nxt].isupper() or text[nxt].isdigit()):
                continue
            if text[m.start() - 1:m.start()] == "." and text[m.start() - 2:m.start() - 1].isdigit() and _ordinal_dot(
                    text, cur, m.start() - 1, nxt):
                continue
            head = text[max(cur, m.start() - 40):m.start()].rstrip()
            w = _PLAIN_LAST_WORD_REVERSED.match(head[::-1])
            if w:
                word = w.group(1)[::-1]
                if word.lower() in _NON_FINAL or _is_initial(word):
                    continue
            spans.append((cur, m.start()))
            cur = m.end()
        spans.append((cur, le))
    out: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sentence(len(out), s, e))
    # (the same joining step after both: "U.S. Trade Representative" is one name)
    starts, ends = [x.start_char for x in out], [x.end_char for x in out]
    _join_country_titles(text, starts, ends)
    return [Sentence(i, a, b) for i, (a, b) in enumerate(zip(starts, ends))]


def plain_boilerplate_start(text: str) -> int:
    for m in _marker_pattern().finditer(text):
        if len(m.group(0).strip()) > 160:
            continue
        if m.start() < len(text) * 0.3:
            continue
        start = m.start()
        while start > 0 and text[start - 1] in " \t\n\r":
            start -= 1
        return start
    return len(text)


# ---- texts ------------------------------------------------------------------------------------------

def _real_texts() -> list[str]:
    import json
    paths = sorted(SEEDS.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for p in sorted(EXAMPLES.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


ADVERSARIAL = [
    "", " ", "\n", "\n\n \n", "...", "... A", "Hi... There", "U.S. The", "the U.S. The end.", "A. B. Smith said.",
    "Mr. Smith. Dr. Who? Yes! No… Maybe.", 'He said "stop." Then left.', "He said “stop.” Then left.",
    "He said «stop.» Then left.", "(It was.) Then", "Really?! Yes.", "What?!\u00a0Yes.\u202fNo.",
    "line one.\r\nLine two.\r\n\r\nLine three", "end. - Then", "end. — Then", "end. „Then", "end. 2025 was",
    "end. a lower", "x" * 3000, ("word " * 800).strip(), "A. " * 200, ". " * 200, "ок. Россия", "ok. Rosji",
    "т.е. Это", "Sen. Smith. Gov. Jones.", "He is J. Smith.", "APPROX. 5", "approx. 5", "İm. A", "MLN. A",
    " Lead. Trail. ", "\n Start. Next\n", "x.\u2003Y", "x.\x0bY", "a\u2028b. C", "end.)]\" Next", "ab_. A",
    "12. A", "ok.. A", "a.  . B", "…A …B … C", "\t\tT. U\t\t", "X.\n.Y. Z", "Ǆ. Ǆ", "ǅ. Title", "Ⅻ. Roman",
]


def _fuzz_texts(n: int, seed: int) -> list[str]:
    """Sentences of abbreviations in any case, initials, numbers and odd characters, with every kind of
    break; two in three hold only dots (the one-pattern scan), the others all punctuation marks."""
    rnd = random.Random(seed)
    words = sorted(_NON_FINAL)
    odd = ["A", "b", "İ", "K", "x", "Ǆ", "ǅ", "Ⅻ", "7", "²", "_", "-", "№", "ß", "Σ", "U.S", "3.5"]
    seps = [". ", ". ", ".  ", ".\u00a0", '." ', ".) ", ".\n", " ", " ", "\n", "\n\n", ". - ", ". „", ".", ".\t",
            " \n ", "? ", "! ", "… ", "?! ", ".\r\n", ".\u2003", ". \u202f"]
    out = []
    for _ in range(n):
        only_dots = rnd.random() < 0.67
        parts = []
        for _ in range(rnd.randint(0, 14)):
            r = rnd.random()
            if r < 0.4:
                parts.append("".join(c.upper() if rnd.random() < 0.3 else c for c in rnd.choice(words)))
            elif r < 0.6:
                parts.append(rnd.choice(odd))
            else:
                parts.append("".join(rnd.choice("abcXYZабвГДЖ1._-") for _ in range(rnd.randint(1, 9))))
            sep = rnd.choice(seps)
            parts.append(re.sub("[?!…]", ".", sep) if only_dots else sep)
        out.append("".join(parts))
    return out


def _calls(text: str, rnd: random.Random):
    n = len(text)
    yield 0, None
    yield 0, n
    for _ in range(3):
        yield rnd.randint(0, n), rnd.randint(0, n)
    yield rnd.randint(0, n), None
    yield -2, n + 5
    yield 0, -rnd.randint(0, n + 2)


def _same(text: str, start, end) -> None:
    assert split_sentences(text, start, end) == plain_split(text, start, end), (text[:200], start, end)


# ---- tests ------------------------------------------------------------------------------------------

def test_split_sentences_is_the_plain_split_on_real_texts():
    rnd = random.Random(7)
    texts = _real_texts()
    assert len(texts) > 100
    for text in texts:
        for start, end in _calls(text, rnd):
            _same(text, start, end)
        # offsets at and around every break (a start right after punctuation is its own case)
        for m in re.finditer(r"[.!?…]", text):
            for start in (m.start(), m.end(), m.end() + 1):
                _same(text, start, None)


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_split_sentences_is_the_plain_split_on_odd_texts(text):
    for start in range(min(len(text), 12) + 1):
        for end in [None, *range(start, min(len(text), 14) + 1)]:
            _same(text, start, end)


@pytest.mark.parametrize("seed", range(4))
def test_split_sentences_is_the_plain_split_on_random_texts(seed):
    rnd = random.Random(seed)
    for text in _fuzz_texts(1500, seed):
        for start, end in _calls(text, rnd):
            _same(text, start, end)


def test_boilerplate_start_is_the_plain_search():
    from extract.reference import load_csv
    markers = sorted({r["marker"] for r in load_csv("boilerplate_markers") if r["block_kind"] in TAIL_KINDS})
    rnd = random.Random(3)
    pieces = markers + [m.upper() for m in markers] + [
        "\n", "\n", "\n\n", " ", "\t", "- ", "* ", "• ", "> ", "— ", ": ", ":", " | link", "»", "\u00a0", "\r\n",
        "x" * 170, "Some prose here.", "word", "é", "\r"]
    texts = _real_texts() + ADVERSARIAL
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(20000)]
    cut = 0
    for text in texts:
        found = find_boilerplate_start(text)
        assert found == plain_boilerplate_start(text), text[:200]
        cut += found != len(text)
    assert cut > 300  # the markers were found, not only missed (420 of the 20,000 random texts with 137 tail markers)
