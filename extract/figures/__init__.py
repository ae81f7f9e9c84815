"""Figures other than dates: masses, percentages (and fractions in words), durations, money,
counts and other measured quantities, with their qualifier, range and change.

    find_figures(text, lang, sentences, end, taken) -> list[Figure]

One precompiled regex per language (grammar.py, from the CSVs under
dbt_project/seeds/grammar/) finds the anchors where a figure may start: a digit, a
number word or a currency before a number. Only around an anchor is the text read
closely (quantities.py): the number, its magnitude, unit, range partner, the qualifier
before it (context.py) and, for masses, whether it is an amount of change.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..cleaning import lowered
from ..model import Figure, Sentence
from .context import change_of, count_noun_end, qualifier_of, span_start
from .grammar import Grammar, grammar
from .quantities import Quantity, Reject, read_quantity

_YEAR_LIKE = (1900, 2100)
_NEVER_NEGATIVE = ("mass", "count", "duration")


def find_figures(text: str, lang: str, sentences: list[Sentence], end: int,
                 taken: list[tuple[int, int]] = (), places: frozenset[int] = frozenset()) -> list[Figure]:
    """Every non-date figure in text[:end], inside sentences, not overlapping a taken span.
    places: where country names end (a count right after one is no model number: "до Росії 106 категорій")."""
    try:
        g = grammar(lang)
    except Exception:  # an unknown language has no rows: nothing to read
        return []
    taken = sorted(taken)
    out: list[Figure] = []
    limits = _reading_limits(text, sentences, end, g)
    low = lowered(text)
    if len(low) != len(text):  # a letter that grows when lowercased ("İ"): offsets would shift
        low = None
    elif sentences:
        everywhere = _anchor_starts(low, sentences[0].start_char, max(limits), g)
    for k, sent in enumerate(sentences):
        s_start, s_end = sent.start_char, limits[k]
        pos = s_start
        if low is None:
            starts = range(s_start, s_end)
        elif s_end < len(text) and text[s_end].isalnum():
            # a number word that ends at s_end is whole inside the sentence but not in the text:
            # only a scan that stops at s_end finds it
            starts = _anchor_starts(low, s_start, s_end, g)
        else:
            # the text-wide scan's candidates inside the sentence: the scans look ahead only for
            # the end of a word, which is the same at s_end whether the scan stops there or not
            starts = [s_start] + everywhere[bisect_right(everywhere, s_start):bisect_left(everywhere, s_end)]
        i = 0
        while pos < s_end:
            # the first candidate at or after pos where the anchor matches: what
            # g.anchor.search(text, pos, s_end) finds, without trying every character
            m = None
            while i < len(starts):
                if starts[i] >= pos:
                    m = g.anchor.match(text, starts[i], s_end)
                    if m:
                        break
                i += 1
            if not m:
                break
            a = m.start()
            if a >= sent.end_char:  # (read on past a cut after "хил.", but what starts there is the next one's)
                break
            t_end = _inside_taken(taken, a)
            if t_end is not None:
                pos = max(t_end, a + 1)
                continue
            sg = _span_grammar(text, a, s_end, g)
            try:
                figs, pos = _read_with_fallback(text, a, s_start, s_end, sg, sent.index, places)
            except Reject as r:
                pos = max(r.skip_to, m.end() if m.group("word") else a + 1)
                continue
            if sg is not g:
                _doc_qualifier(text, figs, s_start, s_end, g)
            for f in figs:
                if not _overlaps_taken(taken, f.start_char, f.end_char):
                    out.append(f)
                elif (cut := _cut_before_taken(text, taken, f)) is not None:
                    out.append(cut)  # "480 Millionen Dollar im Jahr 2024": the date's words are the date's
    out.sort(key=lambda f: (f.start_char, f.end_char))
    if g.range_from_suffix is not None and len(out) > 1:
        out = _suffix_ranges(text, out, g)
    if out:
        _elliptical_figures(text, sentences, out, g)
        out = _without_unit_prices(out)
    return out


def _without_unit_prices(figures: list[Figure]) -> list[Figure]:
    """"бір тонна бидай үшін шамамен 260 доллар", "за одну тонну ... 260 долларов", "260 dollars for one
    tonne": one tonne (or kilogram) beside a sum of money is what a price is per, no quantity."""
    paid = {f.sentence_index for f in figures if f.kind == "money"}
    if not paid:
        return figures
    return [f for f in figures if not (f.kind == "mass" and f.sentence_index in paid and f.value_max is None
                                       and f.value in _ONE_UNIT)]


