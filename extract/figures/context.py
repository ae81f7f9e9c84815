"""What the words around a quantity say about it: qualifier, change, counted noun, span.

* qualifier: a hedge right before the figure ("около", "ponad", "plus de la", "up to"),
  or after it ("и более"). "до"/"do" after a verb of change is not a ceiling but the
  level reached ("увеличить до 25 млн тонн": exact); "over" before a duration means
  "during" ("disbursed over 7 years": exact).
* change (masses only): an amount of change is introduced by a "by" word ("на", "o",
  "by", "de", "с още", "um") with a verb or noun of change in the clause; otherwise
  the mass is a level.
* counted noun: a number followed by a word that is not a function word counts that
  word ("37 судов", "five Central Asian states").
"""
from __future__ import annotations

import re

from .grammar import SP, Grammar

_GAP = " \t\u00a0\u202f\n"
_WORD = re.compile(rf"{SP}+(?P<w>[^\W\d_]+(?:[-‐][^\W\d_]+)*)")
_LINKED_WORD = re.compile(rf"{SP}+(?:de{SP}+|d['’]|of{SP}+)(?P<w>[^\W\d_]+(?:[-‐][^\W\d_]+)*)", re.I)


def qualifier_of(text: str, start: int, end: int, s_start: int, s_end: int, g: Grammar,
                 kind: str) -> tuple[str, int]:
    """The figure's qualifier and where its words start (start when there are none)."""
    lo = max(0, start - 40)
    m = g.qualifier_before.search(text, lo, start)
    if m and m.start() < s_start and not m.group("q").endswith("."):
        m = None   # a hedge from the sentence before; only "ok."/"ca." get cut off by the splitter
    if m:
        q = g.qualifiers.get(m.group("q"))
        if q:
            qualifier, _pos, not_for, after_change = q
            if kind in not_for:
                return "exact", start       # "disbursed over 7 years"
            if after_change and (_change_word_before(text, s_start, m.start(), g) or _from_end_before(text, s_start, m.start(), g)):
                return after_change, m.start()   # "увеличить до 25 млн тонн", "время доставки — с 35 до 20 суток"
            return qualifier, m.start()
    am = g.qualifier_after.match(text, end, s_end)
    if am:
        q = g.qualifiers.get(am.group("q"))
        if q and kind not in q[2]:
            return q[0], start
    return "exact", start


def _change_word_before(text: str, s_start: int, pos: int, g: Grammar) -> bool:
    """A verb of change governs this figure: the last increase/decrease word before it, with no
    other number in between ("fell by a fifth to 4.5 bcm, while ... supply up to 10 bcm": no),
    except the "from" end of its own pair ("увеличить с 20 до 25 млн тонн")."""
    last = None
    for m in g.change_word.finditer(text, max(s_start, pos - 150), pos):
        if g.changes.get(m.group(0)) in ("increase", "decrease", "bring"):  # ("довести до": bring to)
            last = m
    if last is None:
        return False
    between = _OWN_FROM_END.sub("", text[last.end():pos])
    return not any(ch.isdigit() for ch in between)


_NUMBER_BEFORE = re.compile(r"\d[\d.,\u00a0\u202f]*[ \t\u00a0]+$")


def _from_end_before(text: str, s_start: int, pos: int, g: Grammar) -> bool:
    """A from-word and its number right before the to-word: the other end of a pair of levels (a range
    would have been read as one figure), so the to-word names the level reached."""
    m = _NUMBER_BEFORE.search(text, max(s_start, pos - 20), pos)
    return m is not None and g.range_from_before.search(text, max(s_start, m.start() - 20), m.start()) is not None


# the number (and its unit words) right before "до/to": the "from" end of the same pair
_OWN_FROM_END = re.compile(r"\S*\d[\d\s.,\u00a0\u202f]*(?:\S+\s+){0,3}$")


def change_of(text: str, start: int, end: int, s_start: int, s_end: int, g: Grammar, by_start: int) -> str:
    """increase | decrease for an amount of change, level otherwise (masses only)."""
    bm = g.by_before.search(text, max(s_start, by_start - 20), by_start)
    # a word of change right before the amount, as English writes it ("exports fell 150,000 tonnes",
    # "were up 300,000 tonnes at 1.2 million")
    # (right before the number: "wzrosnąć do 20 mln ton" is the level reached)
    if text[start:start + 1].isdigit() and start > s_start and text[start - 1] in _GAP:
        before = text[max(s_start, start - 30):start].split()
        if before and before[-1].isalpha():
            role = g.changes.get(before[-1])
            if role in ("increase", "decrease"):
                return role
    if bm:
        last = None
        for cm in g.change_word.finditer(text, max(s_start, bm.start() - 150), bm.start()):
            last = cm
        if last is None:  # German puts the verb last: "um 2 Mio. Tonnen steigen"
            last = g.change_word.search(text, end, min(s_end, end + 80))
        if last is not None:
            role = g.changes.get(last.group(0))
            if role in ("increase", "decrease"):
                return role
        # no verb of change: the words after the figure may still say it ("o 2 mln ton więcej")
    am = g.change_after.match(text, end, s_end)
    if am:
        role = g.changes.get(am.group("w"))
        if role == "more_after":
            return "increase"
        if role == "less_after":
            return "decrease"
    return "level"


def count_noun_end(text: str, pos: int, s_end: int, g: Grammar, linked: bool = False) -> int | None:
    """End of the counted noun phrase after a number ending at pos, or None when no noun follows."""
    m = (_LINKED_WORD if linked else _WORD).match(text, pos, s_end)
    if not m and linked:
        m = _WORD.match(text, pos, s_end)
    if not m or not _nounish(m.group("w"), g):
        return None
    if text[pos - 1:pos] == "." and "\u0400" <= m.group("w")[0] <= "\u042f":
        return None  # "сокращается до 7 млрд. Кыргызская сторона": a new sentence, no counted noun
    end = m.end()
    for _ in range(2):  # adjectives before the noun: "2 новые насосные станции"
        m2 = _WORD.match(text, end, s_end)
        if not m2 or not _nounish(m2.group("w"), g):
            break
        end = m2.end()
    return end


def _nounish(word: str, g: Grammar) -> bool:
    low = word.lower()
    if low in g.context.get("stop", ()) or low in g.months:
        return False
    if g.words.get(word) is not None or g.magnitudes.get(word) is not None or g.qualifiers.get(word) is not None:
        return False
    stop = g.context_lex.get("stop")
    if stop is not None and stop.stems and stop.get(word) is not None:
        return False
    return True


def span_start(text: str, start: int, s_start: int, g: Grammar) -> int:
    """Start the span at a relative or range word before it: "через 3 года", "от 10 до 20"."""
    m = g.span_lead_before.search(text, max(s_start, start - 25), start)
    return m.start() if m else start
