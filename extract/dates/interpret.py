"""From a regex match to date fields, with the checks a regex cannot express.

Returns None when the match is not a date after all (a homograph without its
preposition, a number followed by a unit); the caller then tries the later
shapes at the same position. Returns a shorter span when only a tail is wrong
("в июле 15 судов" keeps "в июле").
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .patterns import SHAPES, Compiled

# Two-digit years up to this are 20xx ("18.07.14"), later ones 19xx ("31.10.74", "03/18/40").
TWO_DIGIT_PIVOT = 30
_CLAUSE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)\]»”\"]|$)")
# (a digit before a year is a number's, not that of a quarter or half: "Q3 2024", "H1 2025")
_BAD_BEFORE_YEAR = re.compile(r"(?:[№#$€£¥₸+)]|\bNo\.?|\bNr\.?|\bп\.|(?<!\b[QH])\d)[^\S\n]*$", re.I)
_PREV_WORD = re.compile(r"(\w+)[^\S\n]+$")
_QUARTER = re.compile(r"[QH][1-4]")


_FRACTION_ARTICLE = re.compile(r"(?:^|\W)(?:a|an|one)\s+\Z", re.IGNORECASE)  # before a spelled ordinal: a fraction


def _year_end(g: dict) -> int:
    return g["ysuf"][2] if "ysuf" in g else g["year"][2]


def _range_end_year(year: int, end: str) -> int:
    """The last year of a range written in full or by its last two digits ("2025-2029", "2020-23")."""
    return int(end) if len(end) == 4 else (year // 100) * 100 + int(end)


def _year_end_first(g: dict) -> int:
    """Where the first year of a range ends (its suffix included: "2025 г.–2029 г.")."""
    return g["ysuf"][2] if "ysuf" in g and g["ysuf"][2] <= g["yend"][1] else g["year"][2]


def _decade_at(text: str, pos: int) -> bool:
    """A decade ending right after the digits: "-х", "-е", "er", "s"."""
    return pos < len(text) and (text[pos].isalpha() or (
        text[pos] == "-" and pos + 1 < len(text) and text[pos + 1].isalpha()))


@dataclass(slots=True)
class DateParts:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    month2: int | None = None      # a month range ("январь–октябрь"): its last month,
    end1: int = 0                  # where the first month's span ends
    start2: int = 0                # and where the last month's starts
    day2: int | None = None        # a list of two days ("12 and 13 March"): the second day, from start2
    year2: int | None = None       # a range of years ("2025-2029"): the last year, from start2


def _groups(m: re.Match, shape: str) -> dict[str, tuple[str, int, int]]:
    """The shape's groups that took part, by name without the suffix: name -> (text, start, end)."""
    vals = m.groups()
    span = m.span
    out = {}
    for name, i in _shape_groups(m.re).get(shape, ()):
        val = vals[i - 1]
        if val is not None:
            s, e = span(i)
            out[name] = (val, s, e)
    return out


_SHAPE_GROUPS: dict[int, tuple[re.Pattern, dict]] = {}


def _shape_groups(rx: re.Pattern) -> dict[str, list[tuple[str, int]]]:
    """shape -> [(short name, group number)] for one compiled alternation, built once:
    walking only the matched shape's groups is much cheaper than m.groupdict() over all."""
    hit = _SHAPE_GROUPS.get(id(rx))
    if hit is None or hit[0] is not rx:  # keyed by id: hashing a Pattern hashes its whole code
        by_shape: dict[str, list[tuple[str, int]]] = {}
        for name, i in sorted(rx.groupindex.items(), key=lambda kv: kv[1]):
            short, sep, shape = name.rpartition("__")
            if sep:
                by_shape.setdefault(shape, []).append((short, i))
        hit = _SHAPE_GROUPS[id(rx)] = (rx, by_shape)
    return hit[1]


def _expand_year(yy: str) -> int:
    n = int(yy.lstrip("'"))
    return 2000 + n if n <= TWO_DIGIT_PIVOT else 1900 + n


def _valid_day(day: int, month: int, year: int | None) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


