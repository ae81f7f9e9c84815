"""Numbers: digits with the separators outlets use, and numbers written in words.

Digits: thousands grouped by a space, U+00A0, U+202F, a dot or a comma; a decimal comma
or point. A single separator followed by exactly three digits is ambiguous ("1,850",
"4,800"); the language's decimal separator (grammar/number_format.csv) decides: in a
decimal-comma language "4,800" is 4.8, in English "1,850" is 1850 and "4.800" is 4.8.

Words: a run of number words ("двадцать одним миллионом", "quatre-vingt-dix neuf",
"two hundred and two thousand") is summed the usual way: units, tens and hundreds build
a group, a magnitude word multiplies the group and closes it.
"""
from __future__ import annotations

import re

from .grammar import Grammar

DIGITS = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f\u2009\u2007\u200a]\d{3}(?!\d))+(?:[.,]\d+(?![.,]?\d))?"  # 1 414 021 100, 2 700, 1 500
    r"|\d{1,3}(?:(?P<s>[.,])\d{3}(?!\d))(?:(?P=s)\d{3}(?!\d))*(?:(?!(?P=s))[.,]\d+)?"  # 1.700.000, 1,850, 6.700,54
    r"|\d+(?:[.,]\d+)?"                                                                 # 1,5  0.77  2024
)

_GROUP_SPACE = re.compile(r"[ \u00a0\u202f\u2009\u2007\u200a]")  # space, no-break, narrow, thin, figure, hair

# order of a word inside one group: a new word of the same or a higher order starts a new number
_ORDER = {"unit": 1, "teen": 2, "ten": 2, "hundred": 3}


def parse_digits(s: str, decimal: str) -> tuple[float, bool]:
    """Value of a digit string matched by DIGITS, and whether it has a fractional part."""
    if s.isdigit():
        return float(s), False                        # most numbers: no separator at all
    s = _GROUP_SPACE.sub("", s)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return float(s), False
    if len(seps) == 1:
        head, tail = re.split(r"[.,]", s)
        if len(tail) == 3 and seps[0] != decimal and head != "0":
            return float(head + tail), False         # "1,850" in en, "100.000" in fr
        return float(head + "." + tail), True         # "1,5", "4,800" in fr, "4.800" in en, "1.5" in ru
    last = seps[-1]
    if seps.count(last) == 1 and seps[0] != last:
        # "6.700,54" / "1,674.5": the last separator is the decimal one
        int_part, frac = s.rsplit(last, 1)
        return float(int_part.replace(seps[0], "") + "." + frac), True
    return float(s.replace(last, "")), False          # "1.700.000", "3,000,000"


class WordNumber:
    """The value of a run of number words, with what the run ended on."""
    __slots__ = ("value", "end", "roles", "fraction", "frac_role", "numerator_given", "has_magnitude", "last_mag")

    def __init__(self):
        self.value = 0.0
        self.end = 0
        self.roles: list[str] = []
        self.fraction: float | None = None   # percentage when the run ends on a fraction ("trzy czwarte")
        self.frac_role = ""                  # noun | denominator | denominator_article
        self.numerator_given = False
        self.has_magnitude = False
        self.last_mag = 1.0

    @property
    def only_one(self) -> bool:
        """A lone "one"/"un"/"один": an article unless a unit or magnitude follows."""
        return self.roles == ["one"]

    @property
    def half(self) -> bool:
        """A lone "half"/"пол"/"pół": 0.5 of a following unit, else a fraction word."""
        return self.roles in (["half"], ["half_glued"], ["one", "half"])


def parse_word_run(text: str, start: int, end: int, g: Grammar, lead_one: bool = False) -> WordNumber | None:
    """Parse the number words in text[start:end] (a match of g.word_run); None if they make no number."""
    out = WordNumber()
    roles = out.roles
    total = group = 0.0
    last_order = 99
    decimals: str | None = None
    conj, point = g.context.get("conj", set()), g.context.get("point", set())
    for m in g.word_token.finditer(text, start, end):
        tok = m.group(0)
        low = tok.lower()
        w = g.words.get(tok)
        mag = g.magnitudes.get(tok) if w is None else None
        frac = g.fractions.get(tok) if w is None and mag is None else None
        if w is None and mag is None and frac is None:
            if low in conj:
                if not roles or roles[-1] not in ("ten", "hundred", "magnitude", "mult"):
                    break      # "two and three" is two numbers; "тридесет и три" is one
                continue
            if low in point and roles and decimals is None:
                decimals = ""  # "two point two million"
                continue
            break
        if roles and roles[-1] == "fraction" and mag is None:
            break
        if frac is not None:
            if roles and roles[-1] in ("fraction", "magnitude", "half", "half_glued"):
                break
            role, denom = frac
            out.numerator_given = bool(roles) or lead_one
            num = total + group if roles else 1.0
            out.fraction = round(100.0 * num / denom, 2)
            out.frac_role = role
            out.value = num / denom
            roles.append("fraction")
            out.end = m.end()
            continue
        if mag is not None:
            if not roles:
                # "millions of people": a magnitude alone is vague, unless it is singular ("mille",
                # "тысяча") or an article precedes ("a thousand", "a million")
                if not (lead_one or low in g.context.get("magnitude_alone", ())):
                    return None
                group = 1.0
            if roles and roles[-1] == "fraction":
                total = out.value * mag       # "quarter million"
                out.fraction = None
            else:
                base = group + (float("0." + decimals) if decimals else 0.0)
                decimals = None
                total += (base or 1.0) * mag
            group, last_order = 0.0, 99
            out.has_magnitude = True
            out.last_mag = mag
            roles.append("magnitude")
            out.end = m.end()
            continue
        role, value = w
        if decimals is not None:
            if role == "unit" and value < 10:
                decimals += str(int(value))
                out.end = m.end()
                continue
            break
        if role in ("one", "unit", "teen", "ten", "hundred"):
            order = _ORDER.get(role, 1)
            if roles and roles[-1] in ("unit", "one", "teen", "ten", "hundred", "mult", "half", "half_glued") \
                    and order >= last_order \
                    and not (role == "teen" and roles[-1] == "ten" and group % 100 in (60, 80)):  # soixante-dix
                break
            group += value
            last_order = order
        elif role == "mult":          # "cent", "hundred", "hundert": multiplies the group so far
            group = (group or 1.0) * value
            last_order = 3
        elif role in ("half", "half_glued"):   # "half", "пол", "pół", "demi", "половин": 0.5 of what follows
            if roles and roles != ["one"]:
                break
            group = 0.5
            last_order = 1
        else:
            break
        roles.append(role)
        out.end = m.end()
    if not roles:
        return None
    if roles[-1] == "fraction":
        return out
    out.fraction = None
    if decimals:
        group += float("0." + decimals)
    out.value = total + group
    return out