_ONE_UNIT = (1.0, 0.001)  # one tonne, one kilogram (in tonnes)


def _elliptical_figures(text: str, sentences: list[Sentence], figures: list[Figure], g: Grammar) -> None:
    """A bare amount after money in its sentence is money in the same currency; a bare number
    counts the things its sentence counts: after a count ("rund 160.000 Autos, nach
    98.000 im Jahr 2022", "900 хил. гости ..., а Египет – близо 300 хил.") or after "the number of"
    ("туристер саны 1,2 миллионға жетті", "Броят на туристите ... до около 14 хил.")."""
    counted = paid = weighed = measured = -1
    currency = mass_unit = measure = None
    subject = g.count_subject
    starts = {s.index: s.start_char for s in sentences} if subject else {}
    for f in figures:
        if f.kind == "count":
            counted = f.sentence_index
        elif f.kind == "money":
            paid, currency = f.sentence_index, f.unit
        elif f.kind == "mass":
            weighed, mass_unit = f.sentence_index, f.unit
        elif f.kind == "number" and f.unit is not None:
            measured, measure = f.sentence_index, f.unit
        elif f.kind == "number" and f.unit is None and f.value is not None and f.value >= 1 and not (
                f.surface_text.startswith("0")):  # (not "01" in a list)
            if f.sentence_index == paid and f.value >= 1e5 and currency:
                f.kind, f.unit = "money", currency  # "apporte 350 millions de dollars ..., qui prête jusqu'à 200 millions"
            elif f.sentence_index == weighed and f.sentence_index != paid and f.value >= 1e3 and mass_unit and any(
                    ch.isalpha() for ch in f.surface_text):
                # "L'Ouzbékistan a reçu 2,8 millions de tonnes, l'Afghanistan 1,6 million": the list's tonnes
                f.kind, f.unit = "mass", mass_unit  # (masses are in tonnes, as the bare number's value is)
            elif f.sentence_index == measured and f.sentence_index not in (paid, weighed) and f.value >= 1e3 and any(
                    ch.isalpha() for ch in f.surface_text):
                f.unit = measure  # "2,1 млрд кубометров против 4,3 млрд годом ранее": cubic metres too
            elif (f.sentence_index == counted and (f.value >= 100 or f.qualifier not in (None, "exact"))) or (
                    subject is not None and subject.search(text, starts.get(f.sentence_index, f.start_char), f.start_char)):
                f.kind = "count"  # ("11 ракет, тогда как с Цзюцюаня — более 20")
            elif _counts_implied(text, f, g):
                # "Passenger traffic rose 14% to 12.4 million", "a porté ses vols à 14 par semaine": a rate or a
                # magnitude word in prose counts what its sentence is about (a measure has its unit)
                f.kind = "count"


_PROSE_WORD = re.compile(r"[^\W\d_]{2,}")
_LAST_WORD_OF = re.compile(r"\d[^\W\d_]*\s+([^\W\d_]+)\.?$")


def _counts_implied(text: str, f: Figure, g: Grammar) -> bool:
    """A bare number that is a rate ("14 par semaine", "three times a week") or ends in a magnitude
    word ("12.4 million", "19,4 млрд"), in a sentence of its own words (four words or more outside it
    within 80 characters): a number of things, not a number alone."""
    last = _LAST_WORD_OF.search(f.surface_text)
    if not (g.rate_after.match(text, f.end_char) or (last and g.magnitudes.get(last.group(1)) is not None)):
        return False
    before = _PROSE_WORD.findall(text, max(0, f.start_char - 80), f.start_char)
    after = _PROSE_WORD.findall(text, f.end_char, f.end_char + 80)
    return len(before) + len(after) >= 4


