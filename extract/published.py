"""The publication date an article states about itself: its dateline or its byline.

    find_published(body, lang, year_hint=None) -> Published | None

Only the first lines of the body are read (the headline, then the lead):

- a dateline opens the lead: a place in capitals or title case, optionally a
  country or agency, then the date and a dash, dot or colon
  (``ASTANA, Kazakhstan, November 24.``, ``АСТАНА, 12 марта —``,
  ``Astana, 3 grudnia 2025 r. –``, ``PARIS, 24 novembre 2025 (AFP) -``);
- a byline is a short line that starts with an author or "published" word
  (``By Jane Doe | January 8, 2025``, ``Opublikowano: 3 grudnia 2025``), or a
  line holding nothing but a date with its year (``12.03.2025 10:15``).

Month names come from the grammar seeds (dbt_project/seeds/grammar/months.csv,
through extract.dates.lexicon), the article's language first, then any
configured language where the name is unambiguous. The year is the one the
line states; when it states none, ``year_hint`` (a year the file's metadata
gives, such as a /2025/03/ URL) fills it; otherwise there is no date. Nothing
is guessed: an impossible day (31 April) or a line that only looks like a
dateline gives None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from .dates.lexicon import lexicon
from .reference import load_csv

__all__ = ["Published", "find_published", "year_from_url"]

_MAX_LINES = 4          # headline + lead (+ a byline or a decoration line)
_MAX_LINE_START = 160   # a dateline's date sits in the first characters of its line
_MAX_BYLINE = 200       # bylines are short lines

# Words that open a byline: an author ("By Jane Doe | January 8, 2025": a capitalised name must come
# before the date, so "By 31 December 2025, exports ..." is not one) or a publication stamp
# ("Published: 3 December 2025": the date follows at once). "Updated" stamps are not publication dates.
# Small and closed: kept here, not in a seed.
_AUTHOR_WORDS = ("by", "par", "von", "autor", "autorka", "автор", "авторы", "авторът")
_STAMP_WORDS = (
    "posted", "posted on", "published", "published on", "publication date",              # en
    "publié le", "publié", "date de publication",                                          # fr
    "veröffentlicht", "veröffentlicht am", "erschienen am",                                # de
    "opublikowano", "data publikacji", "dodano",                                           # pl
    "опубликовано", "дата публикации", "дата",                                             # ru
    "публикувано", "публикувано на", "дата на публикуване",                                # bg
    "опубліковано", "дата публікації", "додано",                                           # uk
    "жарияланды", "жарияланған күні",                                                      # kk
)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_AUTHOR_RE = re.compile(r"^\W{0,3}(?:" + _alternation(_AUTHOR_WORDS) + r")(?=[\s:])", re.IGNORECASE)
_STAMP_RE = re.compile(r"^\W{0,3}(?:" + _alternation(_STAMP_WORDS) + r")\s*[:\-–—]?\s*(?:on|le|am|на|)\s*",
                       re.IGNORECASE)
_NAME = re.compile(r"\b[^\W\d_][^\W\d_'’.\-]+")
# what may follow a byline's date: a time, its am/pm and zone ("at 5:00 AM GMT+5", "в 10:15", "10h15")
_TIME = r"(?:\s*[,|·–—\-]?\s*(?:[^\W\d_]{1,3}\s+)?\d{1,2}[:.h]\d\d(?:\s+\S{1,10}){0,2})?"
_TAIL = re.compile(_TIME + r"\W{0,3}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Published:
    date: date | None    # None when the line states no year and the metadata gives none
    source: str          # dateline | byline
    text: str            # the words that state it ("ASTANA, Nov 6")


@lru_cache(maxsize=None)
def _languages() -> tuple[str, ...]:
    return tuple(r["lang"] for r in load_csv("languages"))


@lru_cache(maxsize=None)
def _months(lang: str | None) -> dict[str, int]:
    """Month names (lowercase, no final dot) -> month: the language's own, then unambiguous others."""
    own: dict[str, int] = {}
    if lang in _languages():
        own = {name: w.value for name, w in lexicon(lang).months.items()}
    seen: dict[str, set[int]] = {}
    for other in _languages():
        for name, w in lexicon(other).months.items():
            seen.setdefault(name, set()).add(w.value)
    merged = {name: next(iter(ms)) for name, ms in seen.items() if len(ms) == 1 and len(name) >= 3}
    merged.update(own)
    return merged


