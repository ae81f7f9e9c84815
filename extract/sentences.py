"""Sentence splitting that keeps character offsets.

A rule splitter, not a model: news text breaks at line ends and at ., !, ?, …
followed by a capital (or an opening quote or dash before one). Abbreviations
that end with a dot and are followed by a capital ("U.S. The", "ok. Rosji")
are rare enough in this domain that we split there only when the abbreviation
is not a known non-final one (titles and initials).
"""
from __future__ import annotations

import re

from .model import Sentence

# Words after which a dot does not end a sentence even before a capital letter.
_NON_FINAL = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "sgt", "col", "lt", "jr", "sr",
    "ul", "al", "pl", "ks", "inż", "mgr", "płk", "gen", "min", "im",
    "г-н", "г-жа", "им", "ул", "пр", "проф", "акад", "д-р", "инж",
    "m", "mme", "mlle", "me", "pr", "dr", "st", "ste",
    "nr", "no", "№", "vs", "etc", "ca", "approx", "см", "ср", "напр", "т", "т.е", "т.н",
    # magnitude and hedge abbreviations that sit before a number or a (German, capitalised) noun
    "mio", "mrd", "tsd", "bio", "mln", "mld", "tys", "ok", "с", "стр", "млн", "млрд", "тыс", "хил", "бл",
}

# sentence-final punctuation, closing quotes, a space; what follows is checked in code
_BREAK = re.compile(r"""(?<=[.!?…])["»”’)\]]*[ \t\u00a0\u202f]+""")
_OPENERS = "-–—„“\"«('‘ \u00a0"
# the word before a final dot, read backwards: "U.S." -> "U.S" (a forward search for "...\.$" would
# retry from every position of the look-back, each time running to its end)
_LAST_WORD_REVERSED = re.compile(r"\.([\w№\-.]+)")
_LOOK_BACK = 40  # characters before a break in which its last word is read


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end] as offsets into text."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[:end]):
        if line.end() <= start:
            continue
        ls, le = max(line.start(), start), line.end()
        cur = ls
        for m in _BREAK.finditer(text, ls, le):
            nxt = m.end()
            while nxt < le and text[nxt] in _OPENERS:
                nxt += 1
            if nxt >= le or not (text[nxt].isupper() or text[nxt].isdigit()):
                continue
            # only the last word matters: a bounded look-back keeps this linear in the line's length
            head = text[max(cur, m.start() - _LOOK_BACK):m.start()].rstrip()
            w = _LAST_WORD_REVERSED.match(head[::-1])
            if w:
                word = w.group(1)[::-1]
                if word.lower() in _NON_FINAL or _is_initial(word):
                    continue
            spans.append((cur, m.start()))
            cur = m.end()
        spans.append((cur, le))
    out: list[Sentence] = []
    for s, e in spans:
        # trim white space so each sentence's text starts and ends on a character
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sentence(len(out), s, e))
    return out


def _is_initial(word: str) -> bool:
    # "J." or "A.B." — a person's initial, not a sentence end
    return len(word) == 1 and word.isupper()


def sentence_at(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence holding offset; -1 when outside all."""
    s = sentence_holding(sentences, offset, offset)
    return s.index if s is not None else -1


def sentence_holding(sentences: list[Sentence], start: int, stop: int) -> Sentence | None:
    """The sentence of the list (any subset, in order) that holds text[start:stop] whole, or None."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if start < s.start_char:
            hi = mid - 1
        elif start >= s.end_char:
            lo = mid + 1
        else:
            return s if stop <= s.end_char else None
    return None