def _suffix_ranges(text: str, figs: list[Figure], g: Grammar) -> list[Figure]:
    """Kazakh writes a range with case endings: "10 млн тоннадан 12 млн тоннаға дейін" (from 10 to
    12 million tonnes) is one figure, as "от 10 до 12 млн т" is."""
    out: list[Figure] = []
    for f in figs:
        p = out[-1] if out else None
        if (p is not None and p.kind == f.kind and p.unit == f.unit and p.value_max is None
                and p.sentence_index == f.sentence_index and not text[p.end_char:f.start_char].strip()
                and g.range_from_suffix.search(p.surface_text) and g.range_to_after.match(text, f.end_char)
                and p.value is not None and f.value is not None and p.value < f.value):
            m = g.range_to_after.match(text, f.end_char)
            p.value_max, p.end_char = f.value, m.end()
            p.surface_text = text[p.start_char:p.end_char]
            continue
        # ... and a bare number with its ending, the unit and magnitude only at the other end: "7-ден 10
        # күнге дейін" (from 7 to 10 days), "10-нан 12 млн тоннаға дейін"
        if (p is not None and p.kind == "number" and p.unit is None and f.unit is not None and p.value_max is None
                and p.sentence_index == f.sentence_index and p.value is not None and f.value is not None
                and (e := _BARE_FROM.match(text, p.end_char)) and g.range_from_suffix.search(e.group(1))
                and e.end() == f.start_char and (m := g.range_to_after.match(text, f.end_char))
                and (raw := _LEAD_NUMBER.match(f.surface_text))):
            lead = float(raw.group().replace(",", "."))
            scale = f.value / lead if lead else 1  # the other end's magnitude ("12 млн": a million)
            if p.value * scale < f.value:
                f.value, f.value_max, f.start_char, f.end_char = p.value * scale, f.value, p.start_char, m.end()
                f.qualifier = p.qualifier  # (the range's "дейін" is its "to", no "up to")
                f.surface_text = text[f.start_char:f.end_char]
                out[-1] = f
                continue
        out.append(f)
    return out


_BARE_FROM = re.compile(r"[-‐]?(\w{2,3})\s+")  # "7-ден ", the ending of a bare number and the space after it
_LEAD_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _doc_qualifier(text: str, figs: list[Figure], s_start: int, s_end: int, g: Grammar) -> None:
    """A figure read with the other script's grammar keeps a hedge of the article's language before
    it ("не менее 1,2 million tons", "понад 2 million tonnes"): that grammar does not know the hedge."""
    for f in figs:
        if f.qualifier != "exact" or f.kind == "date":
            continue
        q, start = qualifier_of(text, f.start_char, f.end_char, s_start, s_end, g, f.kind)
        if q != "exact" and start < f.start_char:
            f.qualifier, f.start_char = q, start
            f.surface_text = text[f.start_char:f.end_char]


# A figure written in the other script inside a sentence ("экспорт составил around 72 million tonnes")
# is read with a grammar of its own script: the language a quote in that script most often is.
_SCRIPT_READER = {"latin": "en", "cyrillic": "ru"}
_WORD_AFTER_NUMBER = re.compile(r"[\d\s.,\u00a0\u202f%$€£-]*([^\W\d_]{2,})")


def _word_script(word: str) -> str | None:
    c = word[0]
    if c.isascii() or "\u00c0" <= c <= "\u024f":
        return "latin"
    if "\u0400" <= c <= "\u04ff":
        return "cyrillic"
    return None


_OTHER_LETTER = {"latin": re.compile(r"[\u0400-\u04ff]"), "cyrillic": re.compile(r"[A-Za-z]")}


_WORD_BEFORE_NUMBER = re.compile(r"([^\W\d_]{2,})[^\w]{0,3}\Z")


_OTHER_SEEN: list = [None, None, False]  # (text, pattern, found): the last text asked about


def _has_other_letters(text: str, rx: re.Pattern) -> bool:
    if _OTHER_SEEN[0] is not text or _OTHER_SEEN[1] is not rx:
        _OTHER_SEEN[:] = [text, rx, rx.search(text) is not None]
    return _OTHER_SEEN[2]


def _qualifier_grammar(text: str, a: int, g: Grammar, rx: re.Pattern) -> Grammar:
    """The other script's grammar when a qualifier in it stands right before the number ("«... up by at
    least 15%»" in a Russian article): the number has no word after it to tell."""
    lo = max(0, a - 25)
    if not _has_other_letters(text, rx) or rx.search(text, lo, a) is None:
        return g
    w = _WORD_BEFORE_NUMBER.search(text, lo, a)
    if w is None:
        return g
    script = _word_script(w.group(1))
    other = _SCRIPT_READER.get(script) if script != g.script else None
    if other is None or other == g.lang:
        return g
    try:
        og = grammar(other)
    except Exception:
        return g
    return og if og.qualifier_before.search(text, lo, a) else g


