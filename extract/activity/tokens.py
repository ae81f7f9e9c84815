"""How the coder cuts a sentence into words (lowercased, with their offsets), and the marks between them."""
from __future__ import annotations

import re
from collections.abc import Callable
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


_CLAUSE_MARKS = frozenset(".,;:!?()\"«»„“”")
# (within a sentence a dot is an abbreviation's, "2 Mio. Tonnen", and a comma without a space a decimal one)
_CLAUSE_BREAK = re.compile(r"[;:!?()\"«»„“”]|,\s")
_SEPARABLE_REACH = 15  # "führt aus China vor allem Autos und Maschinen ein": the verb to its particle


def join_separable(text: str, lows: list[str], starts: list[int], ends: list[int], particles: frozenset[str],
                   known: Callable[[str], bool]) -> list[str]:
    """The words with each separable verb read whole: a particle that ends its clause ("Kasachstan führt
    Weizen ein.", "nahmen am Gipfel teil,") joins the nearest lowercase word before it in that clause
    whose joined form the grammar knows ("einführt", "teilnahmen"); nouns are capitalised, so a noun
    never takes it. The particle itself stays; offsets are unchanged."""
    out = lows
    n = len(lows)
    for p in range(1, n):
        if lows[p] not in particles:
            continue
        after = text[ends[p]:starts[p + 1]] if p + 1 < n else "."
        if _CLAUSE_MARKS.isdisjoint(after):
            continue  # not at its clause's end: a preposition ("aus China")
        for k in range(p - 1, max(-1, p - 1 - _SEPARABLE_REACH), -1):
            if _CLAUSE_BREAK.search(text, ends[k], starts[k + 1]):
                break
            if not text[starts[k]].islower():
                continue
            joined = lows[p] + lows[k]
            if known(joined):
                if out is lows:
                    out = list(lows)
                out[k] = joined
                break
    return out


_GAP_DASH = re.compile(r"\s[—–-]\s")  # a dash that stands for a left-out verb ("а зерно — в Иран")
_DASH = re.compile("[-–—‑]")
