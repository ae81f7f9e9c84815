"""Per-language date regexes, built from the grammar seeds (lazily, once per language).

The regex is an ordered alternation of date shapes. Each shape is a named group
("alt_<shape>") whose inner groups carry a "__<shape>" suffix, because Python
needs unique group names; interpret._groups strips the suffix again. Most
specific shapes come first, since the first shape that matches at a position wins:

  numeric   31.10.1974, 18.07.14, 2024-03-19, 3/3/2015, with an optional weekday
  dmy       [prep] [weekday,] day [- day] [of] month [[in] year [year word]] [, weekday]
  mdy       [prep] [weekday,] month day [- day] [, year]   (en; elsewhere only with a year)
  weekday   [prep] weekday [day]
  month     [prep] month [- month] [[,] [of] year [year word]]
  year      [prep] [year word] year [- year] [year word]
  day       le 16 / on the 15th / на петнадесети  (a lone day number, at a clause end)

The same alternation is compiled once per kind of core (CORE_SHAPES) holding
only the shapes that kind can start, so a match attempt at "2024" does not try
day-month shapes. Validation that regexes express badly (homographs,
quantities, 2-digit years) is done in interpret.py; when a match fails it, the
later shapes are tried at the same position through `shape_regexes`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, lexicon
from .wordlist_regex import optional, raw_trie

S = r"[^\S\n]"          # one space of any kind, but not a line break
B = r"(?<!\w)"          # word start
E = r"(?!\w)"           # word end
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_WORD_CHAR = re.compile(r"\w")
# Letters of the common scripts (Latin-1, Latin Extended-A, Cyrillic), every one of them
# str.isalpha(): a class of plain ranges, which sre tests with a bitmap, unlike \w.
COMMON_LETTERS = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f\u0400-\u0481\u048a-\u04ff"
SHAPES = ("numeric_iso", "numeric", "dmy", "mdy", "weekday", "month", "year", "day")


@dataclass(frozen=True)
class Compiled:
    """Everything matches lowercased text, without re.IGNORECASE (which makes sre much slower)."""
    lex: Lexicon
    by_core: dict[str, re.Pattern]       # core kind -> the shapes that can start with it
    shape_regexes: tuple[re.Pattern, ...]  # each shape alone, in SHAPES order (fallbacks)
    not_after_number: re.Pattern         # a quantity word right after a number
    core_words: dict[str, str]           # first word of a month/weekday/ordinal name -> kind
    core_word: re.Pattern                # one of those words
    core_after_space: re.Pattern         # those words after a space
    core_scan: re.Pattern                # numbers, and those words after other non-letters
    leads: re.Pattern                    # words a date may start with before its core
    # the d12 shapes from their day number on; None when the grammar breaks what makes
    # that a safe early test (see _day_tokens_are_cores), and then every number is tried
    d12_tail: re.Pattern | None = None


# The kind of a date's first core decides which shapes can hold it: "2024" starts a
# year or an ISO date, never a day-month; "марта" starts a month or month-day date.
CORE_SHAPES = {
    "d12": ("numeric", "dmy", "day"),
    "d4": ("numeric_iso", "year"),
    "month": ("mdy", "month"),
    "weekday": ("numeric_iso", "numeric", "dmy", "mdy", "weekday"),
    "ordinal": ("dmy", "day"),
    "any": SHAPES,                      # a word with several readings
}


def _words(words) -> str:  # lowercase: patterns run on lowercased text
    return raw_trie(sorted({w.lower() for w in words}))


def _start(*word_lists) -> str:
    """B before a word of these lists, written `\b` when each of them starts with a word
    character: then both mean the same, and sre tests `\b` in place but runs a lookbehind
    as a sub-match (a few percent of the date regexes' time)."""
    firsts = {w.lower()[:1] for words in word_lists for w in words} - {""}
    return r"\b" if all(_WORD_CHAR.match(ch) for ch in firsts) else B


def _end(*word_lists) -> str:
    """E after a word of these lists, written `\b` when each of them ends in a word character."""
    lasts = {w.lower()[-1:] for words in word_lists for w in words} - {""}
    return r"\b" if all(_WORD_CHAR.match(ch) for ch in lasts) else E


def _split_dotted(words: dict) -> tuple[list[str], list[str]]:
    """(full words, abbreviations): abbreviations may carry a final dot in the text."""
    full = [w for w, v in words.items() if v.use != "with_number" and not v.dotted]
    abbr = [w for w, v in words.items() if v.use == "with_number" or v.dotted]
    return full, abbr


def _name_group(name: str, words: dict) -> str:
    full, abbr = _split_dotted(words)
    alts = []
    if full:
        alts.append(f"{_words(full)}{_end(full)}")
    if abbr:
        alts.append(rf"{_words(abbr)}{_end(abbr)}\.?")
    return f"(?P<{name}>{'|'.join(alts) or '(?!)'})"


def _prep(lex: Lexicon, roles: tuple[str, ...], tag: str) -> str:
    phrases = [p for r in roles for p in lex.preps.get(r, [])]
    if not phrases:
        return ""
    # "mi-octobre", "jusqu'en": no space needed after a hyphen or apostrophe
    return optional(rf"{_start(phrases)}(?P<prep__{tag}>{_words(phrases)})(?:(?<=[-'’]){S}*|{S}+)")


def _day(lex: Lexicon, tag: str, n: str = "") -> str:
    suf = _words(lex.suffixes)
    digits = (rf"(?<![\d$€£¥₸])(?<!\d[.,])(?P<dnum{n}__{tag}>0?[1-9]|[12]\d|3[01])(?!\d)"
              rf"(?:(?P<dsuf{n}__{tag}>{suf}){_end(lex.suffixes)}|\b)")  # (\b: E after a digit)
    if not lex.ordinals:
        return digits
    tens = optional(rf"{_words(lex.tens)}(?:{S}+|-)") if lex.tens else ""
    ords = lex.ordinals
    word = rf"{_start(lex.tens, ords)}(?P<dword{n}__{tag}>{tens}{_words(ords)}){_end(ords)}"
    return f"(?:{digits}|{word})"


def _weekday(lex: Lexicon, tag: str, n: str = "") -> str:
    return _start(lex.weekdays) + _name_group(f"wd{n}__{tag}", lex.weekdays)


def _month(lex: Lexicon, tag: str) -> str:
    return _start(lex.months) + _name_group(f"mon__{tag}", lex.months)


def _year(lex: Lexicon, tag: str, n: str = "") -> str:
    # an ordinal ending is part of the year: "в 2024-м году", "с 2024-го"
    if not lex.year_suffixes:
        suf = ""
    else:
        suf = optional(rf"-(?P<ysuf{n}__{tag}>{_words(lex.year_suffixes)}){_end(lex.year_suffixes)}")
    return rf"(?<!\d)(?<!\d[.,])(?P<year{n}__{tag}>1\d{{3}}|20\d\d|21\d\d)(?!\d)(?![.,]\d){suf}"


def _year_word(lex: Lexicon, tag: str, tail: bool = False) -> str:
    words = [w for w in lex.year_after if w not in lex.year_attributive] if tail else lex.year_after
    if not words:
        return ""
    return optional(rf"{S}*(?P<yw__{tag}>{_words(words)})(?:(?<=\.)|{E})")


def _link(lex: Lexicon) -> str:
    links = lex.preps.get("link", [])
    return rf"(?:{_words(links)}){S}+" if links else "(?!)"


def _range_to(lex: Lexicon) -> str:
    return _words(lex.preps.get("range_to", ["-"]))


def _year_tail(lex: Lexicon, tag: str) -> str:
    """After a month: ", 2015", " 2015 г.", " de 1992", " in 2020", " '98", " 74"."""
    # a link word only after a space: "14 декабря в 1989 году", not "5 травня, у 2025 р.";
    # a comma only in English ("Dec, 2018"): elsewhere "март, 2024 година" is a list
    comma = "," if lex.lang == "en" else ""
    # (nor a year that an attributive year word follows: it qualifies the date after it)
    not_attributive = rf"(?!{S}*(?:{_words(lex.year_attributive)}){E})" if lex.year_attributive else ""
    return optional(rf"(?:{S}*[{comma}/-]{S}*|{S}+{optional(_link(lex))})"
                    rf"(?:{_year(lex, tag)}{_year_word(lex, tag, tail=True)}{not_attributive}"
                    rf"|(?P<y2__{tag}>'?\d\d)(?!\d)(?![.,:]\d))")


def _shapes(lex: Lexicon) -> tuple[dict[str, str], dict[str, str]]:
    """(shape -> regex, shape -> the part of it from its day number on).

    A shape that can start with a day number is built as lead + body: the lead (preposition,
    weekday) holds no digit, and the body starts at the number, so the body matching at a
    number is a necessary condition for the shape matching with that number (Compiled.d12_tail).
    """
    bodies = {}
    wd_lead = lambda t: optional(rf"{_weekday(lex, t)},?{S}+")  # noqa: E731
    day_preps = ("day", "weekday")
    month_num = r"0?[1-9]|1[0-2]"
    day_num = r"0?[1-9]|[12]\d|3[01]"
    shapes = {}
    t = "numeric_iso"
    shapes[t] = (_prep(lex, day_preps, t) + wd_lead(t)
                 + rf"(?<![\d.])(?P<iy__{t}>(?:19|20)\d\d)-(?P<im__{t}>{month_num})-(?P<id__{t}>{day_num})(?![\d-])")
    t = "numeric"
    bodies[t] = (rf"(?<![\d.,/-])(?P<n1__{t}>\d{{1,2}})(?P<sep__{t}>[./-])(?P<n2__{t}>\d{{1,2}})(?P=sep__{t})"
                 rf"(?P<ny__{t}>\d{{4}}|\d\d)(?!\d)(?![.,/-]\d)")
    shapes[t] = _prep(lex, day_preps, t) + wd_lead(t) + bodies[t]
    t = "dmy"
    # "13 - 15 июля" (a range: one date), "12 and 13 March", "12. und 13. März" (a list: two dates)
    # (the list's second day in digits only: "12 and 13", not spelled days)
    day_and = (rf"|{S}+(?:{_words(lex.and_words)}){S}+(?<![\d$€£¥₸])(?P<dand__{t}>0?[1-9]|[12]\d|3[01])(?!\d)"
               rf"(?:{_words(lex.suffixes)}{_end(lex.suffixes)}|\b)" if lex.and_words else "")
    bodies[t] = (_day(lex, t)
                 + optional(rf"{S}*(?:{_range_to(lex)}){S}*{_day(lex, t, '2')}{day_and}")
                 + rf"(?:{S}*[-/]{S}*|{S}+{optional(_link(lex))}|(?<=\.))"
                 + _month(lex, t) + _year_tail(lex, t)
                 + optional(rf",{S}*{_weekday(lex, t, '2')}"))
    shapes[t] = _prep(lex, day_preps, t) + wd_lead(t) + bodies[t]
    t = "mdy"
    year_part = rf"{S}*,?{S}*{_year(lex, t)}"
    shapes[t] = (_prep(lex, ("day", "month"), t) + wd_lead(t) + _month(lex, t)
                 + rf"{S}*,?{S}*{optional(f'the{S}+')}" + _day(lex, t)
                 + optional(rf"{S}*(?:{_range_to(lex)}){S}*{_day(lex, t, '2')}")
                 + (optional(year_part) if lex.lang == "en" else f"(?:{year_part})"))
    t = "weekday"
    shapes[t] = (_prep(lex, ("weekday",), t) + _weekday(lex, t)
                 + optional(rf",?{S}+{optional(f'the{S}+')}(?<!\d)(?P<dnum__{t}>{day_num})(?!\d)"
                            rf"(?:(?P<dsuf__{t}>{_words(lex.suffixes)}){_end(lex.suffixes)}|\b)"))
    t = "month"
    # "в мае-июне", "mai–juin", "January through September 2023", "Januar bis Juni": a month range
    # is two dates, its first and its last month, both with the year written after the last
    words_to = [w for w in lex.preps.get("range_to", []) if w[:1].isalpha()]
    to = rf"{S}*[-–—]{S}*" + (rf"|{S}+(?:{_words(words_to)}){S}+" if words_to else "")
    month_range = optional(rf"(?:{to}){_start(lex.months)}{_name_group(f'mon2__{t}', lex.months)}")
    shapes[t] = _prep(lex, ("month",), t) + _month(lex, t) + month_range + _year_tail(lex, t)
    t = "year"
    ywb = lex.year_before
    before = optional(rf"{_start(ywb)}(?P<ywb__{t}>{_words(ywb)}){S}+") if ywb else ""
    shapes[t] = (_prep(lex, ("year",), t) + before + _year(lex, t)
                 + optional(rf"{S}*[-–—/]{S}*(?P<yend__{t}>\d{{4}}|\d\d)(?!\d)") + _year_word(lex, t))
    t = "day"
    arts = lex.preps.get("day_article", [])
    day = rf"{_day(lex, t)}(?={S}*(?:[.,;:!?)]|$))"
    shapes[t] = rf"{_start(arts)}(?P<prep__{t}>{_words(arts)}){S}+{day}" if arts else "(?!)"
    # the body also checks what the lead leaves right before the day: an article's last
    # character and a space, or two spaces (a longer run)
    ends = "".join(sorted({re.escape(a.lower()[-1]) for a in arts if a}))
    bodies[t] = rf"(?:(?<={S}{S})|(?<=[{ends}]{S})){day}" if arts else "(?!)"
    return shapes, bodies


def _day_tokens_are_cores(lex: Lexicon) -> bool:
    """What find_dates needs to skip a 1-2 digit number whose d12_tail does not match:

    - no word that can come before a day number in a shape (prepositions of every role,
      weekday names, spelled days) holds a digit, so a date that a "d12" regex matches holds
      its day number or spelled day right after those words, never a digit run inside them;
    - every spelled day starts with a word that _cores finds ("ordinal" or "any" core).
    """
    before_day = [p for ps in lex.preps.values() for p in ps] + list(lex.weekdays)
    spelled = [*lex.tens, *lex.ordinals]
    return (not any(ch.isdigit() for w in before_day + spelled for ch in w)
            and all(_FIRST_WORD.match(w.lower()) for w in spelled))


def _not_after(words: list[str]) -> re.Pattern:
    # short words must be whole words ("t", "km"); longer ones are stems ("тонн" -> "тонны")
    short = [w for w in words if len(w) <= 3 or not w[-1].isalnum()]
    long_ = [w for w in words if w not in short]
    return re.compile(rf"{S}*(?:(?:{_words(short)}){_end(short)}|{_words(long_)})")


@lru_cache(maxsize=None)
def compiled(lang: str) -> Compiled:
    lex = lexicon(lang)
    shapes, bodies = _shapes(lex)

    def alternation(names):
        return re.compile("|".join(f"(?P<alt_{n}>{shapes[n]})" for n in SHAPES if n in names))

    by_core = {kind: alternation(names) for kind, names in CORE_SHAPES.items()}
    singles = tuple(alternation((name,)) for name in SHAPES)
    core_words: dict[str, str] = {}
    for kind, words in (("month", lex.months), ("weekday", lex.weekdays),
                        ("ordinal", [*lex.tens, *lex.ordinals])):
        for w in words:
            first = _FIRST_WORD.match(w)  # "vingt-deux" -> "vingt", "п'ятниці" -> "п"
            if first:
                first = first.group()
                core_words[first] = kind if core_words.get(first, kind) == kind else "any"
    preps = [p for role, ps in lex.preps.items() if role not in ("range_to", "link") for p in ps]
    lead_words = preps + lex.year_before + ["the"]
    leads = re.compile(rf"{_start(lead_words)}(?:{_words(lead_words)})(?:(?<=[-'’])|(?!\w))")
    core_word = raw_trie(core_words)
    # Scanning for cores costs most, so both scans start with a test that sre runs in a tight
    # loop before trying the rest: a space (a literal) for the words after one, and a class of
    # plain ranges for the rest. That one stops at every other character outside COMMON_LETTERS:
    # at a digit it takes the rest of its run, marking a run of 1-2 or 4 digits with an empty
    # group ("d12", "d4": then the match's lastgroup names the core), and a word right after it
    # ("after", "2024january"); elsewhere a word starting at the next character ("w"). Words
    # inside longer words are never tried; the caller still checks both ends, as "not a letter"
    # is wider than the class.
    core_after_space = re.compile(f" ({core_word})")
    digits = r"(?:\d?(?!\d)(?P<d12>)|\d{3}(?!\d)(?P<d4>)|\d*)"
    core_scan = re.compile(
        rf"[^ {COMMON_LETTERS}](?:(?<=\d){digits}{optional(f'(?P<after>{core_word})')}|(?P<w>{core_word}))")
    d12_tail = None
    if _day_tokens_are_cores(lex):
        d12_tail = re.compile("|".join(f"(?:{bodies[n]})" for n in SHAPES if n in CORE_SHAPES["d12"]))
    return Compiled(lex, by_core, singles, _not_after(lex.not_after_number), core_words,
                    re.compile(core_word), core_after_space, core_scan, leads, d12_tail)