def _span_grammar(text: str, a: int, s_end: int, g: Grammar) -> Grammar:
    """The doc language's grammar, or the other script's when the word after the number is in it."""
    rx = _OTHER_LETTER.get(g.script)
    if rx is None or not _has_other_letters(text, rx):  # most articles: one script throughout
        return g
    if rx.search(text, a, min(s_end, a + 30)) is None:
        return _qualifier_grammar(text, a, g, rx)  # no letter of the other script right after this number
    m = _WORD_AFTER_NUMBER.match(text, a, min(s_end, a + 30))
    if m is None:
        return g
    script = _word_script(m.group(1))
    if script is None or script == g.script:
        return g
    other = _SCRIPT_READER.get(script)
    if other is None or other == g.lang:
        return g
    try:
        return grammar(other)
    except Exception:
        return g


def _anchor_starts(low: str, s_start: int, s_end: int, g: Grammar) -> list[int]:
    """Every place in [s_start, s_end) of the lowercased text where the anchor may match, in
    order (a superset: the caller matches the anchor itself at each).

    An anchor is a digit, or a word that starts after a character that is not a letter or digit.
    The scans find it through that character: a space, or anything outside PLAIN_LETTERS (which
    is also where the digits are). The sentence's first character has no character before it in
    the range, so it is always a candidate."""
    starts = [s_start]
    starts += [m.start() + 1 for m in g.anchor_after_space.finditer(low, s_start, s_end)]
    starts += [m.start() if m.group("digit") is not None else m.start() + 1
               for m in g.anchor_after_other.finditer(low, s_start, s_end)]
    starts.sort()
    return starts


def _reading_limits(text: str, sentences: list[Sentence], end: int, g: Grammar) -> list[int]:
    """Where reading a sentence stops: its end, or the next sentence's end when the splitter cut
    after a magnitude abbreviation ("2,5 Mio. | Tonnen", "1,1 Mrd. | Dollar")."""
    out = []
    for k, sent in enumerate(sentences):
        lim = min(sent.end_char, end)
        if k + 1 < len(sentences) and text[lim - 1:lim] == "." and g.abbrev_end.search(
                text, max(sent.start_char, lim - 12), lim) and text.count("\n", lim, sentences[k + 1].start_char) < 2:
            # (not across a blank line: "близо 300 хил.\n\nБългарският министър" is a new paragraph)
            lim = min(sentences[k + 1].end_char, end)
        out.append(lim)
    return out


def _cut_before_taken(text: str, taken, f: Figure) -> Figure | None:
    """The figure ended before a date that its last words ran into ("480 Millionen Dollar im Jahr
    2024" read as a rate per year), when its number stands whole before the date."""
    start = next((ts for ts, te in taken if f.start_char < ts < f.end_char), None)
    if start is None or any(ts <= f.start_char < te for ts, te in taken):
        return None
    end = start
    while end > f.start_char and text[end - 1] in " \t\n\u00a0\u202f,":
        end -= 1
    surface = text[f.start_char:end]
    if not any(ch.isdigit() for ch in surface) or f.kind == "date":
        return None
    f.end_char, f.surface_text = end, surface
    return f


def _inside_taken(taken, pos):
    for s, e in taken:
        if s <= pos < e:
            return e
        if s > pos:
            break
    return None


def _overlaps_taken(taken, s, e):
    for ts, te in taken:  # sorted by start: none after one that starts at or past e overlaps
        if ts >= e:
            return False
        if s < te:
            return True
    return False


# Kazakh articles quote Russian phrasing in the same script ("около 5 процентов"): a figure the
# Kazakh grammar reads without a unit is read again with the Russian one
_SECOND_LANGUAGE = {"kk": "ru"}


def _read_with_fallback(text: str, a: int, s_start: int, s_end: int, g: Grammar, sidx: int, places=frozenset()):
    figs, pos = _read_figure(text, a, s_start, s_end, g, sidx, places)
    second = _SECOND_LANGUAGE.get(g.lang)
    if second and figs and figs[0].kind in ("count", "number") and figs[0].unit is None:
        try:
            figs2, pos2 = _read_figure(text, a, s_start, s_end, grammar(second), sidx, places)
        except Reject:
            return figs, pos
        if figs2 and figs2[0].kind in ("mass", "percentage", "money", "duration"):
            return figs2, pos2
    return figs, pos


