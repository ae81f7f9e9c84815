"""Per-language figure grammar, read from dbt_project/seeds/grammar/*.csv and compiled once.

Everything language-specific (number words, magnitudes, units, qualifiers, change
verbs, fraction words, context words) is data; this module only turns the rows of one
language (plus the rows marked `*`, shared by all languages) into lookup tables and
precompiled regular expressions. Adding a language means adding rows to the CSVs.

Surface conventions in the CSVs:
  * a trailing `*` is a stem: it matches the word with any ending (`миллион*`);
  * a space matches any run of white space, including U+00A0 and U+202F;
  * an apostrophe matches both ' and ’.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..reference import load_csv

SP = r"[\s\u00a0\u202f]"          # any space, including no-break and narrow no-break
WORDCH = r"[^\W_]"                  # letter or digit
LETTER = r"[^\W\d_]"
# Letters of the common scripts in both cases (ASCII, Latin-1, Latin Extended-A, Cyrillic), every
# one of them str.isalpha(): a class of plain ranges that sre tests with a bitmap, unlike \w
PLAIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u0400-\u0481\u048a-\u04ff"


def _atoms(surface: str) -> tuple[list[str], bool]:
    """A CSV surface as regex atoms (see the module docstring), and whether it must end a word."""
    s = surface.strip()
    atoms = []
    for i, ch in enumerate(s):
        if ch == "*" and i > 0:
            atoms.append(LETTER + "*")
        elif ch == " ":
            atoms.append(SP + "+")
        elif ch in "'’":
            atoms.append("['’]")
        elif ch in "-‐":
            atoms.append("[-‐]")
        else:
            atoms.append(re.escape(ch.lower()))  # patterns are compiled case-insensitive
    # a surface ending in a letter or digit (or a stem) must end the word
    return atoms, bool(s) and (s[-1].isalnum() or s.endswith("*"))


def lit(surface: str) -> str:
    """Regex for one CSV surface."""
    atoms, bounded = _atoms(surface)
    return "".join(atoms) + (f"(?!{WORDCH})" if bounded else "")


def alternation(surfaces, bounded: bool = True) -> str:
    """One regex for many surfaces, as a trie so that the engine rejects a position on its first
    character (speed), trying longer surfaces before their prefixes (Python's | is ordered).

    bounded=False drops the end-of-word check, for currency codes glued to digits ("USD3.14").
    """
    entries = []
    for s in set(surfaces):
        atoms, must_end = _atoms(s)
        entries.append((atoms, f"(?!{WORDCH})" if (must_end and bounded) else ""))
    return _trie_regex(entries)


def _trie_regex(entries) -> str:
    """One regex for (atoms, end check) entries, as a trie; surfaces with the same atoms keep an
    end check only when all of them have it."""
    trie: dict = {}
    for atoms, end in entries:
        if not atoms:
            continue
        node = trie
        for a in atoms:
            node = node.setdefault(a, {})
        node[None] = end if node.get(None, end) == end else ""
    if not trie:
        return r"(?!x)x"
    return _emit(trie)


def _emit(node: dict) -> str:
    # literal atoms first, then stems (a stem is the fallback when the literal ending fails)
    keys = sorted((k for k in node if k is not None), key=lambda k: (k.startswith(LETTER), k))
    alts = [k + _emit(node[k]) for k in keys]
    if None in node:
        alts.append(node[None])
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def reversed_alternation(surfaces) -> str:
    """The surfaces spelled backwards as one regex (a trie), without their word-boundary checks:
    it reads reversed text, to test cheaply whether one of them can end at a point (Before)."""
    return _trie_regex((_atoms(s)[0][::-1], "") for s in set(surfaces))


_LAST_REVERSED: list = [None, ""]  # the last article searched, and that article reversed


class Before:
    """A pattern for what stands right before a point: every match ends where the search window
    ends ("...$"). re's search tries every start in the window (8 to 40 of them); the reversed
    twin, matched once on the reversed text, tells first whether anything can end there at all,
    and most of the time nothing can. `backward` must accept at least what `forward` does (it
    drops the word-boundary checks); search() then returns exactly what forward's search does."""

    __slots__ = ("rx", "rev", "pattern")

    def __init__(self, forward: str, backward: str):
        self.rx = _compile(forward)
        # "$" also matches before a final newline: the reversed text may start with it
        self.rev = _compile(r"\n?" + backward)
        self.pattern = self.rx.pattern

    def search(self, text: str, lo: int = 0, hi: int | None = None):
        n = len(text)
        if hi is None or hi > n:
            hi = n
        if lo < 0:
            lo = 0
        if self.rev.match(_reversed(text), n - hi, n - lo) is None:
            return None
        return self.rx.search(text, lo, hi)


def _reversed(text: str) -> str:
    if _LAST_REVERSED[0] is text:
        return _LAST_REVERSED[1]
    rev = text[::-1]
    if len(text) > 64:  # keep an article (searched again and again), not a short "before" slice
        _LAST_REVERSED[0], _LAST_REVERSED[1] = text, rev
    return rev


class FirstBefore:
    """Several Befores asked in turn, the first match winning. Their reversed twins joined in one
    pattern tell first whether any of them can end at the point: most of the time none can, and
    one test replaces one per pattern."""

    __slots__ = ("befores", "rev")

    def __init__(self, *befores: Before):
        self.befores = befores
        self.rev = _compile("|".join(f"(?:{b.rev.pattern})" for b in befores))

    def search(self, text: str, lo: int = 0, hi: int | None = None):
        n = len(text)
        if hi is None or hi > n:
            hi = n
        if lo < 0:
            lo = 0
        if self.rev.match(_reversed(text), n - hi, n - lo) is None:
            return None
        for b in self.befores:
            m = b.search(text, lo, hi)
            if m:
                return m
        return None


def _rows(name: str, lang: str) -> list[dict[str, str]]:
    try:
        rows = load_csv(f"grammar/{name}")
    except FileNotFoundError:
        return []
    return [r for r in rows if r.get("lang") in (lang, "*")]


_UNREAD = object()


class Lexicon:
    """Surface -> payload; stems (`миллион*`, `австралийск* доллар*`) are matched as patterns."""

    def __init__(self):
        self.exact: dict[str, object] = {}
        self.stems: list[tuple[str, re.Pattern, object]] = []
        self._read: dict[str, object] = {}  # word -> get(word): a miss tries every stem

    def add(self, surface: str, payload) -> None:
        self._read.clear()
        s = _norm(surface)
        if "*" in s[1:]:
            rx = re.compile(lit(s).replace(f"(?!{WORDCH})", "") , re.IGNORECASE)
            self.stems.append((s, rx, payload))
            self.stems.sort(key=lambda x: -len(x[0]))
        else:
            self.exact.setdefault(s, payload)

    def get(self, word: str):
        hit = self._read.get(word, _UNREAD)
        if hit is _UNREAD:
            if len(self._read) > 50_000:
                self._read.clear()
            hit = self._read[word] = self._lookup(word)
        return hit

    def _lookup(self, word: str):
        w = _norm(word)
        hit = self.exact.get(w)
        if hit is not None:
            return hit
        for _s, rx, payload in self.stems:
            if rx.fullmatch(w):
                return payload
        return None

    def surfaces(self) -> list[str]:
        return list(self.exact) + [s for s, _rx, _p in self.stems]


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    # called for every candidate word of every figure: cached, with a precompiled pattern
    return _SPACES.sub(" ", word.strip().lower().replace("’", "'").replace("‐", "-"))


@dataclass
class Grammar:
    lang: str
    decimal: str                                   # "," or "."
    words: Lexicon                                 # number words -> (role, value)
    magnitudes: Lexicon                            # magnitude word -> factor
    units: Lexicon                                 # unit surface -> (kind, unit, factor)
    prefixes: Lexicon                              # currency before the number -> ISO code
    fractions: Lexicon                             # fraction word -> (role, denominator)
    qualifiers: Lexicon                            # phrase -> (qualifier, position, not_for_kinds, after_change)
    changes: Lexicon                               # change word -> role
    context: dict[str, set[str]]                   # role -> words
    context_lex: dict[str, Lexicon]
    months: set[str] = field(default_factory=set)
    anchor: re.Pattern = None                      # where a figure may start
    anchor_after_space: re.Pattern = None          # scans for the anchor's candidates (see _anchor_starts)
    anchor_after_other: re.Pattern = None
    word_run: re.Pattern = None                    # a run of number words
    word_token: re.Pattern = None                  # one number word inside a run
    magnitude_after: re.Pattern = None             # a magnitude after a digit number
    unit_after: re.Pattern = None                  # a unit after a number
    prefix_before: re.Pattern = None               # a currency symbol/code before a number
    prefix_at: re.Pattern = None
    qualifier_before: Before = None                # a qualifier ending right before the figure
    qualifier_after: re.Pattern = None
    qualifier_before_at: re.Pattern = None         # a qualifier right at a position, then a number
    plus_half: re.Pattern = None                   # "с половиной", "et demi", "and a half"
    range_dash: re.Pattern = None
    range_word: re.Pattern = None                  # "до", "to", "à" (after a from-word)
    range_bare: re.Pattern = None
    abbrev_end: Before = None
    count_subject: re.Pattern | None = None        # "the number of", "саны": a bare number after it counts
    range_and: re.Pattern = None                   # "и", "and", "et" (after a between-word)
    range_from_before: Before = None
    range_between_before: Before = None
    change_word: re.Pattern = None
    by_before: Before = None                       # "на", "o", "by", "de", "с още" right before
    change_after: re.Pattern = None                # "больше", "more" right after
    rate_after: re.Pattern = None                  # "за тонну", "a barrel", "per day"
    relative_before: Before = None                 # "через", "w ciągu", "dans" (span only)
    span_lead_before: FirstBefore = None           # relative, from or between word: where a span starts
    article_before: Before = None
    article_after: re.Pattern = None
    ordinal_before: Before = None
    marker_before: re.Pattern = None               # "№", "nr", "с.", "p." before a number
    minus_before: re.Pattern = None
    relative_after: re.Pattern = None              # "plus tôt", "earlier", "назад" after "un an"
    script: str | None = None                      # latin | cyrillic (languages.csv)
    range_from_suffix: re.Pattern | None = None    # kk "тоннадан": the "from" end of a range by case ending
    range_to_after: re.Pattern | None = None       # kk "дейін" after the "to" end
    number_suffix: re.Pattern | None = None        # kk "-дан", "-ге": a case ending after a hyphen on digits
    half_glued: re.Pattern = None
    plus_half_before: Before = None
    out_of: re.Pattern = None
    of_them: re.Pattern | None = None              # "27 із них", "two of them": a number of the things counted before
    linker: str = ""                               # "de |d'" after magnitudes


def _first_chars(surfaces) -> set[str] | None:
    """The lowercased characters the surfaces' regexes (see _atoms) can start with; None when one
    of them may start with white space."""
    out: set[str] = set()
    for surface in surfaces:
        s = surface.strip()
        if not s:
            continue
        ch = s[0]
        if ch in "'’":
            out.update("'’")
        elif ch in "-‐":
            out.update("-‐")
        elif ch.isspace():
            return None
        else:
            out.add(ch.lower()[0])
    return out


def _lowercase_pattern(pattern: str) -> str:
    """A pattern for lowercased text: its literals lowercased, its escapes (\\W, \\d...) kept."""
    return re.sub(r"\\.|[^\\]+", lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), pattern)


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    fmt = _rows("number_format", lang)
    decimal = next((r["decimal_separator"] for r in fmt if r["lang"] == lang), ".")

    words = Lexicon()
    for r in _rows("number_words", lang):
        words.add(r["word"], (r["role"], float(r["value"] or 0)))
    mags = Lexicon()
    mag_glued_only: list[str] = []
    mag_spaced: list[str] = []
    mag_words: list[str] = []   # written-out magnitudes, usable inside a run of number words
    for r in _rows("magnitude_words", lang):
        mags.add(r["word"], float(r["factor"]))
        if r.get("form") == "glued":
            mag_glued_only.append(r["word"])
        else:
            mag_spaced.append(r["word"])
        if r.get("form") == "word":
            mag_words.append(r["word"])
    units = Lexicon()
    prefixes = Lexicon()
    unit_surfaces, prefix_surfaces = [], []
    for r in _rows("units", lang):
        payload = (r["kind"], r["unit"] or None, float(r["factor"] or 1))
        if r["position"] in ("after", "both"):
            units.add(r["surface"], payload)
            unit_surfaces.append(r["surface"])
        if r["position"] in ("before", "both"):
            prefixes.add(r["surface"], payload)
            prefix_surfaces.append(r["surface"])
    fractions = Lexicon()
    half_suffixes = []
    frac_surfaces = []
    for r in _rows("fraction_words", lang):
        if r["role"] == "plus":
            half_suffixes.append((r["word"], float(r["plus_value"])))
            continue
        fractions.add(r["word"], (r["role"], float(r["denominator"])))
        frac_surfaces.append(r["word"])
    quals = Lexicon()
    q_before, q_after = [], []
    for r in _rows("qualifier_words", lang):
        quals.add(r["phrase"], (r["qualifier"], r["position"], set((r.get("not_for_kinds") or "").split()),
                                r.get("after_change") or ""))
        (q_before if r["position"] == "before" else q_after).append(r["phrase"])
    changes = Lexicon()
    change_surfaces, by_surfaces, after_surfaces = [], [], []
    for r in _rows("change_words", lang):
        changes.add(r["word"], r["role"])
        if r["role"] == "by":
            by_surfaces.append(r["word"])
        elif r["role"] in ("more_after", "less_after"):
            after_surfaces.append(r["word"])
        else:
            change_surfaces.append(r["word"])
    context: dict[str, set[str]] = {}
    context_lex: dict[str, Lexicon] = {}
    for r in _rows("figure_context_words", lang):
        context.setdefault(r["role"], set()).add(r["word"])
        context_lex.setdefault(r["role"], Lexicon()).add(r["word"], r["role"])
    months: set[str] = set()
    for r in _rows("months", lang):  # owned by the dates work; used only to keep "19 марта" out of counts
        for key in ("word", "surface", "name", "form", "month_name"):
            if r.get(key):
                months.add(r[key].strip().lower().rstrip("*"))
                months.add(r[key].strip().lower().rstrip("*").rstrip("."))

    g = Grammar(lang, decimal, words, mags, units, prefixes, fractions, quals, changes, context, context_lex, months)

    ctx = lambda role: alternation(context.get(role, ()))  # noqa: E731
    rctx = lambda role: reversed_alternation(context.get(role, ()))  # noqa: E731
    number_word_alt = alternation(words.surfaces() + mag_words + frac_surfaces)
    half_prefixes = [w for w, (role, _v) in list(words.exact.items()) if role == "half_glued"]
    glued_half = "|".join(re.escape(w) for w in half_prefixes) or r"(?!x)x"
    prefix_alt = alternation(prefix_surfaces, bounded=False)
    # one word-start test for the three word alternatives, not one each: sre tries the pattern
    # at every character of the text, so what fails inside words must fail at the first step
    g.anchor = _compile(
        rf"(?P<digit>\d)"
        rf"|(?<!{WORDCH})(?:(?P<prefix>{prefix_alt})(?={SP}*[-−]?\d)"
        rf"|(?P<half>{glued_half})(?=-?{LETTER})"
        rf"|(?P<word>{number_word_alt}))"
    )
    # The anchor's alternatives again, for the scans that find anchors through the character
    # before them (figures/__init__.py, _anchor_starts). Each scan starts with something sre
    # skips through in a tight loop, a space or a class of letters it need not stop at, instead
    # of trying four alternatives at every character. They read the lowercased text without
    # IGNORECASE: a cased class under that flag loses the loop, and literals compare faster.
    alts = _lowercase_pattern(
        rf"(?:{prefix_alt})(?={SP}*[-−]?\d)|(?:{glued_half})(?=-?{LETTER})|(?:{number_word_alt})")
    # sre tries the alternatives' first characters one branch at a time; a class of them, tested
    # once, turns away most words first
    first = _first_chars(prefix_surfaces + half_prefixes + words.surfaces() + mag_words + frac_surfaces)
    if first is not None:
        alts = rf"(?=[{''.join(re.escape(c) for c in sorted(first))}])(?:{alts})"
    g.anchor_after_space = re.compile(rf" (?={alts})")
    g.anchor_after_other = re.compile(rf"[^ {PLAIN_LETTERS}](?:(?P<digit>(?<=\d))|(?={alts}))")
    g.half_glued = _compile(rf"(?<!{WORDCH})(?:{glued_half})-?(?={LETTER})")
    g.word_token = _compile(rf"(?<!{WORDCH})(?:{number_word_alt}|{ctx('conj')}|{ctx('point')})")
    joiner = rf"(?:{SP}+|{SP}*[-‐]{SP}*)"
    conj = ctx("conj")
    g.word_run = _compile(
        rf"(?:{number_word_alt})(?:{joiner}(?:(?:{conj}){SP}+)?(?:{ctx('point')}{SP}+)?(?:{number_word_alt}))*"
    )
    g.magnitude_after = _compile(
        rf"(?:(?P<glued>{alternation(mag_glued_only)})|{SP}*(?P<spaced>{alternation(mag_spaced)}))"
    )
    g.linker = ctx("linker")
    g.unit_after = _compile(
        rf"{SP}*(?:[-‐]{SP}*)?(?:(?P<link>{g.linker}){SP}*)?(?P<unit>{alternation(unit_surfaces)})"
    )
    g.prefix_before = _compile(rf"(?P<prefix>{prefix_alt}){SP}*$")
    g.prefix_at = _compile(rf"(?P<prefix>{prefix_alt})")
    # (a time phrase may stand between a verb qualifier and its number: "przekroczył w ubiegłym roku 700 mln")
    end_q = rf"(?:{SP}+(?:{ctx('qualifier_gap')}))?(?:{SP}+(?:{ctx('article')}))?{SP}*$"
    g.qualifier_before = Before(rf"(?<!{WORDCH})(?P<q>{alternation(q_before)}){end_q}",
                                rf"{SP}*(?:(?:{rctx('article')}){SP}+)?(?:(?:{rctx('qualifier_gap')}){SP}+)?"
                                rf"(?:{reversed_alternation(q_before)})")
    g.qualifier_before_at = _compile(rf"(?P<q>{alternation(q_before)}){SP}+")
    g.qualifier_after = _compile(rf"{SP}*(?P<q>{alternation(q_after)})")
    g.plus_half = _compile(rf"{SP}*,?{SP}*(?P<h>{alternation(s for s, _ in half_suffixes)})")
    g.plus_half_before = Before(rf"(?:{alternation(s for s, _ in half_suffixes)})$".replace("(?!x)x$", "(?!x)x"),
                                reversed_alternation(s for s, _ in half_suffixes))
    g.out_of = _compile(rf"{SP}+(?:{ctx('out_of')}){SP}+")
    g.of_them = _compile(rf"{SP}+(?:{ctx('of_them')})(?!{WORDCH})") if context.get("of_them") else None
    g.half_values = {_norm(s): v for s, v in half_suffixes}
    g.range_dash = _compile(rf"{SP}*[-–—‐]{SP}*(?=[$€£]?{SP}*\d|{LETTER})")
    g.range_word = _compile(rf"{SP}+(?:{ctx('range_to')}){SP}+")
    g.range_bare = _compile(rf"{SP}+(?:{ctx('range_to_bare')}){SP}+")
    abbrevs = [w for w in mag_spaced if w.endswith(".")]
    g.count_subject = _compile(rf"(?<!{WORDCH})(?:{ctx('count_subject')})") if context.get("count_subject") else None
    g.abbrev_end = Before(rf"\d{SP}*(?:{alternation(abbrevs, bounded=False)})$",
                          rf"(?:{reversed_alternation(abbrevs)}){SP}*\d")
    g.range_and = _compile(rf"{SP}+(?:{ctx('range_and')}){SP}+")
    g.range_from_before = Before(rf"(?<!{WORDCH})(?:{ctx('range_from')}){SP}+$", rf"{SP}+(?:{rctx('range_from')})")
    g.range_between_before = Before(rf"(?<!{WORDCH})(?:{ctx('range_between')}){SP}+$",
                                    rf"{SP}+(?:{rctx('range_between')})")
    g.change_word = _compile(rf"(?<!{WORDCH})(?:{alternation(change_surfaces)})")
    g.by_before = Before(rf"(?<!{WORDCH})(?P<by>{alternation(by_surfaces)}){SP}*$",
                         rf"{SP}*(?:{reversed_alternation(by_surfaces)})")
    g.change_after = _compile(rf"{SP}+(?P<w>{alternation(after_surfaces)})")
    # ("230–260 долларов за тысячу кубометров", "$250 per 1,000 cubic metres": a denominator may count its units)
    per_count = rf"(?:(?:\d[\d{SP[1:-1]}.,]*|{alternation(mag_spaced)}){SP}+)?" if mag_spaced else ""
    g.rate_after = _compile(
        rf"{SP}*(?:/|(?:{ctx('rate')}){SP}+)(?:{ctx('article')}{SP}+)?{per_count}(?:{alternation(unit_surfaces)})"
    )
    g.relative_before = Before(rf"(?<!{WORDCH})(?:{ctx('relative')}){SP}+$", rf"{SP}+(?:{rctx('relative')})")
    g.span_lead_before = FirstBefore(g.relative_before, g.range_from_before, g.range_between_before)
    g.article_before = Before(rf"(?<!{WORDCH})(?P<a>{ctx('article')}){SP}+$", rf"{SP}+(?:{rctx('article')})")
    g.article_after = _compile(rf"{SP}+(?:{ctx('article')})")
    g.ordinal_before = Before(rf"(?<!{WORDCH})(?:{ctx('ordinal')}){SP}+(?:{ctx('article')}{SP}+)?$",
                              rf"(?:{SP}+(?:{rctx('article')}))?{SP}+(?:{rctx('ordinal')})")
    # searched over 8 characters only: a plain search is as fast as the reversed test there
    g.marker_before = _compile(rf"(?:(?<!{WORDCH})(?:{ctx('marker')})|№){SP}*$")
    g.minus_before = _compile(rf"(?<!{WORDCH})(?:{ctx('minus')}){SP}*$")
    g.relative_after = _compile(rf"{SP}+(?:{ctx('relative_after')})")
    if context.get("range_from_suffix") and context.get("range_to_after"):
        g.range_from_suffix = re.compile(
            rf"(?:{'|'.join(re.escape(w) for w in sorted(context['range_from_suffix'], key=len, reverse=True))})$",
            re.IGNORECASE)
        g.range_to_after = _compile(rf"{SP}+(?:{ctx('range_to_after')})")
    suffixes = [r["suffix"] for r in _rows("number_suffixes", lang) if r["lang"] == lang]
    if suffixes:  # ("20-дан астам құжатқа": the number, its case, a qualifier, then what it counts)
        g.number_suffix = _compile(rf"[-‐](?:{alternation(suffixes)})(?!\w)")
    g.script = next((r.get("script") for r in load_csv("languages") if r["lang"] == lang), None)
    return g
