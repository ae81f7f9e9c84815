"""Cleaning a decoded article into the stored body_text.

body_text is the headline as its first line, then the body, with decoration
lines (emoji rows), trailing boilerplate blocks and stray white space removed.
Paragraphs stay separated by a blank line. Every offset in the warehouse
points into this cleaned text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .boilerplate import find_boilerplate_start

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]+")  # only ASCII spaces: U+00A0/U+202F are kept, they sit inside figures
_HEADLINE_MAX = 200


@dataclass(slots=True)
class CleanText:
    title: str | None
    body_text: str
    boilerplate_removed: bool
    headline_detected: bool


def clean_text(raw: str, lang: str | None = None, title: str | None = None) -> CleanText:
    text = unicodedata.normalize("NFC", raw).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    cut = find_boilerplate_start(text, lang)
    removed = cut < len(text)
    text = text[:cut]
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    # leading decoration: lines with no letter or digit (🛢, 🌾🌾🌾, ***)
    while lines and not _has_word(lines[0]):
        lines.pop(0)
    paragraphs: list[str] = []
    blank = False
    for ln in lines:
        if not ln or not _has_word(ln):
            blank = True
            continue
        if blank and paragraphs:
            paragraphs.append("")
        paragraphs.append(ln)
        blank = False
    body = "\n".join(paragraphs)
    headline = paragraphs[0] if paragraphs else None
    detected = bool(headline) and is_headline(headline, paragraphs[1:2])
    if title is None:
        title = headline if detected else first_sentence(body)
    return CleanText(title=title, body_text=body, boilerplate_removed=removed, headline_detected=detected)


def _has_word(line: str) -> bool:
    return any(ch.isalnum() for ch in line)


def is_headline(line: str, following: list[str]) -> bool:
    """A headline is a short first line that does not end like a sentence of the lead."""
    if len(line) > _HEADLINE_MAX or not following:
        return False
    if line.rstrip().endswith((".", ",", ";", ":")) and not line.rstrip().endswith(("...", "…")):
        return False
    return True


def first_sentence(body: str, limit: int = 160) -> str | None:
    if not body:
        return None
    line = body.split("\n", 1)[0]
    m = re.search(r"[.!?…](\s|$)", line)
    s = line[: m.end()].strip() if m else line
    return s if len(s) <= limit else s[: limit - 1].rsplit(" ", 1)[0] + "…"