def _read_figure(text: str, a: int, s_start: int, s_end: int, g: Grammar, sidx: int, places=frozenset()):
    """Figures starting at anchor a, and where scanning goes on."""
    q1 = read_quantity(text, a, s_end, g, s_start)
    if q1.fraction is not None and q1.kind is None and not _fraction_ok(text, q1, s_start, g):
        raise Reject(q1.end)           # "the quarter", "cinquième", "first half"
    if q1.only_one and _lone_one(text, q1, s_end, g):
        raise Reject(q1.end)           # "un accord", "one of the largest" (see _lone_one)
    figs: list[Figure] = []
    value_max = None
    end = q1.end
    second_start = None
    conn = _range_connector(text, q1, s_start, s_end, g)
    q2 = None
    if conn:
        p2 = conn[1]
        qm = g.qualifier_before_at.match(text, p2, s_end) if conn[0] != "dash" else None
        if qm:  # "between 0.002 kg and about 0.007 kg"
            p2 = qm.end()
        try:
            q2 = read_quantity(text, p2, s_end, g, s_start) if p2 < s_end and (
                text[p2].isdigit() or g.anchor.match(text, p2)) else None
        except Reject:
            q2 = None
        if q2 is not None and not _compatible(q1, q2):
            q2 = None
        if q2 is not None and q1.integer and q2.integer and _year_like(q1.raw) and _year_like(q2.raw):
            raise Reject(q2.end)          # "2024–2025"
    if q2 is not None:
        own_unit = q1.kind is not None   # "с 0,2 млн. тона до 1,4 млн. тона": each end has its unit
        _share(q1, q2)
        if conn[0] == "from_to_level" or (conn[0] == "from" and (q2.normalised < q1.normalised or change_of_context(
                text, s_start, q1.start, g, own_unit))):
            # "увеличить с 20 до 25 млн тонн": two levels, the first borrowing the second's unit
            # (so is a from-to that falls, verb or none: "время доставки — с 35 до 20 суток"; a range rises)
            second_start = q1.end
        else:
            value_max = q2.normalised
            end = q2.end
    if not q1.prefix and _negative(text, q1.start, s_start, g):
        q1.value, q1.raw = -q1.value, -q1.raw
        m = g.minus_before.search(text, max(s_start, q1.start - 8), q1.start)
        q1.start = m.start() if m else q1.start - 1
    kind, unit = q1.kind, q1.unit
    if kind == "ignore":
        # "three times a week", "trois fois par semaine", "три раза в неделю": times in a period are a count
        # (no multiplier: "grew three times")
        if q2 is None and g.rate_after.match(text, q1.end) and not _word_before_in(
                text, q1.start, s_start, g.context.get("multiplier_before", ())):  # (not "вырос в три раза за год")
            kind, unit = "count", None
        else:
            return [], max(end, q1.end)
    value = q1.normalised
    start = q1.start
    if kind is None:
        if q1.fraction is not None:
            if not _fraction_ok(text, q1, s_start, g):
                raise Reject(q1.end)
            kind, unit, value = "percentage", "%", q1.fraction
        elif q1.half and g.fractions.get(text[q1.start:q1.core_end].split()[-1]) is not None:
            if g.ordinal_before.search(text, max(s_start, q1.start - 25), q1.start) \
                    or g.plus_half_before.search(text, max(s_start, q1.start - 20), q1.core_end):
                raise Reject(q1.end)          # "first half of the year", "a month and a half"
            kind, unit, value = "percentage", "%", 50.0
        elif (ratio := _out_of(text, q1, end, s_end, g)) is not None:
            kind, unit, value, end = "percentage", "%", ratio[0], ratio[1]   # "one out of three"
        elif q1.only_one or q1.half:
            raise Reject(q1.end)          # "un accord", "one of the largest"
        else:
            kind, end = _count_or_number(text, q1, end, s_start, s_end, g, value_max, places)
            if kind == "number" and second_start is not None and q2.kind is None and count_noun_end(
                    text, q2.end, s_end, g, linked=q2.has_mag) is not None:
                kind = "count"            # "von 500 auf 1.200 Mähdrescher": the first level counts the same things
    elif q1.only_one and kind not in ("money", "mass", "duration", "percentage"):
        raise Reject(q1.end)
    elif q1.only_one and kind == "duration" and g.relative_after.match(text, end, s_end):
        raise Reject(end)                 # "un an plus tôt", "один год назад": "a year earlier"
    if q1.integer and _year_like(q1.raw) and value_max is None and (
            kind == "duration" or (kind == "mass" and q1.unit_start >= 0 and len(text[q1.unit_start:end].rstrip(".")) == 1)):
        raise Reject(end)                         # "2024 roku", "2030 году", "до 2027 г." (not grams)
    qualifier, q_start = qualifier_of(text, start, end, s_start, s_end, g, kind)
    if qualifier == "exact" and q1.inner_qualifier and kind in ("count", "number"):
        inner = g.qualifiers.get(q1.inner_qualifier)
        qualifier = inner[0] if inner and kind not in inner[2] else qualifier
    start = span_start(text, min(start, q_start), s_start, g)
    change = change_of(text, start, end, s_start, s_end, g, by_start=q_start) if kind == "mass" else None
    if kind == "mass":
        unit = "t"
    if second_start is not None:
        # the first end of "с 20 до 25 млн тонн" is its own figure
        end = q1.end
    if kind in _NEVER_NEGATIVE and value is not None and (value < 0 or (value_max or 0) < 0):
        # a mass, count or duration has no sign: "-1.2 Mt" after a dash is the amount of a fall
        if kind == "mass" and value < 0 and change == "level":
            change = "decrease"
        value = abs(value)
        value_max = abs(value_max) if value_max is not None else None
    if value_max is not None and value is not None and value_max < value:
        value, value_max = value_max, value   # "$61–56": a range is low..high whichever way it is written
    f = Figure(kind=kind, sentence_index=sidx, start_char=start, end_char=end,
               surface_text=text[start:end], value=_clean(value), value_max=_clean(value_max),
               unit=unit if kind != "count" else None, qualifier=qualifier, change=change)
    figs.append(f)
    return figs, end