class Interpreter:
    def __init__(self, comp: Compiled, text: str, low: str, endpos: int):
        # matches run on `low` (the lowercased text, same offsets); case is read from `text`
        self.c, self.lex, self.text, self.low, self.endpos = comp, comp.lex, text, low, endpos

    # -------------------------------------------------------------- helpers
    def quantity_after(self, pos: int) -> bool:
        return self.c.not_after_number.match(self.low, pos, self.endpos) is not None

    def clause_end_after(self, pos: int) -> bool:
        return _CLAUSE_END.match(self.low, pos, self.endpos) is not None

    def day_value(self, g: dict, n: str = "") -> int | None:
        if "dnum" + n in g:
            return int(g["dnum" + n][0])
        if "dword" + n in g:
            return self.spelled_day(g["dword" + n][0])
        return None

    def spelled_day(self, words: str) -> int | None:
        w = re.sub(r"\s+", " ", words.lower())
        if w in self.lex.ordinals:
            return self.lex.ordinals[w]
        for tens, tv in self.lex.tens.items():
            for sep in (" ", "-"):
                if w.startswith(tens + sep):
                    unit = self.lex.ordinals.get(w[len(tens) + 1:].strip())
                    if unit is not None and 1 <= unit <= 9 and tv + unit <= 31:
                        return tv + unit
        return None

    def month_word(self, surface: str):
        return self.lex.months.get(surface.lower().rstrip("."))

    def weekday_word(self, surface: str):
        w = self.lex.weekdays.get(surface.lower().rstrip("."))
        if w is not None and w.dotted and not surface.endswith("."):
            # "пон." is a weekday on its own, "пон" only next to a date
            return type(w)(w.value, "with_number", True)
        return w

    # -------------------------------------------------------------- shapes
    def interpret(self, m: re.Match) -> DateParts | None:
        shape, method = _SHAPE_METHODS[m.lastgroup]
        g = _groups(m, shape)
        parts = method(self, m, g)
        if parts is None:
            return None
        if "wd" in g or "wd2" in g:
            if parts.weekday is None:
                wd = self.weekday_word(g.get("wd", g.get("wd2"))[0])
                parts.weekday = wd.value if wd else None
        # never end on the space or comma before a dropped tail
        while parts.end > parts.start and self.text[parts.end - 1] in " ,\u00a0\u202f\t":
            parts.end -= 1
        return parts

    def _numeric_iso(self, m, g):
        y, mo, d = int(g["iy"][0]), int(g["im"][0]), int(g["id"][0])
        if not _valid_day(d, mo, y):
            return None
        return DateParts(m.start(), m.end(), y, mo, d)

    def _numeric(self, m, g):
        n1, n2, yy, sep = int(g["n1"][0]), int(g["n2"][0]), g["ny"][0], g["sep"][0]
        if sep == "-" and len(yy) == 2:
            return None  # "12-05-14" is more often a code than a date
        year = int(yy) if len(yy) == 4 else _expand_year(yy)
        if not 1000 <= year <= 2199:
            return None
        if self.lex.lang == "en" and sep == "/":
            mo, d = (n1, n2) if n1 <= 12 else (n2, n1)   # US order, unless impossible
        else:
            d, mo = (n1, n2) if n2 <= 12 else (n2, n1)
        if not _valid_day(d, mo, year):
            return None
        return DateParts(m.start(), m.end(), year, mo, d)

    def _year_of_tail(self, m, g, month_end: int, need_day: bool) -> tuple[int | None, int]:
        """(year, span end) from the optional year after a month; drops a tail that is a quantity."""
        if "year" in g:
            val, ye = g["year"][0], _year_end(g)
            if "yw" in g:
                return int(val), g["yw"][2]
            if self.quantity_after(ye) or _decade_at(self.text, ye):
                return None, month_end
            return int(val), ye
        if "y2" in g:
            val, _, ye = g["y2"]
            n = int(val.lstrip("'"))
            ok = val.startswith("'") or (n > 31 and not self.quantity_after(ye)) or (
                need_day and self.clause_end_after(ye))
            if ok:
                return _expand_year(val), ye
        return None, month_end

    def _dmy(self, m, g):
        day = self.day_value(g)
        mon = self.month_word(g["mon"][0])
        if day is None or mon is None:
            return None
        if "dword" in g and _FRACTION_ARTICLE.search(self.text, max(0, m.start() - 6), m.start()):
            return None  # "fell by about a third in January": a fraction, not the 3rd
        year, end = self._year_of_tail(m, g, g["mon"][2], need_day=True)
        if year is None and self._homograph(mon, g):
            return None  # "2 may be"
        if not _valid_day(day, mon.value, year):
            return None
        tail_kept = year is not None or not ("year" in g or "y2" in g)
        if "wd2" in g and tail_kept:
            end = g["wd2"][2]  # "21 сентября 2021г., вторник"
        elif "wd2" in g:
            g.pop("wd2")
        parts = DateParts(m.start(), end, year, mon.value, day)
        if "dand" in g:
            day2 = int(g["dand"][0])
            if _valid_day(day2, mon.value, year) and day2 != day:
                parts.day2, parts.start2 = day2, g["dand"][1]
                parts.end1 = g["dsuf"][2] if "dsuf" in g else g["dnum"][2]
        return parts

    def _mdy(self, m, g):
        day = self.day_value(g)
        mon = self.month_word(g["mon"][0])
        if day is None or mon is None:
            return None
        end = m.end()
        year = int(g["year"][0]) if "year" in g else None
        if year is None and self.quantity_after(end):
            return None  # "in July 15 ships"
        if year is None and self._homograph(mon, g):
            return None  # "may 5" the verb
        if not _valid_day(day, mon.value, year):
            return None
        return DateParts(m.start(), end, year, mon.value, day)

    def _season(self, at: int) -> bool:
        """The word before the month name makes it a season ("маркетингтік маусым", "егін маусымы")."""
        head = self.text[max(0, at - 40):at].rstrip()
        words = head.split()
        return bool(words) and head.endswith(words[-1]) and words[-1].lower() in self.lex.season_words

    def _month_noun_after(self, end: int) -> bool:
        """The word "month" right after the name makes it the month ("маусым айының соңына дейін": by the
        end of June; "маусым" alone is also a season)."""
        if not self.lex.month_nouns:
            return False
        words = self.text[end:end + 16].split(None, 1)
        return bool(words) and self.text[end:end + 1].isspace() and words[0].lower().rstrip(".,;:") in self.lex.month_nouns

    def _homograph(self, mon, g) -> bool:
        """A month name that is also a common word, written like the word: lowercase en "may"."""
        return (mon.use == "with_prep" and "prep" not in g and self.lex.capitalised_months
                and self.text[g["mon"][1]].islower())

    def _weekday(self, m, g):
        wd = self.weekday_word(g["wd"][0])
        if wd is None:
            return None
        end, day = g["wd"][2], None
        if "dnum" in g:
            _, _, de = g["dnum"]
            if "dsuf" in g:
                day, end = int(g["dnum"][0]), g["dsuf"][2]
            elif self.clause_end_after(de):
                day, end = int(g["dnum"][0]), de
        if wd.use == "with_number" and day is None:
            return None
        if wd.use == "with_prep" and day is None and "prep" not in g:
            return None
        return DateParts(m.start(), end, None, None, day, wd.value)

    def _month(self, m, g):
        surface = g["mon"][0]
        mon = self.month_word(surface)
        if mon is None:
            return None
        month_end = g["mon2"][2] if "mon2" in g else g["mon"][2]
        year, end = self._year_of_tail(m, g, month_end, need_day=False)
        if year is None:
            if mon.use == "with_number":
                return None
            if mon.use == "with_prep" and "prep" not in g and not self._month_noun_after(month_end):
                return None
            if self.lex.capitalised_months and self.text[g["mon"][1]].islower() and "prep" not in g:
                return None  # "march", "august" as ordinary words
            if self.lex.season_words and "prep" not in g and self._season(g["mon"][1]):
                return None  # "осы маркетингтік маусымда": in this marketing season
        parts = DateParts(m.start(), end, year, mon.value)
        if "mon2" in g:
            mon2 = self.month_word(g["mon2"][0])
            if mon2 is not None and mon2.value != mon.value:
                parts.month2, parts.end1, parts.start2 = mon2.value, g["mon"][2], g["mon2"][1]
        return parts

    def _year(self, m, g):
        parts = self._year_span(m, g)
        # "2025-2029", "2025–2029 годах": a range of years is two dates, each with its year (one year
        # and the next, "2024-2025", "2024/25", stays one marketing or fiscal year)
        if parts is not None and "yend" in g and parts.month is None and parts.end >= g["yend"][2]:
            ev, es, _ee = g["yend"]
            last = _range_end_year(parts.year, ev)
            if last > parts.year + 1:
                parts.year2, parts.end1, parts.start2 = last, _year_end_first(g), es
        return parts

    def _year_span(self, m, g):
        val, ys, _ = g["year"]
        year = int(val)
        end = _year_end(g)
        if "yw" not in g and _decade_at(self.text, end):
            return None  # "в 1990-х", "2020er", "the 1990s" (but "в 2021г." is a year)
        if "yend" in g:
            ev, _, ee = g["yend"]
            last = _range_end_year(year, ev)
            if year < last <= year + 50:
                end = ee
            elif "yw" in g:
                return None  # "2023-15 гг." is not a year range
        if "yw" in g:
            return DateParts(m.start(), g["yw"][2], year) if 1000 <= year <= 2199 else None
        if not 1900 <= year <= 2099 or self.quantity_after(end):
            return None  # "2024 tonnes"
        if "prep" in g or "ywb" in g:
            return DateParts(m.start(), end, year)
        if "yend" in g and end == g["yend"][2] and self.text[g["yend"][1] - 1] in "/-–—" \
                and int(g["yend"][0][-2:]) == (year + 1) % 100:
            return DateParts(m.start(), end, year)  # a marketing or fiscal year: "2024/25", "2024-2025", "2024–25"
        # a bare year: not a number, price, code or name ("№ 2024", "Vision 2050")
        if _BAD_BEFORE_YEAR.search(self.text, max(0, ys - 6), ys) or self._after_name(ys):
            return None
        if self.clause_end_after(end):
            return DateParts(m.start(), end, year)
        # Languages that mark years with a word ("2024 г.", "2024 roku") write quantities
        # without a thousands separator, so an unmarked 2024 mid-sentence may be a count there.
        # Elsewhere ("2024 was a record", "the 2030 target") it is a year.
        if not self.lex.year_after and "yend" not in g:
            return DateParts(m.start(), end, year)
        return None

    def _after_name(self, pos: int) -> bool:
        """A capitalised word right before, not opening the sentence: "Vision 2050", "Kazakhstan 2050"."""
        if self.lex.capitalised_nouns:
            return False
        w = _PREV_WORD.search(self.text, max(0, pos - 40), pos)
        if not w or not w.group(1)[:1].isupper() or _QUARTER.fullmatch(w.group(1)):
            return False  # (a quarter or half of the year, "Q3 2024", "H1 2025", is no name)
        before = self.text[max(0, w.start() - 3):w.start()].strip()
        opens_sentence = before == "" or before[-1:] in ".!?:;\n\"«“„(—–-"
        # a short capitalised opener is an article or preposition ("The 2030 target"),
        # a longer one a name ("Kazakhstan 2050 strategy")
        return not (opens_sentence and len(w.group(1)) <= 3)

    def _day(self, m, g):
        day = self.day_value(g)
        if day is None:
            return None
        if "dnum" in g and "dsuf" not in g and self.lex.lang != "fr":
            return None  # only "le 16" goes without an ordinal ending
        return DateParts(m.start(), m.end(), None, None, day)


# "alt_<shape>" (a match's lastgroup) -> (shape, the method that reads it), built once
_SHAPE_METHODS = {"alt_" + shape: (shape, getattr(Interpreter, "_" + shape)) for shape in SHAPES}
