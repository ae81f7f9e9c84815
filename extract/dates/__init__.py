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
from dataclasses import fields
from datetime import date

from ..cleaning import lowered
from ..model import Figure, Sentence
from ..reference import load_csv
from ..sentences import sentence_at
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
    low = _lower(text)
    interp = Interpreter(comp, text, low, end)
    out: list[Figure] = []
    pos = sentences[0].start_char
    d12_tail = comp.d12_tail.match if comp.d12_tail is not None else None
    lead_search, by_core = comp.leads.search, comp.by_core
    last_token = -1  # the last core a d12 date could hold as its day (see below)
    for c, kind in _cores(comp, low, pos, end):
        if c < pos:
            continue  # inside the previous date
        if (kind == "d12" or kind == "ordinal") and d12_tail is not None:
            # Most 1-2 digit numbers and ordinal words are no day: skip one early when no
            # "d12" regex can match at it or at a preposition before it. Wherever that regex
            # (or the "ordinal" one, which holds a subset of its shapes) matches, the first
            # number or spelled-day core from the match start on is its day (its lead words
            # hold no digit: patterns._day_tokens_are_cores), and d12_tail (the shapes from
            # the day on) matches there. So such a core where d12_tail fails is skipped unless
            # a core d12_tail matches at (or an "any" word) lies between its earliest candidate
            # start and it. tests/test_dates_early_reject.py and
            # tests/test_dates_speed_ordinals.py check that invariant.
            if d12_tail(low, c, end) is not None:
                last_token = c
            elif last_token < pos or last_token < c - LEAD_WINDOW:
                continue
        elif kind == "any" or kind == "ordinal":  # (an ordinal here: no d12_tail)
            last_token = c
        # a date starts at its core or at a preposition shortly before it
        starts = _lead_starts(lead_search, low, max(pos, c - LEAD_WINDOW), c)
        starts.append(c)
        parts = _first_date(comp, interp, low, starts, by_core[kind], end)
        if parts is None:
            continue
        pos = parts.end
        si = sentence_at(sentences, parts.start)
        if si < 0:
            continue  # between sentences (should not happen with the splitter's spans)
        start, stop = parts.start, parts.end
        year, month, day, weekday = parts.year, parts.month, parts.day, parts.weekday
        if parts.month2 is not None:  # a month range: two dates, the year (if any) on both ends
            out.append(Figure("date", si, start, parts.end1, text[start:parts.end1], None, None, None, None,
                              None, year, month, None, None, resolve(year, month, None, None, published)))
            start, month = parts.start2, parts.month2
        elif parts.year2 is not None:  # a range of years: two dates
            out.append(Figure("date", si, start, parts.end1, text[start:parts.end1], None, None, None, None,
                              None, year, None, None, None, resolve(year, None, None, None, published)))
            start, year = parts.start2, parts.year2
        elif parts.day2 is not None:  # two days of one month: two dates, the month and year on both
            out.append(Figure("date", si, start, parts.end1, text[start:parts.end1], None, None, None, None,
                              None, year, month, day, None, resolve(year, month, day, None, published)))
            start, day = parts.start2, parts.day2
        out.append(Figure(  # positional (see _FIGURE_FIELDS): keywords made this call 2.5 times as slow
            "date", si, start, stop, text[start:stop], None, None, None, None, None,
            year, month, day, weekday, resolve(year, month, day, weekday, published)))
    out = _share_years(text, out, comp.lex, published) if len(out) > 1 else out
    if lang in _CYRILLIC and any(k in text for k in _ENGLISH_MONTH_PARTS) \
            and _ENGLISH_MONTH.search(text, sentences[0].start_char, end):
        # an English date quoted in another language ("сообщил Reuters in September 2023")
        taken = [(f.start_char, f.end_char) for f in out]
        extra = [f for f in find_dates(text, "en", sentences, end, published)
                 if not any(s < f.end_char and f.start_char < e for s, e in taken)]
        out = sorted(out + extra, key=lambda f: f.start_char) if extra else out
    return out


# English month names, capitalised as English writes them: a cheap test before an English date pass
# in a Cyrillic article (the scan jumps from capital to capital: the class comes first)
_ENGLISH_MONTH = re.compile(r"(?=[JFMASOND])\b(?:January|February|March|April|June|July|August|September|"
                            r"October|November|December)\b")
_ENGLISH_MONTH_PARTS = ("ber", "uary", "March", "April", "June", "July", "August")  # substring tests first
_CYRILLIC = {r["lang"] for r in load_csv("languages") if r.get("script") == "cyrillic"}


