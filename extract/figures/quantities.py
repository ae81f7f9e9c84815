"""Reading one quantity at an anchor: number, magnitude, unit or currency, "and a half".

A quantity is what one side of a range is made of: an optional currency before the
number ("$", "US$", "EUR"), the number in digits or words, a magnitude ("млн", "bn",
"millions"), "and a half", then a unit ("тонн", "%", "days", "d'euros", "barrels per
day") and a rate denominator that belongs to it ("a barrel", "за тонну").
"""
from __future__ import annotations

import re

# "південь", "на півдні" (south) and "полдень" (noon) are words of their own, not half a day
_SOUTH_NOON = re.compile(r"(?i)півд|полдень|полудн")

from .grammar import SP, Grammar, _norm
from .numbers import DIGITS, parse_digits, parse_word_run

_GLUED_AFTER = re.compile(r"[^\W\d_]")
_DATE_OR_TIME_AFTER = re.compile(r"[.,/:]\d|[-‐]\d+[-‐]\d")     # 12.03.2024, 21:31, 60-70-80
_CODE_AFTER = re.compile(r"[-‐][^\W\d_]|\+\d")  # 21-й, 5+1
_ONE_WORD = re.compile(r"[ \u00a0]+([^\W\d_]{4,})(?=[ \u00a0])")  # "зимних" in "четырёх зимних месяцев"
_SPACES = re.compile(rf"{SP}*")


class Quantity:
    """One side of a range as read. The defaults are class attributes: a reading sets only the
    few fields it finds, and a quantity is made at every anchor (about 16 per article)."""

    value = 0.0            # number x magnitude (before the unit factor)
    raw = 0.0              # the number as written, before the magnitude
    magnitude = 1.0
    kind: str | None = None
    unit: str | None = None
    factor = 1.0
    is_words = False
    only_one = False
    fraction: float | None = None
    integer = False        # digits only, no separator: a possible year
    n_words = 0
    unit_start = -1
    prefix = False         # the currency stood before the number
    suffix_end = -1        # after a case ending on the digits ("20-дан")
    inner_qualifier: str | None = None  # a qualifier between the number and what it counts ("20-дан астам құжат")
    half = False
    frac_role = ""
    numerator_given = False
    has_mag = False

    def __init__(self, start: int):
        self.start = self.end = self.core_end = start

    @property
    def normalised(self) -> float:
        return self.value * self.factor


class Reject(Exception):
    """Not a figure; `skip_to` is where scanning goes on."""

    def __init__(self, skip_to: int):
        self.skip_to = skip_to


_TOKEN_REST = re.compile(r"(?:[\w+\-‐/.:]|,(?=\d))*")


def _token_end(text: str, pos: int, limit: int) -> int:
    """End of the code-like token around pos ("A320neo", "21:31", "ВПУ-2"), to skip it whole."""
    return max(_TOKEN_REST.match(text, pos, limit).end(), pos + 1)


