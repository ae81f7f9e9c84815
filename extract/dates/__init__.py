"""Date figures: day, month, year and weekday as the text states them.

    find_dates(text, lang, sentences, end, published=None) -> list[Figure]

Rules over CLDR names, no date parser: one regex per language built from the
grammar seeds (patterns.py), checked and turned into fields (interpret.py),
resolved against the publication date when one is known (resolve.py).
The spans returned here are handed to the figures extractor as taken, so a
year or a day number is never also read as a count.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from ..model import Figure, Sentence
from .interpret import Interpreter
from .patterns import SHAPES, compiled
from .resolve import resolve

__all__ = ["find_dates"]


def find_dates(text: str, lang: str, sentences: list[Sentence], end: int, published: date | None = None) -> list[Figure]:
    if not text or not sentences or lang is None:
        return []
    try:
        comp = compiled(lang)
    except (FileNotFoundError, KeyError):
        return []
    if not comp.lex.months and not comp.lex.weekdays:
        return []  # no grammar for this language
    sentence_starts = [s.start_char for s in sentences]
    low = _lower(text)
    interp = Interpreter(comp, text, low, end)
    out: list[Figure] = []
    pos = sentences[0].start_char
    d12_tail = comp.d12_tail.match if comp.d12_tail is not None else None
    last_token = -1  # the last core a d12 date could hold as its day (see below)
    for c, kind in _cores(comp, low, pos, end):
        if c < pos:
            continue  # inside the previous date
        if kind == "d12" and d12_tail is not None:
            # Most 1-2 digit numbers are no day: skip one early when no "d12" regex can match
            # at it or at a preposition before it. Wherever that regex matches, the first
            # number or spelled-day core from the match start on is its day (its lead words
            # hold no digit: patterns._day_tokens_are_cores), and then either a spelled day
            # or a number where d12_tail (the shapes from the day on) matches. So a number
            # where d12_tail fails is skipped unless such a core lies between its earliest
            # candidate start and it. tests/test_dates_early_reject.py checks that invariant.
            if d12_tail(low, c, end) is not None:
                last_token = c
            elif last_token < pos or last_token < c - LEAD_WINDOW:
                continue
        elif kind == "ordinal" or kind == "any":
            last_token = c
        # a date starts at its core or at a preposition shortly before it
        candidates = [m.start() for m in comp.leads.finditer(low, max(pos, c - LEAD_WINDOW), c)]
        parts = _first_date(comp, interp, low, candidates + [c], kind, end)
        if parts is None:
            continue
        pos = parts.end
        i = bisect_right(sentence_starts, parts.start) - 1
        if i < 0 or parts.start >= sentences[i].end_char:
            continue  # between sentences (should not happen with the splitter's spans)
        out.append(Figure(
            kind="date", sentence_index=sentences[i].index,
            start_char=parts.start, end_char=parts.end, surface_text=text[parts.start:parts.end],
            date_year=parts.year, date_month=parts.month, date_day=parts.day, weekday=parts.weekday,
            date_resolved=resolve(parts.year, parts.month, parts.day, parts.weekday, published)))
    return out


def _cores(comp, low, pos, end):
    """(offset, kind) of every possible date core, in text order: a 1-2 or 4 digit number
    ("d12", "d4") or a whole word that starts a month, weekday or ordinal name."""
    found = []
    words = comp.core_words
    n = len(low)
    # the scans find a word through the character before it, so a word at `pos` is tried alone
    if not (pos > 0 and low[pos - 1].isalpha()):
        m = comp.core_word.match(low, pos, end)
        if m is not None and not (m.end() < n and low[m.end()].isalpha()):
            found.append((pos, words[m.group()]))
    for m in comp.core_after_space.finditer(low, pos, end):
        e = m.end()
        if not (e < n and low[e].isalpha()):
            found.append((m.start() + 1, words[m.group(1)]))
    for m in comp.core_scan.finditer(low, pos, end):
        rest, after, w = m.groups()
        s = m.start()
        if rest is not None:  # a digit run from s ("2024": the digit matched and the rest)
            if len(rest) <= 1:
                found.append((s, "d12"))
            elif len(rest) == 3:
                found.append((s, "d4"))
            s, w = s + len(rest) + 1, after  # "2024january"
        else:
            s += 1  # a word after the character matched
        if w is not None:
            e = s + len(w)
            if not low[s - 1].isalpha() and not (e < n and low[e].isalpha()):
                found.append((s, words[w]))
    found.sort()  # the two scans merged (no two cores share an offset)
    return found


# how far before its first digit or name a date may start ("au cours du mois de juillet")
LEAD_WINDOW = 40


def _lower(text: str) -> str:
    """Lowercased text with the same offsets (a few characters grow when lowercased: "İ")."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _first_date(comp, interp, low, starts, kind, end):
    """The date at the first of `starts` where one matches and passes its checks.

    Matching only at a core (a number or a month, weekday or ordinal name) or at a
    preposition shortly before one, instead of searching the whole text, keeps this
    fast: most positions cannot start a date.
    """
    regex = comp.by_core[kind]
    for s in starts:
        m = regex.match(low, s, end)
        if m is None:
            continue
        parts = interp.interpret(m) or _later_shape(comp, interp, low, m, end)
        if parts is not None:
            return parts
    return None


def _later_shape(comp, interp, low, m, end):
    """The first later shape that matches at the same place and passes its checks."""
    shape = m.lastgroup[len("alt_"):]
    for rx in comp.shape_regexes[SHAPES.index(shape) + 1:]:
        m2 = rx.match(low, m.start(), end)
        if m2 is not None:
            parts = interp.interpret(m2)
            if parts is not None:
                return parts
    return None