@lru_cache(maxsize=None)
def _weekdays() -> frozenset[str]:
    """Weekday names of every language: "Monday, 24 November 2025" opens a date line, not a dateline."""
    return frozenset(name for lang in _languages() for name in lexicon(lang).weekdays)


@lru_cache(maxsize=None)
def _year_words() -> tuple[str, ...]:
    words = {w for lang in _languages() for w in lexicon(lang).year_after if len(w) <= 8}
    words |= {"ж.", "жылы", "жылғы", "р.", "року", "рік"}
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns(lang: str | None) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    months = _months(lang)
    names = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    yword = r"(?:\s*(?:" + "|".join(re.escape(w) for w in _year_words()) + r"))?"

    def month(i: int) -> str:
        return rf"(?P<m{i}>{names})\.?"

    def day(i: int) -> str:
        return rf"(?P<d{i}>[0-3]?\d)(?:st|nd|rd|th|er|\.|-?го|-?е)?"

    def year(i: int) -> str:
        return rf"(?P<y{i}>(?:19|20)\d\d)"

    text_date = (
        rf"(?:{month(1)}\s+{day(1)}(?:,?\s+{year(1)})?"                       # November 24, 2025
        rf"|{day(2)}\s*{month(2)}(?:,?\s+{year(2)}{yword})?"                  # 24 listopada 2025 r.
        rf"|{year(3)}\s*(?:жылғы|ж\.)\s*{day(3)}\s+{month(3)}"               # 2025 жылғы 12 наурыз
        r"|(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>(?:19|20)\d\d)"        # 12.03.2025
        r"|(?P<y5>(?:19|20)\d\d)-(?P<m5>[01]\d)-(?P<d5>[0-3]\d))"            # 2025-03-12
    )
    place = r"[^\W\d_][^\W\d_'’.\-]*(?:[ \-'’.]{1,2}[^\W\d_]+){0,3}"
    dateline = re.compile(
        rf"^\W{{0,3}}(?P<place>{place})(?:\s*\([^()\n]{{1,30}}\))?\s*[,/.]\s*(?:{place}\s*[,/]\s*)?"
        rf"(?:[^\W\d_]+\s*,\s*)?"                       # a weekday: "Monday, November 24"
        rf"(?P<date>{text_date})(?=\s*(?:[.,:;–—\-/|(]|$))",
        re.IGNORECASE,
    )
    anywhere = re.compile(rf"(?<![\w.])(?P<date>{text_date})(?![\w])", re.IGNORECASE)
    only_date = re.compile(
        rf"^\W{{0,3}}(?:[^\W\d_]+\s*,\s*)?(?P<date>{text_date}){_TIME}\W{{0,3}}$",
        re.IGNORECASE,
    )
    return dateline, anywhere, only_date