def read_quantity(text: str, pos: int, limit: int, g: Grammar, sent_start: int) -> Quantity:
    """The quantity starting at pos (a digit, a number word, or a currency before a number)."""
    q = Quantity(pos)
    p = pos
    last_mag = 1.0
    pm = _prefix_at(text, p, limit, g)
    if pm:
        q.kind, q.unit, q.factor = pm[1]
        q.prefix = True
        p = _SPACES.match(text, pm[0], limit).end()
        if p >= limit or not (text[p].isdigit() or text[p] in "-−"):
            raise Reject(pm[0])
    neg = False
    if p < limit and text[p] in "-−":
        neg = True
        p = _SPACES.match(text, p + 1, limit).end()
    if p < limit and text[p].isdigit():
        _check_digit_left(text, p, sent_start, g, q.prefix)
        m = DIGITS.match(text, p, limit)
        if not m:
            raise Reject(p + 1)
        e = m.end()
        if _DATE_OR_TIME_AFTER.match(text, e, limit):
            raise Reject(_token_end(text, e, limit))
        q.raw, has_frac = parse_digits(m.group(0), g.decimal)
        q.integer = not has_frac and m.group(0).isdigit()
        q.core_end = e
    elif g.half_glued.match(text, p, limit) and not g.word_run.match(text, p, limit) and not _SOUTH_NOON.match(text, p, limit):
        # "полгода", "півроку": half glued to its unit
        hm = g.half_glued.match(text, p, limit)
        um = g.unit_after.match(text, hm.end(), limit)
        if not um or um.start() != hm.end():
            mm = g.magnitude_after.match(text, hm.end(), limit)
            if not mm or mm.start() != hm.end():  # "полмиллиона тонн", "півмільйона": half a magnitude
                raise Reject(hm.end())
        q.is_words = True
        q.half = True
        q.raw = 0.5
        e = q.core_end = hm.end()
    else:
        m = g.word_run.match(text, p, limit)
        if not m:
            raise Reject(p + 1)
        lead_one = bool(g.article_before.search(text, max(sent_start, p - 12), p))
        run = parse_word_run(text, p, m.end(), g, lead_one=lead_one)
        if run is None or run.end <= p:
            raise Reject(m.end())
        q.is_words = True
        q.raw = run.value
        q.only_one = run.only_one
        q.half = run.half
        q.n_words = len(run.roles)
        q.fraction = run.fraction
        q.frac_role = run.frac_role
        q.numerator_given = run.numerator_given
        e = q.core_end = run.end
        if run.has_magnitude:
            q.magnitude = -1.0     # already inside raw
            last_mag = run.last_mag
        if lead_one and (run.fraction is not None or run.has_magnitude):
            a = g.article_before.search(text, max(sent_start, p - 12), p)
            q.start = a.start()
    if neg:
        q.raw = -q.raw
    # "с половиной", "and a half" before the magnitude or unit
    if q.magnitude == 1.0:
        e = _plus_half(text, e, limit, g, q)
    if q.magnitude == 1.0:
        mm = g.magnitude_after.match(text, e, limit)
        if mm:
            word = mm.group("glued") or mm.group("spaced")
            q.magnitude = g.magnitudes.get(word) or 1.0
            e = mm.end()
            q.integer = False
            q.fraction = None                 # "quarter million": raw is the ratio
    if q.magnitude < 0:
        q.magnitude = 1.0
        q.value = q.raw
        has_mag = True
    else:
        q.value = q.raw * q.magnitude
        has_mag = q.magnitude != 1.0
    q.has_mag = has_mag
    e2 = _plus_half(text, e, limit, g, q, scale=(last_mag if q.is_words else q.magnitude) if has_mag else 1.0)
    e = e2
    q.end = e
    # glued letters that are not a unit: "14th", "A320neo", "5G", "2e"
    if not q.is_words and e < limit and _GLUED_AFTER.match(text, e) and e == q.core_end:
        um = g.unit_after.match(text, e, limit)
        if not um or um.start("unit") != e:
            raise Reject(_token_end(text, e, limit))
    if not q.is_words and e == q.core_end and _CODE_AFTER.match(text, e, limit):
        um = g.unit_after.match(text, e, limit)
        sm = g.number_suffix.match(text, e, limit) if g.number_suffix and not um else None
        if sm:
            q.suffix_end = sm.end()  # "20-дан астам құжатқа": a case ending, not a code ("ВПУ-2")
        elif not um:
            raise Reject(_token_end(text, e, limit))
    if not q.prefix:
        um = g.unit_after.match(text, e, limit)
        if not um and q.half:
            mm2 = g.article_after.match(text, e, limit)
            if mm2:
                um = g.unit_after.match(text, mm2.end(), limit)
        if not um and not has_mag:
            um = _duration_after_adjective(text, e, limit, g)
        if um and (not um.group("link") or has_mag or q.is_words):
            payload = g.units.get(um.group("unit"))
            if payload:
                q.kind, q.unit, q.factor = payload
                q.unit_start = um.start("unit")
                e = um.end()
    if q.kind:
        e = _plus_half(text, e, limit, g, q, after_unit=True)
        rm = g.rate_after.match(text, e, limit)
        if rm and q.kind in ("money", "mass", "number"):
            e = rm.end()
    q.end = e
    return q