def _lone_one(text: str, q1: Quantity, s_end: int, g: Grammar) -> bool:
    """A lone "one" ("un", "один") with no unit, half or fraction, and no range word or "out of" after
    it: _read_figure rejects it further down in any case, after the range, sign and ratio tests that
    cannot change that (each needs one of these patterns to match at its end). Said early, for the
    articles of languages that count with them ("un accord", "une hausse")."""
    if q1.kind is not None or q1.fraction is not None or q1.half:
        return False
    e = q1.end
    return not (g.range_dash.match(text, e, s_end) or g.range_word.match(text, e, s_end)
                or g.range_bare.match(text, e, s_end) or g.range_and.match(text, e, s_end)
                or g.out_of.match(text, e, s_end))


def _range_connector(text: str, q1: Quantity, s_start: int, s_end: int, g: Grammar):
    """(kind, where the other end starts) when the number opens a range: "10–12 млн тонн", "$10–15",
    "de 18 à 23 jours", "between 20 and 30", "с 20 до 25"; else None. The word after the number is
    tested before the words in front of it: it is seldom a "to" or "and", and the test is one match
    where the words before take a search each."""
    if q1.fraction is not None:
        return None
    dm = g.range_dash.match(text, q1.end, s_end)
    if dm:
        return ("dash", dm.end())
    before = text[max(s_start, q1.start - 30):q1.start]
    wm = g.range_word.match(text, q1.end, s_end)
    if wm and g.range_from_before.search(before):
        # "von 2,5 auf 3 Mio. Tonnen (gestiegen)": a to-word that only ever names the level reached
        if wm.group().strip().lower() in g.context.get("range_to_level", ()):
            return ("from_to_level", wm.end())
        return ("from", wm.end())
    if q1.kind is None:
        wm = g.range_bare.match(text, q1.end, s_end)   # "10 bis 12 Millionen", "5 to 7 years"
        # (after "by" too where the to-word only ever joins a range: "um 3 bis 5 Prozent")
        if wm and (not g.by_before.search(before) or wm.group().strip().lower() in g.context.get("range_to_after_by", ())):
            return ("bare", wm.end())
    wm = g.range_and.match(text, q1.end, s_end)
    if wm and g.range_between_before.search(before):
        return ("between", wm.end())
    return None


