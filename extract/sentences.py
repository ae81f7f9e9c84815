"""Sentence splitting that keeps character offsets.

A rule splitter, not a model: news text breaks at line ends and at ., !, ?, …
followed by a capital (or an opening quote or dash before one). Abbreviations
that end with a dot and are followed by a capital ("U.S. The", "ok. Rosji")
are rare enough in this domain that we split there only when the abbreviation
is not a known non-final one (titles and initials).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter

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

# sentence-final punctuation, closing quotes, spaces, then a character that is not white space (a break
# before white space or the line's end would be refused anyway). Matching the punctuation itself, not a
# look-behind for it, lets the regex engine skip to candidate characters; the break is at m.start() + 1.
_FINAL = ".!?…"
_AFTER_FINAL = r"""["»”’)\]]*[ \t\u00a0\u202f]+(?=\S)"""
_BREAK = re.compile(f"[{_FINAL}]{_AFTER_FINAL}")
# a line without the white space around it (str.isspace's white space; only "\n" ends a line)
_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_OPENERS = "-–—„“\"«('‘ \u00a0"
# the word before a final dot ("U.S." -> "U.S"): a word longer than every non-final one cannot be one,
# so a few characters before the dot are read, not the whole sentence
_WORD_CHAR = r"[\w№\-.]"
_WORD_BEFORE = re.compile(_WORD_CHAR + r"+\Z")
_WINDOW = max(map(len, _NON_FINAL)) + 1


def _maybe_non_final() -> str:
    """Look-behinds, read after a dot, of which one holds whenever the word before the dot may be a
    non-final one or an initial: that word (case-insensitively, a superset of word.lower()) or any one
    character, with no word character before it. The exact test runs only where one holds."""
    by_length: dict[int, list[str]] = {1: [_WORD_CHAR]}
    for w in _NON_FINAL:
        if len(w) > 1:
            by_length.setdefault(len(w), []).append(re.escape(w))
    return "|".join([rf"(?<!{_WORD_CHAR}.{{{n}}}\.)(?<=(?i:{'|'.join(sorted(ws))})\.)"
                     for n, ws in sorted(by_length.items())] + [r"(?<=\w\.\w\.)"])  # (and dotted initials)


# _BREAK for each punctuation mark: a pattern that starts with a literal is scanned for several times
# faster than one that starts with a character class, and most texts hold one kind (the dot). The
# dot's sets group 1 when the word before the dot may be a non-final one (about 2 breaks in 100).
_BREAK_AT = {c: re.compile(re.escape(c) + _AFTER_FINAL) for c in _FINAL}
_BREAK_AT["."] = re.compile(rf"\.(?:(?:{_maybe_non_final()})())?{_AFTER_FINAL}")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end] as offsets into text."""
    n = len(text)
    end = n if end is None else min(end, n) if end >= 0 else max(n + end, 0)  # as text[:end] reads it
    start = max(start, 0)
    if 0 < start < end and text[start - 1] in _FINAL:
        # punctuation just before start: a break right at start moves start past it
        m = _BREAK.match(text, start - 1, end)
        if m and _opens_sentence(text, m.end(), end):
            start = m.end()
    # A sentence starts on its line's first non-space character or after a break (on an opener, a
    # capital or a digit) and ends on its line's last non-space character or on the break's
    # punctuation: none has white space to trim, none is empty. A break never crosses a line end and
    # starts and ends on non-space characters, so one scan over the text finds them all, and each
    # falls inside the current line or a later one.
    starts: list[int] = []
    ends: list[int] = []
    lines = _LINE.finditer(text, start, end)
    line = next(lines, None)
    if line is None:
        return []
    cur, le = line.span()
    for m in _breaks(text, start, end):
        dot, nxt = m.span()
        while dot >= le:  # the break is on a later line: the current line ends a sentence
            starts.append(cur)
            ends.append(le)
            cur, le = next(lines).span()
        c = text[nxt]
        # a capital or a digit right after the break is the common case (neither is an opener)
        if not (c.isupper() or c.isdigit() or _opens_sentence(text, nxt, le)):
            continue
        if text[dot - 1].isdigit() and _ordinal_dot(text, cur, dot, nxt):
            continue
        # the word test, where group 1 says it may refuse the break, and for a sentence that starts
        # at start (the word there may be cut short by start, which the look-behinds do not see)
        if (m.lastindex or cur == start) and text[dot] == ".":
            w = _WORD_BEFORE.search(text, max(cur, dot - _WINDOW), dot)
            if w:
                word = w.group()
                if (word.lower() in _NON_FINAL or _is_initial(word)) and not _unit_after_number(text, cur, w.start(), word):
                    continue
        starts.append(cur)
        ends.append(dot + 1)
        cur = nxt
    starts.append(cur)
    ends.append(le)
    for line in lines:
        starts.append(line.start())
        ends.append(line.end())
    if "U." in text:
        _join_country_titles(text, starts, ends)
    return list(map(Sentence, range(len(starts)), starts, ends))


# "U.S. Trade Representative", "U.S. President": a dotted country abbreviation before an office or
# body is part of its name, not a sentence end ("... to the U.S. The deal" still breaks)
_DOTTED_COUNTRIES = ("U.S.", "U.K.", "U.N.")
_OFFICES = frozenset((
    "President", "Vice", "Secretary", "Trade", "Treasury", "State", "Department", "Embassy", "Ambassador",
    "Envoy", "Special", "Representative", "Senator", "Senate", "Congress", "House", "Army", "Navy", "Air",
    "Energy", "Commerce", "Federal", "Government", "Geological", "Foreign", "Prime", "Defense", "Defence",
    "Chargé", "Consul", "Consulate", "Security", "Council", "Agency", "Export", "Exim", "Development", "Steel"))


def _join_country_titles(text: str, starts: list[int], ends: list[int]) -> None:
    k = 1
    while k < len(starts):
        e = ends[k - 1]
        if text.endswith(_DOTTED_COUNTRIES, e - 4, e) and "\n" not in text[e:starts[k]]:
            word = text[starts[k]:starts[k] + 20].split(None, 1)[0] if starts[k] < len(text) else ""
            if word in _OFFICES or word.split("-", 1)[0] in _OFFICES:  # ("U.S. Export-Import Bank")
                ends[k - 1] = ends[k]
                del starts[k], ends[k]
                continue
        k += 1


def _breaks(text: str, start: int, end: int):
    """Matches of _BREAK in text[start:end], in order; scanned for each kind of punctuation the text
    holds (two kinds' breaks never overlap: a break holds one punctuation mark)."""
    kinds = [c for c in _FINAL if c in text]
    if len(kinds) == 1:
        return _BREAK_AT[kinds[0]].finditer(text, start, end)
    return sorted((m for c in kinds for m in _BREAK_AT[c].finditer(text, start, end)), key=_start_of)


def _start_of(m: re.Match) -> int:
    return m.start()


def _opens_sentence(text: str, i: int, end: int) -> bool:
    """A capital or a digit at i, after opening quotes, dashes and spaces."""
    while i < end and text[i] in _OPENERS:
        i += 1
    return i < end and (text[i].isupper() or text[i].isdigit())


# a unit abbreviation after a number ends a sentence like any word: "порядка 1,1 млн т. Кроме того" (the
# tonne, where "т." is otherwise "т. е."/"т. н."), "3,5 т. В сентябре"
_UNITS_AFTER_NUMBER = {"т", "t"}
_NUMBER_BEFORE = re.compile(r"(?:\d|(?<!\w)(?:млн|млрд|тыс|mln|mn|bn))[.]?[ \t\u00a0\u202f]*\Z", re.IGNORECASE)


# German writes ordinals with a dot: "am 14. Juni", "ihr 14. Sanktionspaket", "zum 3. Mal"
_ORDINAL_AFTER_WORD = re.compile(
    r"(?<!\w)(?:am|im|vom|zum|zur|bis|ab|seit|beim|dem|den|der|die|das|des|ihr|ihre|ihrem|ihren|ihres|sein|"
    r"seine|seinem|seinen|seines|jeder|jedem|jeden|und)\s+\d{1,3}\Z", re.I)
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}\Z")
_GERMAN_MONTH = re.compile(r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                           r"Dezember)\b")


