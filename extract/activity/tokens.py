"""How the coder cuts a sentence into words (lowercased, with their offsets), and the marks between them."""
from __future__ import annotations

import re
from itertools import accumulate

from .words import _APOS_PAIRS, norm


# Words; an apostrophe splits ("l’interdiction" -> l, interdiction) but English n't stays on its verb
# (the same as \w+n't\b|\w+ without backing off through every word to look for an "n't")
# (the apostrophe is tried before the look-behind: most words have none after them)
_WORD = re.compile(r"\w+(?:['’](?<=\wn['’])t\b)?")
_WORD_SPLIT = re.compile(r"(\w+(?:['’](?<=\wn['’])t\b)?)")


def _words(text: str, a: int, b: int) -> tuple[list[str], list[int], list[int]]:
    """The lowercased words of text[a:b] with their start and end offsets, cut in C (str.lower,
    re.split, accumulate): per-word Python calls would cost more than the coding itself."""
    sentence = text[a:b]
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a letter whose lowercase is longer ("İ"): word by word
        spans = [m.span() for m in _WORD.finditer(text, a, b)]
        return [norm(text[x:y]) for x, y in spans], [x for x, _ in spans], [y for _, y in spans]
    for x, y in _APOS_PAIRS:
        if x in lowered:
            lowered = lowered.replace(x, y)
    parts = _WORD_SPLIT.split(lowered)  # separator, word, separator, ..., word, separator
    offsets = list(accumulate(map(len, parts), initial=a))
    n = len(parts) - 1
    return parts[1::2], offsets[1:n:2], offsets[2:n + 1:2]


_GAP_DASH = re.compile(r"\s[—–-]\s")  # a dash that stands for a left-out verb ("а зерно — в Иран")
_DASH = re.compile("[-–—‑]")