_LINKS: dict = {}


def _links(lex) -> set[str]:
    """What may stand between the months of a list or range: a dash, "and", "through", "bis"."""
    hit = _LINKS.get(lex.lang)
    if hit is None:
        hit = _LINKS[lex.lang] = {"", "-", "–", "—", ",",
                                  *(w.lower() for w in lex.and_words + lex.preps.get("range_to", []))}
    return hit


def _share_years(text: str, dates: list[Figure], lex, published) -> list[Figure]:
    """The year of a list or range of months belongs to each of them: "January and September 2023",
    "2024 жылғы қаңтар-қазан" (the year before the months, merged into the first); a year written
    before its day and month is theirs ("2025 жылғы 22 сәуірде")."""
    if sum(1 for f in dates if f.date_month is not None and f.date_year is None) == 0:
        return dates  # no month without its year: nothing to share
    links = _links(lex)

    def month_only(f):
        return f.date_month is not None and f.date_day is None and f.weekday is None

    def joined(a, b):
        return a.sentence_index == b.sentence_index and text[a.end_char:b.start_char].strip().lower() in links

    def set_year(f, year, start=None):
        if start is not None:
            f.start_char, f.surface_text = start, text[start:f.end_char]
        f.date_year = year
        f.date_resolved = resolve(year, f.date_month, f.date_day, None, published)

    drop = set()
    for i in range(len(dates) - 1):  # a year right before yearless months ("2024 жылғы қаңтар")
        a, b = dates[i], dates[i + 1]
        if (a.date_year is not None and a.date_month is None and a.date_day is None and a.weekday is None
                and b.date_month is not None and b.weekday is None and b.date_year is None
                and a.sentence_index == b.sentence_index
                and not text[a.end_char:b.start_char].strip()):
            set_year(b, a.date_year, start=a.start_char)
            drop.add(i)
            for j in range(i + 2, len(dates)):
                c = dates[j]
                if not (month_only(c) and c.date_year is None and joined(dates[j - 1], c)):
                    break
                set_year(c, a.date_year)
    for i in range(len(dates) - 2, -1, -1):  # yearless months before a month with its year
        a, b = dates[i], dates[i + 1]
        if month_only(a) and a.date_year is None and month_only(b) and b.date_year is not None and joined(a, b):
            set_year(a, b.date_year)
    return [f for i, f in enumerate(dates) if i not in drop]


# Figure's fields in the order find_dates passes them; checked once, so that a change to the
# model fails here instead of filling the wrong fields
_FIGURE_FIELDS = ("kind", "sentence_index", "start_char", "end_char", "surface_text", "value",
                  "value_max", "unit", "qualifier", "change", "date_year", "date_month", "date_day",
                  "weekday", "date_resolved")
if tuple(f.name for f in fields(Figure)) != _FIGURE_FIELDS:
    raise ImportError("extract.model.Figure's fields changed: update the Figure(...) call in find_dates")


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
        kind = m.lastgroup
        if kind == "d12" or kind == "d4":  # a number, no word right after it: most matches
            found.append((m.start(), kind))
            continue
        if kind is None:
            continue  # a number of another length
        d12, d4, w, after = m.group("d12", "d4", "w", "after")
        if after is not None:  # "2024january"
            if d12 is not None or d4 is not None:
                found.append((m.start(), "d12" if d12 is not None else "d4"))
            s, w = m.start("after"), after
        else:
            s = m.start() + 1  # a word after the character matched
        e = s + len(w)
        if not low[s - 1].isalpha() and not (e < n and low[e].isalpha()):
            found.append((s, words[w]))
    found.sort()  # the two scans merged (no two cores share an offset)
    return found


# how far before its first digit or name a date may start ("au cours du mois de juillet")
LEAD_WINDOW = 40


def _lead_starts(search, low: str, lo: int, hi: int) -> list[int]:
    """Where the lead words in low[lo:hi] start, as finditer would find them: a search call
    per word is cheaper than an iterator over one or two."""
    starts = []
    m = search(low, lo, hi)
    while m is not None:
        starts.append(m.start())
        m = search(low, m.end(), hi)
    return starts


def _lower(text: str) -> str:
    """Lowercased text with the same offsets (a few characters grow when lowercased: "İ")."""
    low = lowered(text)
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _first_date(comp, interp, low, starts, regex, end):
    """The date at the first of `starts` where one matches and passes its checks.

    Matching only at a core (a number or a month, weekday or ordinal name) or at a
    preposition shortly before one, instead of searching the whole text, keeps this
    fast: most positions cannot start a date.
    """
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