def _ordinal_dot(text: str, cur: int, dot: int, nxt: int) -> bool:
    """A dot after a number that ends no sentence: a day before a German month name, or a number after an
    article or a preposition (an ordinal: no sentence ends on "ihr 14.")."""
    if text[dot] != ".":
        return False
    head = text[max(cur, dot - 16):dot]
    if _GERMAN_MONTH.match(text, nxt) and _DAY_NUMBER.search(head):
        return True
    return _ORDINAL_AFTER_WORD.search(head) is not None


def _unit_after_number(text: str, cur: int, pos: int, word: str) -> bool:
    return word.lower() in _UNITS_AFTER_NUMBER and _NUMBER_BEFORE.search(text, max(cur, pos - 12), pos) is not None


_DOTTED_INITIALS = re.compile(r"(?:[A-ZА-ЯЁІЇЄҚҒҮҰӨҺ]\.)+[A-ZА-ЯЁІЇЄҚҒҮҰӨҺ]\Z")  # "H.C" of "H.C." (no last dot)


def _is_initial(word: str) -> bool:
    # "J." or "H.C." — a person's or a company's initials ("H.C. Starck", "J.P. Morgan"), not a sentence
    # end; the dotted country abbreviations may end one ("to the U.S. The deal")
    return (len(word) == 1 and word.isupper()) or (
        _DOTTED_INITIALS.match(word) is not None and word + "." not in _DOTTED_COUNTRIES)


_START = attrgetter("start_char")


def sentence_at(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence holding offset; -1 when outside all."""
    s = sentence_holding(sentences, offset, offset)
    return s.index if s is not None else -1


def sentence_holding(sentences: list[Sentence], start: int, stop: int) -> Sentence | None:
    """The sentence of the list (any subset, in order) that holds text[start:stop] whole, or None."""
    k = bisect_right(sentences, start, key=_START) - 1  # C's binary search: called for every mention
    if k < 0:
        return None
    s = sentences[k]
    return s if start < s.end_char and stop <= s.end_char else None