def _duration_after_adjective(text: str, e: int, limit: int, g: Grammar):
    """A time unit after one lowercase word that is no number, magnitude or qualifier word: "четырёх
    зимних месяцев", "dwóch ostatnich lat", "three winter months" (only time: "400 вагонов месяц" has
    its unit after a preposition, and a counted noun is no adjective of a mass)."""
    wm = _ONE_WORD.match(text, e, limit)
    if not wm or not wm.group(1).islower():
        return None
    w = wm.group(1)
    if g.words.get(w) is not None or g.magnitudes.get(w) is not None or g.qualifiers.get(w) is not None:
        return None
    um = g.unit_after.match(text, wm.end(), limit)
    if not um or um.group("link"):
        return None
    payload = g.units.get(um.group("unit"))
    return um if payload and payload[0] == "duration" else None


def _prefix_at(text: str, p: int, limit: int, g: Grammar):
    mm = g.prefix_at.match(text, p, limit)
    if not mm:
        return None
    payload = g.prefixes.get(mm.group("prefix"))
    return (mm.end(), payload) if payload else None


def _plus_half(text: str, e: int, limit: int, g: Grammar, q: Quantity, scale: float = 1.0,
               after_unit: bool = False) -> int:
    hm = g.plus_half.match(text, e, limit)
    if not hm:
        return e
    add = g.half_values.get(_norm(hm.group("h")))
    if add is None:
        return e
    if after_unit:
        q.value += add          # "trois ans et demi": half of the unit
    elif scale != 1.0:
        q.value += add * scale  # "3 million and a half"
    else:
        q.raw += add            # "три с половиной"
        q.value = q.raw * q.magnitude if q.magnitude > 0 else q.raw
    q.only_one = False
    q.integer = False
    q.n_words += 1
    return hm.end()


def _check_digit_left(text: str, p: int, sent_start: int, g: Grammar, has_prefix: bool) -> None:
    """Digits glued to what precedes them are part of a name or code: A320, Ил-76, C5+1, 21:31."""
    if g.marker_before.search(text, max(0, p - 8), p):
        raise Reject(_token_end(text, p, len(text)))   # the splitter may have cut after "с."
    if p <= sent_start:
        return
    prev = text[p - 1]
    if prev.isdigit():
        raise Reject(_token_end(text, p, len(text)))
    if prev.isalpha() and not has_prefix and not _lost_space(text, p, sent_start):
        raise Reject(_token_end(text, p, len(text)))
    if p - 2 >= sent_start:
        prev2 = text[p - 2]
        if (prev in "-‐" and prev2.isalpha()) or (prev in "+/:" and prev2.isalnum()):
            raise Reject(_token_end(text, p, len(text)))
    if prev in "+(":  # +7 (7292) 60-70-80
        pm = _PHONE.match(text, p - 1)
        if pm:
            raise Reject(pm.end())


_GLUED_WORD = re.compile(r"[^\W\d_]{3,}\Z")
_AFTER_GLUED = re.compile(r"\d+(?:[.,]\d+)?(?=[\s\u00a0\u202f]|$)")


def _lost_space(text: str, p: int, sent_start: int) -> bool:
    """Digits glued to a lowercase word by a lost space ("немесе307,7 млн", "around72 million"),
    not a code or name ("A320", "Ил76", "CO2"): a word of three or more lowercase letters before
    them, and the number ends at a space."""
    w = _GLUED_WORD.search(text, max(sent_start, p - 20), p)
    return bool(w) and w.group().islower() and _AFTER_GLUED.match(text, p) is not None


_PHONE = re.compile(r"\+\d{1,3}[ \u00a0]?\(?\d{2,5}\)?(?:[ \u00a0\-‐]?\d{2,4}){1,4}"
                    r"|\(\d{2,5}\)[ \u00a0]?\d{2,4}(?:[ \-‐]\d{2,4}){1,3}")