def _fields(m: re.Match, lang: str | None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the date alternative that matched."""
    g = m.groupdict()
    for i in range(1, 6):
        if g.get(f"m{i}"):
            mo = g[f"m{i}"]
            month = int(mo) if mo.isdigit() else _months(lang)[mo.lower().rstrip(".")]
            year = g.get(f"y{i}")
            return (int(year) if year else None), month, int(g[f"d{i}"])
    return None


def _date(fields: tuple[int | None, int, int] | None, year_hint: int | None) -> date | None:
    if fields is None:
        return None
    year, month, day = fields
    year = year or year_hint
    if not year:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _lines(body: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in body.split("\n"):
        if line.strip():
            out.append((pos, line))
            if len(out) == _MAX_LINES:
                break
        pos += len(line) + 1
    return out


def find_published(body: str, lang: str | None = None, year_hint: int | None = None) -> Published | None:
    """The date the article's dateline or byline states, with its source and words.

    A dateline without a year and no year_hint comes back with date None (the
    words are kept, the date is not invented); no dateline or byline gives None.
    """
    if not body:
        return None
    dateline, anywhere, only_date = _patterns(lang)
    found: list[Published] = []
    for _, line in _lines(body[:4000]):
        stripped = line.strip()
        short = len(stripped) <= _MAX_BYLINE          # bylines and date lines are short; a dateline opens a paragraph
        author = short and _AUTHOR_RE.match(stripped)
        stamp = short and _STAMP_RE.match(stripped)
        if author:
            m = anywhere.search(stripped, author.end())
            between = stripped[author.end():m.start()] if m else ""
            # "By Jane Doe, Reuters | January 8, 2025": a name before the date, nothing but a time after it
            if m and any(w[0].isupper() for w in _NAME.findall(between)) \
                    and not any(c.isdigit() for c in between) and _TAIL.fullmatch(stripped[m.end():]):
                d = _date(_fields(m, lang), year_hint)
                if d:
                    found.append(Published(d, "byline", stripped))
            continue
        if stamp:
            m = anywhere.match(stripped, stamp.end())
            if m and _TAIL.fullmatch(stripped[m.end():]):
                d = _date(_fields(m, lang), year_hint)
                if d:
                    found.append(Published(d, "byline", stripped))
            continue
        m = dateline.match(stripped[:_MAX_LINE_START])
        if m and m.group("place")[0].isupper() and m.group("place").lower() not in _weekdays():
            fields = _fields(m, lang)
            if fields and _date((fields[0] or 2000,) + fields[1:], None):  # a real day of a real month
                found.append(Published(_date(fields, year_hint), "dateline", stripped[:m.end()].strip()))
            continue
        m = short and only_date.match(stripped)
        if m and m.group("date") and _fields(m, lang) and _fields(m, lang)[0]:  # a bare date line needs its year
            d = _date(_fields(m, lang), None)
            if d:
                found.append(Published(d, "byline", stripped))
    dated = [p for p in found if p.date]
    return (dated or found or [None])[0]


_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|-|$)")


def year_from_url(url: str | None) -> int | None:
    """The year in a dated URL path (/2025/03/12/...), the file's own metadata; None otherwise."""
    if not url:
        return None
    m = _URL_YEAR.search(urlsplit(url).path)
    return int(m.group(1)) if m else None


# --- HTML metadata -------------------------------------------------------------------------------
# Only what the page states about itself: meta tags, JSON-LD datePublished, a <time> element. No search
# of the text (htmldate's fallback picks any date in the body, e.g. "resumed on 2021-05-04").
_META_KEYS = {
    "article:published_time", "og:published_time", "og:article:published_time", "published_time",
    "datepublished", "date_published", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created",
    "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
    "article_date_original", "cxenseparse:recs:publishtime", "mediator_published_time", "rnews:datepublished",
}
_TAG = re.compile(r"<(meta|time)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JSON_LD = re.compile(r""""datePublished"\s*:\s*"([^"]{10,40})\"""")


def _iso_date(value: str | None) -> date | None:
    if not value or len(value.strip()) < 10:
        return None
    text = value.strip()
    m = re.match(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)", text) or re.match(r"((?:19|20)\d\d)/([01]\d)/([0-3]\d)", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def html_published(html: str) -> date | None:
    """The publication date an HTML page's metadata states: meta tags, then JSON-LD, then <time>."""
    if not html:
        return None
    times: list[dict[str, str]] = []
    for m in _TAG.finditer(html[:500_000]):
        attrs = {a.lower(): v1 or v2 or v3 for a, v1, v2, v3 in _ATTR.findall(m.group(2))}
        if m.group(1).lower() == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in _META_KEYS and (d := _iso_date(attrs.get("content"))):
                return d
        elif attrs.get("datetime"):
            times.append(attrs)
    for m in _JSON_LD.finditer(html[:500_000]):
        if d := _iso_date(m.group(1)):
            return d
    marked = [t for t in times if "pubdate" in t or (t.get("itemprop") or "").lower() == "datepublished"]
    for t in marked or times[:1]:
        if d := _iso_date(t.get("datetime")):
            return d
    return None