def _count_or_number(text: str, q1: Quantity, end: int, s_start: int, s_end: int, g: Grammar, value_max,
                     places=frozenset()):
    """A number followed by a noun counts it ("37 судов"); else it is a bare number."""
    if _month_after(text, end, s_end, g):
        raise Reject(end)                   # "19 марта": a date the dates work left alone
    if q1.integer and _year_like(q1.raw) and not value_max:
        raise Reject(max(end, q1.end))      # a year the dates work left alone
    noun_from = end
    if g.number_suffix:  # "20-дан астам құжатқа", "120 мыңнан астам туристі": case, qualifier, then the noun
        noun_from = max(end, q1.suffix_end)
        am = g.qualifier_after.match(text, noun_from, s_end)
        if am:
            if g.unit_after.match(text, am.end(), s_end):
                return "number", end  # "120 мыңнан астам тонна": a unit, no count (read as before)
            q1.inner_qualifier, noun_from = am.group("q"), am.end()
    noun_end = count_noun_end(text, noun_from, s_end, g, linked=q1.has_mag)
    if noun_end is not None:
        if not q1.is_words and not _place_before(text, q1.start, s_start, places) and _name_before(
                text, q1.start, s_start, g):
            raise Reject(end)               # "Boeing 737 jets" (not a country: "до Росії 106 категорій") (a spelled number names no model: "in Beijing two countries")
        return "count", noun_end
    if g.of_them is not None and (them := g.of_them.match(text, noun_from, s_end)):
        return "count", them.end()          # "27 із них уже працюють", "two of them": a number of the things counted
    if q1.is_words and q1.n_words == 1 and abs(q1.value) < 11 and value_max is None:
        raise Reject(q1.end)                # "neuf", "sept": too ambiguous alone
    if not q1.has_mag and not _place_before(text, q1.start, s_start, places) and _name_before(text, q1.start, s_start, g):
        raise Reject(end)                   # "Евро 5", "Windows 11" (not "Afghanistan 1.6 million": a list's amount)
    return "number", (noun_from if q1.inner_qualifier else end)  # ("14-ке дейін": its qualifier is its own)


def change_of_context(text: str, s_start: int, pos: int, g: Grammar, own_unit: bool = False) -> bool:
    """A verb of change before a from-to ("увеличить с 20 до 25 млн тонн", "passer de 10 à 12"): two figures.
    Not when the verb is an earlier figure's ("скоротився на 0,8 млн тонн, а ... від 6 до 8 тисяч доларів":
    a number stands between), nor when the from-word is also the language's "by" after a verb of increase
    or decrease and the unit is written once ("augmenter de 15 à 20 %", "нараства с 15 до 20%"): the
    amount of the change, a range. With the unit on both ends that "by" reads "by X to Y" ("нарасна с
    0,2 млн. тона до 1,4 млн. тона"): two figures, the first an amount of change."""
    last = None
    for last in g.change_word.finditer(text, max(s_start, pos - 150), pos):
        pass
    if last is None:
        return False
    if _NUMBER_BETWEEN.search(text, last.end(), pos):
        return False
    # "osiągnie od 8 do 10 tys. ton", "will reach from 10 to 12 million", "the voyage to Santos takes from 38
    # to 45 days": the level reached lies in a range (not "passer de 10 à 12": from one level to another)
    if g.changes.get(last.group(0)) == "level" and last.group(0).lower().startswith(tuple(g.context.get("attain", ()))):
        return False
    fw = _LAST_WORD.search(text, max(last.end(), pos - 12), pos)
    if fw and g.changes.get(fw.group(1)) == "by" and g.changes.get(last.group(0)) in ("increase", "decrease"):
        return own_unit
    return True


# a number that is not a year ("в 2025 году с 20 до 25" keeps its verb)
_NUMBER_BETWEEN = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,]\d))\d")
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+'?)[\s\u00a0]*$")


def _clean(v):
    if v is None:
        return None
    r = round(v, 9)
    return float(r)


def _negative(text: str, pos: int, s_start: int, g: Grammar) -> bool:
    """ "-1.2M" (a hyphen glued to the number, not after a word or number) or "minus five".
    A minus word that ends a qualifier phrase is not a sign: "au moins deux" is "at least two"."""
    if pos - 1 >= s_start and text[pos - 1] in "-−":
        return pos - 2 < s_start or not (text[pos - 2].isalnum() or text[pos - 2] in "-–—")
    m = g.minus_before.search(text, max(s_start, pos - 8), pos)
    if m is None:
        return False
    q = g.qualifier_before.search(text, max(s_start, pos - 40), pos)
    return q is None or q.start() > m.start()


