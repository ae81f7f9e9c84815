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

from .boilerplate import body_end, chrome_lines

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]+")  # only ASCII spaces: U+00A0/U+202F are kept, they sit inside figures
_HEADLINE_MAX = 200
_CHROME_LONGEST = 300  # a paywall note may be a long line


_LAST_LOWERED: list = [("", "")]  # (text, text.lower()) of the last article asked about


def lowered(text: str) -> str:
    """text.lower(), computed once per article: the date and figure readers both scan the
    lowercased article. (One slot holding a pair: a reader in another thread sees a whole pair.)"""
    last = _LAST_LOWERED[0]
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LAST_LOWERED[0] = (text, low)
    return low


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
    cut = body_end(text, lang)
    removed = cut < len(text)
    text = text[:cut]
    chrome = {s for s, _e in chrome_lines(text, longest=_CHROME_LONGEST)}
    lines, pos = [], 0
    for ln in text.split("\n"):
        # page chrome (menus, breadcrumbs, bylines, share lines, counters, paywall notes) is no text:
        # its line goes, as a blank line would
        lines.append("" if pos in chrome else _SPACES.sub(" ", ln).strip())
        pos += len(ln) + 1
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
    body = unwrap_soft_breaks("\n".join(paragraphs))
    headline = paragraphs[0] if paragraphs else None
    detected = bool(headline) and is_headline(headline, paragraphs[1:2])
    if title is None:
        title = headline if detected else first_sentence(body)
    return CleanText(title=title, body_text=body, boilerplate_removed=removed, headline_detected=detected)


# Hard-wrapped text (agency reprints, plain-text feeds, narrow mobile scrapes) breaks lines every
# 30-80 characters in the middle of sentences. A line end is a soft break, read as a space, when the
# line before it is as long as a wrapped line and the line after it goes on with the sentence: a
# lowercase word or a number ("3.8 million\ntons", "in September\n2023"). Inside a paragraph that is
# wrapped so, a long line followed by a capital is a soft break too ("exports to\nChina"), and anywhere
# a line of the text's full wrap width that stops in mid-sentence ("1,8 Millionen\nTonnen": German
# capitals). Blank lines, list items, short lines (headlines, chrome) and the first line (the
# headline) stay separate. "As long as a wrapped line" is measured against the text's own wrap width
# when it has one: a text wrapped at 40 has lines of 28-40 characters, all of them cut by the wrap.
_WRAP_MIN, _WRAP_MAX, _WRAP_PARAGRAPH_MIN = 35, 100, 50
_WRAP_SLACK = 12  # a line this close to the wrap width (of 70) was cut by the wrap, not by its writer
_NARROW_MIN = 28  # the narrowest wrap width read as one (a column of 30 characters, less its slack)
_SENTENCE_END = (".", "!", "?", "…", ":", ";", "»", "”", '"')
# (a number and a dot alone on a line ends a wrapped date, "from January\n1.": an item has words after it)
_LIST_ITEM = re.compile(r"[-•*–—·▪►✓+>]|\d{1,2}[.)]\s|\(?[a-zа-я]\)\s|\d{1,2}:\d\d(?!\d)")
_LINE_SPAN = re.compile(r"[^\n]*")
# a line as long as a wrapped one, followed by a line with text: texts without one have no soft break
_LINE_THEN_TEXT = re.compile(r"\n(?=[ \t]*[^\s])")


def _has_wrapped_line(text: str) -> bool:
    for m in _LINE_THEN_TEXT.finditer(text):
        e = m.start()
        if _NARROW_MIN - 8 <= e - (text.rfind("\n", 0, e) + 1) <= _WRAP_MAX + 20:
            return True
    return False


def _wrap_width(inner: list[int]) -> tuple[int, int]:
    """(width, slack) of a text whose inner line lengths are `inner`: the longest line that another
    line follows, when at least three lines come that close to it (a web page's intertitles are not
    a wrapped text); a narrow width also needs most lines to be that long. (10**9, 12) without one."""
    width = max(inner, default=0)
    slack = max(5, round(width * _WRAP_SLACK / 70))
    near = sum(1 for n in inner if n >= width - slack)
    if near < 3 or width < _NARROW_MIN or (width < _WRAP_MIN + _WRAP_SLACK and near * 2 < len(inner)):
        return 10 ** 9, _WRAP_SLACK
    return width, slack


