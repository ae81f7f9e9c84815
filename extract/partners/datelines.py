"""Datelines: the city that opens a news lead is where the story was filed, not a partner.

Recognised at the start of a line: a city, an optional agency in parentheses,
an optional date after a comma, then a dash:
    LONDON, Sept 9 –        PARIS (AFP) –        АСТАНА, 12 марта —
    БУРГАС, 4 юли –         JAKARTA -            Moscow, March 3 (Reuters) -
    ASTANA/VIENNA, March 3 -  (two cities: neither is a partner)
An upper-case city needs nothing else; a title-case one needs the agency or a
date with a digit, so that a headline such as "Rosja – Kazachstan: ..." stays text.
"""
from __future__ import annotations

import re

_LINE = re.compile(r"^[ \t\u00a0]*(?P<head>[^\n]{2,70}?)[ \t\u00a0]+[-–—][ \t\u00a0]", re.M)
_NAME = r"[^\W\d_][^\W\d_'’.\- /]*(?:[ \-][^\W\d_][^\W\d_'’.\-/]*){0,3}"
# one city, or two or three filed from together: "ASTANA/VIENNA, March 3 -", "Astana / Vienna (Reuters) -"
_CITY = re.compile(rf"(?P<city>{_NAME}(?:[ \t\u00a0]?/[ \t\u00a0]?{_NAME}){{0,2}})")
_AGENCY = re.compile(r"^\s*\([^()\n]{1,25}\)\s*$")
# what every dateline line holds: a dash between spaces (most lines have none, and _LINE
# would try 70 lengths of head at each of them)
_GAP_SPACES = " \t\u00a0"
_GAP_DASHES = "-–—"


def dateline_spans(text: str, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of dateline cities in text[:end]."""
    out = []
    for m in _lines(text, len(text) if end is None else end):
        head = m.group("head")
        c = _CITY.match(head)
        if not c:
            continue
        city = c.group("city")
        rest = head[c.end():]
        agency = date = False
        if rest.startswith(","):
            after = rest[1:]
            paren = after.find("(")
            date_part, agency_part = (after[:paren], after[paren:]) if paren >= 0 else (after, "")
            date = bool(re.search(r"\d", date_part)) and len(date_part) <= 30
            agency = bool(agency_part) and bool(_AGENCY.match(agency_part))
            if not date:
                continue
        elif rest.strip():
            if not _AGENCY.match(rest):
                continue
            agency = True
        letters = [ch for ch in city if ch.isalpha()]
        upper = len(letters) >= 3 and all(ch.isupper() for ch in letters)
        if upper or agency or date:
            if not upper and not city[:1].isupper():
                continue
            s = m.start("head") + c.start("city")
            out.append((s, s + len(city)))
    out += [sp for sp in _dot_datelines(text, len(text) if end is None else end) if sp not in out]
    out += [sp for sp in _home_pairs(text, len(text) if end is None else end) if sp not in out]
    return sorted(out)


# a Kazakh city and a foreign one filed from together, title case, with neither date nor agency:
# "Astana/Vienne – Le projet ...", "Астана/Київ. За січень ...", "Алматы/Пекин. «...»" (a headline
# never opens with a Kazakh city, a slash and a city)
_HOME = r"(?:Astana|Almaty|Nur-Sultan|Aktau|Atyrau|Астана|Алматы|Алмати|Нур-Султан|Ақтау|Актау|Атырау)"
_HOME_PAIR = re.compile(rf"[ \t\u00a0]*(?P<city>{_HOME}[ \t\u00a0]?/[ \t\u00a0]?[^\W\d_][^\W\d_'’\-]*)"
                        rf"(?=[ \t\u00a0]+[-–—][ \t\u00a0]|[.,][ \t\u00a0])")


def _home_pairs(text: str, end: int) -> list[tuple[int, int]]:
    """The pairs at the start of a line (a match stays on its line): tried at each line start, not
    at every character as a multi-line "^" would be."""
    out = []
    pos, top = 0, min(end, _DOT_TOP * 2)
    while pos < top:
        m = _HOME_PAIR.match(text, pos, top)
        if m:
            out.append(m.span("city"))
        pos = text.find("\n", pos, top) + 1
        if pos == 0:
            break
    return out


# agency style with a dot, no dash: "МОСКВА, 5 мая. /ТАСС/. ...", "ПЕКИН, 5 мая. ...", "Москва. 5 мая. ..."
# (a city, a comma or a dot, a date with a digit, a dot), near the top of the text
_DOT_LINE = re.compile(rf"[ \t\u00a0]*{_CITY.pattern}[,.][ \t\u00a0]+(?P<date>[^\n.]{{0,25}}\d[^\n.]{{0,25}})\.[ \t\u00a0]")
_DOT_TOP = 600
_DOT_HINT = re.compile(r"[,.][ \t\u00a0]+[^\n.]{0,25}\d[^\n.]{0,25}\.[ \t\u00a0]")


def _city_words(city: str) -> bool:
    """A city's name: capitalised words, a short lower-case one between them ("Frankfurt am Main"), not
    the opening words of a sentence ("Експорт вовни до Китаю, навпаки, скоротився на 2,1 тис. тонн.")."""
    words = re.split(r"[ \t\u00a0/]+", city.strip())
    return words[-1][:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in words)


def _dot_datelines(text: str, end: int) -> list[tuple[int, int]]:
    out = []
    pos, top = 0, min(end, _DOT_TOP)
    while pos < top:
        m = _DOT_LINE.match(text, pos, end) if _DOT_HINT.search(text, pos, min(end, pos + 60)) else None
        if m:
            city = m.group("city")
            letters = [ch for ch in city if ch.isalpha()]
            date = m.group("date")  # a day and a month name: "5 мая", "12 марта 2025 г" (not "2024")
            if len(letters) >= 3 and city[:1].isupper() and len(date) <= 30 and any(ch.isalpha() for ch in date) and (
                    _city_words(city)):
                out.append(m.span("city"))
        nl = text.find("\n", pos, top)
        if nl < 0:
            break
        pos = nl + 1
    return out


def _lines(text: str, end: int):
    """The matches of _LINE in text[:end] (at most one per line), tried only on lines with a dash gap."""
    pos = 0
    for gap in _dash_gaps(text, end):
        if gap < pos:
            continue  # a later gap on a line already tried
        line_start = text.rfind("\n", 0, gap) + 1
        m = _LINE.match(text, line_start, end)
        if m:
            yield m
        nl = text.find("\n", gap + 3, end)
        if nl < 0:
            return
        pos = nl + 1


def _dash_gaps(text: str, end: int) -> list[int]:
    """Where the dashes between spaces in text[:end] start (at the space before the dash), in order.
    str.find jumps from dash to dash; a regex scan stops at every space, ten times as slow."""
    out = []
    end = min(end, len(text))
    for dash in _GAP_DASHES:
        i = text.find(dash, 1, end - 1)
        while i >= 0:
            if text[i - 1] in _GAP_SPACES and text[i + 1] in _GAP_SPACES:
                out.append(i - 1)
            i = text.find(dash, i + 1, end - 1)
    out.sort()
    return out