def _year_like(v: float) -> bool:
    return _YEAR_LIKE[0] <= v <= _YEAR_LIKE[1] and float(v).is_integer()


def _compatible(q1: Quantity, q2: Quantity) -> bool:
    if q2.only_one or q2.kind == "ignore":
        return False
    if q1.kind and q2.kind:
        return (q1.kind, q1.unit) == (q2.kind, q2.unit)
    if q1.kind and not q2.kind:
        return q1.prefix             # "$10–15": the currency before the first covers both
    return True


def _share(q1: Quantity, q2: Quantity) -> None:
    """The low end borrows the high end's magnitude when it has none: "10–12 млн" = 10e6..12e6."""
    if q1.magnitude == 1.0 and q2.magnitude != 1.0 and not q1.is_words:
        scaled = q1.raw * q2.magnitude
        if scaled <= q2.value:
            q1.value = scaled
            q1.magnitude = q2.magnitude
            q1.integer = False
    if q1.kind is None and q2.kind:
        q1.kind, q1.unit, q1.factor = q2.kind, q2.unit, q2.factor
    if q2.kind is None and q1.kind:
        q2.kind, q2.unit, q2.factor = q1.kind, q1.unit, q1.factor


def _fraction_ok(text: str, q: Quantity, s_start: int, g: Grammar) -> bool:
    if q.frac_role == "denominator" and not q.numerator_given:
        return False                   # "cinquième", "piąta" alone are ordinals
    if q.frac_role == "denominator_article" and not q.numerator_given:
        if not g.article_before.search(text, max(s_start, q.start - 6), q.start):
            return False               # "pays tiers"
    if g.ordinal_before.search(text, max(s_start, q.start - 25), q.start):
        return False                   # "first half", "первая половина"
    nxt = _NEXT_WORD.match(text, q.core_end)
    if nxt and nxt.group(1).lower() in g.context.get("fraction_not_before", ()):
        return False                   # "a third party", "le tiers monde"
    return True


def _place_before(text: str, pos: int, s_start: int, places: frozenset[int]) -> bool:
    """A country's name ends the word right before the number ("до Росії 106", "Қазақстанға 120": its
    case ending after the name)."""
    if not places:
        return False
    i = pos - 1
    return any(k in places for k in range(_word_start(text, i, s_start) + 1, i + 1))


def _word_before_in(text: str, pos: int, s_start: int, words) -> bool:
    """The word right before pos (spaces between) is one of words (lowercase)."""
    m = _LAST_WORD.search(text, max(s_start, pos - 12), pos) if words else None
    return bool(m) and m.group(1).lower() in words and not text[m.end():pos].strip()


def _word_start(text: str, i: int, s_start: int) -> int:
    """Where the letters that end right before position i begin (not before s_start)."""
    j = i
    while j > s_start and text[j - 1].isalpha():
        j -= 1
    return j


def _name_before(text: str, pos: int, s_start: int, g: Grammar) -> bool:
    """A capitalised word right before a bare number names a product or standard: "Евро 5"."""
    i = pos - 1
    if i < s_start or text[i] not in " \u00a0":
        return False
    j = _word_start(text, i, s_start)
    word = text[j:i]
    if word.lower() in g.months:
        return True                  # "March 19": a date the dates work left alone
    if not word or not word[0].isupper() or j == s_start:
        return False
    return word.lower() not in g.context.get("stop", ()) and g.qualifiers.get(word) is None


_NEXT_WORD = re.compile(r"[\s\u00a0\u202f]+([^\W\d_]+\.?)")


def _month_after(text: str, pos: int, s_end: int, g: Grammar) -> bool:
    m = _NEXT_WORD.match(text, pos, s_end)
    return bool(m) and (m.group(1).lower() in g.months or m.group(1).lower().rstrip(".") in g.months)


def _out_of(text: str, q1: Quantity, end: int, s_end: int, g: Grammar):
    """ "one out of three" as a percentage (not rounded: it is a ratio, not a fraction word)."""
    m = g.out_of.match(text, end, s_end)
    if not m or q1.has_mag:
        return None
    try:
        q2 = read_quantity(text, m.end(), s_end, g, m.end())
    except Reject:
        return None
    if q2.kind or q2.has_mag or not q2.value:
        return None
    return 100.0 * q1.value / q2.value, q2.end