def soft_breaks(text: str, chrome: list[tuple[int, int]] = ()) -> list[int]:
    """Offsets of the line ends of text that are soft breaks of hard-wrapped lines; the chrome lines
    given (boilerplate.chrome_lines) separate like blank lines."""
    if "\n" not in text or not _has_wrapped_line(text):
        return []
    skip = {s for s, _e in chrome}
    lines = [(m.start(), m.start() if m.start() in skip else m.end()) for m in _LINE_SPAN.finditer(text)
             if m.start() == 0 or text[m.start() - 1] == "\n"]
    inner = [e - s for (s, e), (s2, e2) in zip(lines, lines[1:]) if e - s <= _WRAP_MAX + 20 and _has_word(text[s2:e2])]
    width, slack = _wrap_width(inner)
    # a line this long may end in a soft break: 35 characters, less in a text wrapped narrower
    shortest = min(_WRAP_MIN, width - 2 * slack)
    full = width - slack  # a full-width line
    long_line = min(_WRAP_PARAGRAPH_MIN, full)
    out: list[int] = []
    first = True           # the first line with a word: the headline, or the lead's first line
    run: list[int] = []    # soft breaks of the current paragraph
    weak: list[int] = []   # candidate breaks before a capital, kept when the paragraph is wrapped
    for i, ((s, e), (s2, e2)) in enumerate(zip(lines, lines[1:])):
        a = text[s:e].strip()
        b = text[s2:e2].strip()
        if not _has_word(a) or not _has_word(b):
            if _has_word(a):
                first = False
            out += run + (weak if run else [])
            run, weak = [], []
            continue
        head = first
        first = False
        # the wrap cut this line: the next line's first word would not have fitted on it (a line
        # before a long word may be short: "Südafrika, der weltgrößte\nFerrochromproduzent")
        cut = len(a) + 1 + len(b.split(None, 1)[0]) > width
        c = b[0]
        if (not (shortest <= len(a) <= _WRAP_MAX or (cut and 2 * len(a) >= width))
                or (a.endswith(":") and not (cut and c.islower())) or _LIST_ITEM.match(b)):
            out += run + (weak if run else [])
            run, weak = [], []
            continue
        if c.islower() or (c.isdigit() and not a.endswith((".", "!", "?", "…"))) or c in ",;%)»”":
            run.append(e)
        elif not head and (len(a) >= full or cut) and not a.endswith(_SENTENCE_END):
            run.append(e)  # a full-width line in mid-sentence: "rund 1,8 Millionen\nTonnen" (German nouns)
        elif not head and len(a) >= long_line:
            weak.append(e)
        elif head and cut and not a.endswith(_SENTENCE_END) and _ends_paragraph(text, lines, i + 1):
            out.append(e)  # a headline the wrap cut in two: "exports of coal to\nChina may top 10 mn t"
        else:
            out += run + (weak if run else [])
            run, weak = [], []
    out += run + (weak if run else [])
    return sorted(out)


def _ends_paragraph(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Line i is the last of its paragraph: a blank line (or chrome, or the end) comes after it."""
    return i + 1 >= len(lines) or not _has_word(text[lines[i + 1][0]:lines[i + 1][1]])


def unwrap_soft_breaks(text: str, chrome: list[tuple[int, int]] = ()) -> str:
    """text with its soft line breaks read as spaces: the same length, so offsets keep their place."""
    breaks = soft_breaks(text, chrome)
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


def restore_surfaces(text: str, result) -> None:
    """Surface texts of a result read on the unwrapped text, as they stand in text (line ends kept)."""
    for rec in (*result.mentions, *result.figures, *result.export_volumes, *result.events):
        rec.surface_text = text[rec.start_char:rec.end_char]


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
