"""Trailing page boilerplate: "Read also" blocks and "Latest news" sidebars.

Such a block starts on a line of its own that opens with a marker from
seeds/boilerplate_markers.csv and runs to the end of the file. The markers of
every language are tried, so a Russian sidebar under an English article is
still cut.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .reference import load_csv

_MAX_MARKER_LINE = 160  # a marker line with a long paragraph after it is prose, not a block


@lru_cache(maxsize=1)
def _marker_pattern() -> re.Pattern[str]:
    markers = sorted({r["marker"] for r in load_csv("boilerplate_markers")}, key=len, reverse=True)
    alts = "|".join(re.escape(m) for m in markers)
    # at a line start, optionally after bullets; the marker must end the word
    # and be alone on its line or followed by ":" and a link text ("Related to the deal, ..." is prose)
    return re.compile(rf"(?im)^[ \t>*•\-–—]*(?:{alts})[ \t\u00a0]*(?:[:|»›>\-–—][^\n]*)?$")


@lru_cache(maxsize=1)
def _marker_after_newline() -> re.Pattern[str]:
    """_marker_pattern at the start of a line other than the first, with the "\n" before it: a pattern
    that starts with a literal is scanned for fast, one that starts with ^ is tried at every character."""
    return re.compile("\n" + _marker_pattern().pattern.replace("(?im)^", "(?im:", 1) + ")")


def find_boilerplate_start(text: str, lang: str | None = None) -> int:
    """Offset where the trailing boilerplate block starts, or len(text) when there is none."""
    # A marker in the first third is a menu or an inline link, not the tail block: the search starts at
    # the first line end that may precede a line start outside it (on the first line, one never is).
    first = max(int(len(text) * 0.3) - 1, 0)
    for m in _marker_after_newline().finditer(text, first):
        line = m.group()[1:]
        if len(line.strip()) > _MAX_MARKER_LINE:
            continue
        start = m.start() + 1
        if start < len(text) * 0.3:
            continue
        while start > 0 and text[start - 1] in " \t\n\r":
            start -= 1
        return start
    return len(text)
