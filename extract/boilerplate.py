"""Page boilerplate: trailing "Read also" / "Related articles" blocks and "Latest news" sidebars,
and the chrome lines of a page (menus and breadcrumbs before the headline, reading time, bylines,
share/follow lines, comment and view counters, paywall notes).

A trailing block starts on a line of its own that opens with a marker of kind related_links or
latest_news in seeds/boilerplate_markers.csv and runs to the end of the file. Chrome lines are
single short lines (chrome_lines): a marker of another kind at the line's start (a paywall
note anywhere in it; "#" in a marker stands for a number), a breadcrumb ("Home / Economy / Oil"),
a line that is only a time or a date ("11:49", "08.01.2025 11:49"), or an inline "Read also:
<headline>" link. The markers of every language are tried, so a Russian sidebar under an English
article is still cut.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .reference import load_csv
from .word_trie import literal_trie as _literal_trie

_MAX_MARKER_LINE = 160  # a marker line with a long paragraph after it is prose, not a block
TAIL_KINDS = ("related_links", "latest_news")
# one to three capitalised words naming a site's section, after a tail marker ("More from Business")
_SECTION_NAME = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЁЄІЇҐӘҒҚҢӨҰҮҺ][^\W\d_]*(?:[ \t][A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЁЄІЇҐӘҒҚҢӨҰҮҺ&][^\W\d_]*){0,2}"


@lru_cache(maxsize=1)
def _marker_pattern() -> re.Pattern[str]:
    markers = sorted({r["marker"] for r in load_csv("boilerplate_markers") if r["block_kind"] in TAIL_KINDS},
                     key=len, reverse=True)
    alts = _literal_trie(m.lower() for m in markers)
    # at a line start, optionally after bullets; the marker must end the word
    # and be alone on its line or followed by ":" and a link text ("Related to the deal, ..." is prose)
    # or followed by a section's name in capitals ("More from Business", "Ещё из рубрики Экономика")
    return re.compile(rf"(?im)^[ \t>*•\-–—]*(?:{alts})[ \t\u00a0]*(?:[:|»›>\-–—][^\n]*|(?-i:{_SECTION_NAME}))?$")


@lru_cache(maxsize=1)
def _marker_after_newline() -> re.Pattern[str]:
    """_marker_pattern at the start of a line other than the first, with the "\n" before it: a pattern
    that starts with a literal is scanned for fast, one that starts with ^ is tried at every character."""
    return re.compile("\n" + _marker_pattern().pattern.replace("(?im)^", "(?im:", 1) + ")")


def body_end(text: str, lang: str | None = None) -> int:
    """Where the article ends: the trailing block's start (find_boilerplate_start), passing over an
    inline "Read also: <headline>" line that the article goes on after (a prose paragraph follows;
    the line itself is chrome, see chrome_lines)."""
    end = _comments_start(text, find_boilerplate_start(text, lang))
    while end < len(text):
        s = end
        while s < len(text) and text[s] in " \t\n\r":
            s += 1
        nl = text.find("\n", s)
        line_end = len(text) if nl < 0 else nl
        line = text[s:line_end]
        if _BARE_TAIL.fullmatch(line) or not _prose_follows(text, line_end):
            return end
        end = find_boilerplate_start(text, lang, line_end)
    return end


def _comments_start(text: str, end: int) -> int:
    """A comments header ("Комментарии (4)", "12 comments") in the second half of the page starts the
    readers' comments: not the article, like a trailing block."""
    for m in _SHORT_LINE.finditer(text, len(text) // 2, end):
        if chrome_kind(m.group()[1:]) == "comments":
            start = m.start() + 1
            while start > 0 and text[start - 1] in " \t\n\r":
                start -= 1
            return start
    return end


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def _prose_follows(text: str, pos: int) -> bool:
    """A paragraph of prose (150 characters or more, ending a sentence) after pos, before any marker."""
    for para in _PARAGRAPHS.split(text[pos:]):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        if not lines:
            continue
        if _marker_pattern().match(lines[0]):
            return False  # the next block
        joined = " ".join(lines)
        if len(joined) >= 150 and joined[-1] in ".!?…»”\"":
            return True
    return False


def find_boilerplate_start(text: str, lang: str | None = None, start: int = 0) -> int:
    """Offset where the trailing boilerplate block starts, or len(text) when there is none (a block
    starting at or after `start`, when given)."""
    # A marker in the first third is a menu or an inline link, not the tail block: the search starts at
    # the first line end that may precede a line start outside it (on the first line, one never is).
    first = max(int(len(text) * 0.3) - 1, 0)
    if start == 0:
        early = _early_block(text, first)
        if early is not None:
            return early
    for m in _marker_after_newline().finditer(text, max(first, start)):
        line = m.group()[1:]
        if len(line.strip()) > _MAX_MARKER_LINE:
            continue
        start = m.start() + 1
        if start < len(text) * 0.3:
            continue
        while start > 0 and text[start - 1] in " \t\n\r":
            start -= 1
        return start
    return len(text)


_PROSE_LINE = re.compile(r"(?m)^[^\n]{120,}[.!?…»”\"]$")
_SHORT_LINE = re.compile(r"\n[^\n]{1,40}(?=\n|\Z)")  # a marker alone on its line is short
_BARE_TAIL = re.compile(r"[ \t>*•\-–—]*[^\n:]+[ \t\u00a0]*:?[ \t\u00a0]*$")


def _early_block(text: str, first: int) -> int | None:
    """A related-links list under a short article starts before 30 % of the text: a marker alone on
    its line (no link text after it) with a prose paragraph before it is such a block, where a menu
    line at the top of a page has none."""
    for m in _SHORT_LINE.finditer(text, 0, min(len(text), first + 42)):
        start = m.start() + 1
        if start >= first + 1:
            break
        line = m.group()[1:]
        if not _marker_pattern().match(line) or not _BARE_TAIL.fullmatch(line):
            continue
        if _PROSE_LINE.search(text, 0, start):
            while start > 0 and text[start - 1] in " \t\n\r":
                start -= 1
            return start
    return None


# ---- chrome lines ------------------------------------------------------------------------------

# the longest line each kind of chrome line may be (a longer one is prose)
_CHROME_MAX = {"menu": 40, "read_time": 50, "byline": 90, "share": 90, "counter": 40, "comments": 40, "paywall": 300,
               "credit": 160, "published": 80, "caption": 160, "tags": 160}
_BULLETS = r"[ \t>*•·|\-–—\u00a0\W_]*?"
_NUMBER = r"\d[\d\s.,\u00a0\u202f]*(?:[KkMК](?!\w))?"  # (counters abbreviate: "1.2K views")
_BREADCRUMB_SEP = re.compile(r"\s+[/›»>|]\s+|\s*[›»]\s*")
_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")
_WRAPPED_DAY = re.compile(r"\d{1,4}[.,;]?")  # a day or a year: "from January\n1.", "since March\n2024."
_TOKEN = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿа-яёіїєґәғқңөұүһ][^\W\d_]{3,}")


def _marker_regex(marker: str) -> str:
    out = []
    for ch in marker.strip():
        if ch == "#":
            out.append(_NUMBER)
        elif ch == " ":
            out.append(r"[\s\u00a0]*" if out and out[-1] == _NUMBER else r"[\s\u00a0]+")
        else:
            out.append(re.escape(ch))
    rx = "".join(out).replace(_NUMBER + r"[\s\u00a0]+", _NUMBER + r"[\s\u00a0]*")
    return rx + (r"(?!\w)" if marker.strip()[-1].isalnum() or marker.strip()[-1] == "#" else "")


@lru_cache(maxsize=1)
def _chrome_patterns() -> dict:
    by_kind: dict[str, list[str]] = {}
    for r in load_csv("boilerplate_markers"):
        if r["block_kind"] not in TAIL_KINDS:
            by_kind.setdefault(r["block_kind"], []).append(r["marker"])
    out = {}
    line_kinds = []
    for kind, markers in by_kind.items():
        alts = "|".join(_marker_regex(m) for m in sorted(set(markers), key=len, reverse=True))
        if kind == "paywall":  # anywhere in the line: plain substrings of the lowercased line, one trie
            # (a hundred markers tried in turn on every line were most of chrome_lines' time)
            out[kind] = re.compile(_literal_trie(sorted({m.strip().lower() for m in markers})))
        elif kind == "menu":  # a menu word alone on its line
            out[kind] = re.compile(rf"(?i){_BULLETS}(?:{alts})[\s\W]*$")
            line_kinds.append(rf"(?P<menu>(?:{alts})[\s\W]*$)")
        else:
            line_kinds.append(rf"(?P<{kind}>(?:{alts}))")
    # every kind that opens a line, in one pattern (the kind is the group that matched)
    out["line"] = re.compile(rf"(?i){_BULLETS}(?:{'|'.join(line_kinds)})")
    # an inline "Read also: <headline>" (a tail marker with its link on the same line)
    tails = _literal_trie(r["marker"].lower() for r in load_csv("boilerplate_markers") if r["block_kind"] in TAIL_KINDS)
    out["inline_link"] = re.compile(rf"(?i){_BULLETS}(?:{tails})[ \t\u00a0]*[:|»›>\-–—]")
    return out


def chrome_kind(line: str) -> str | None:
    """The kind of page chrome the line is, or None when it is text. A line of several chrome
    items side by side ("December 2, 2025 · 3 min read", "Share on Facebook  Share on X") is
    chrome when each item is."""
    kind = _one_chrome_kind(line)
    if kind is None and _CHROME_SEP.search(line.strip()):
        parts = [p for p in _CHROME_SEP.split(line.strip()) if p.strip()]
        kinds = [_one_chrome_kind(p) for p in parts] if len(parts) > 1 else [None]
        if all(kinds):
            return next((k for k in kinds if k != "time"), kinds[0])
        # a section label beside the reading time or the date ("Markets · 3 min read", "WIRTSCHAFT | 2. Dezember
        # 2025"): the other items are one to three words with no digit and no sentence end
        if any(k in _LABEL_COMPANIONS for k in kinds) and all(k or _is_label(p) for k, p in zip(kinds, parts)):
            return next(k for k in kinds if k in _LABEL_COMPANIONS)
    return kind


# ("Partager : Facebook · X · LinkedIn": the networks beside a share item are labels too)
_LABEL_COMPANIONS = ("read_time", "time", "published", "share")


def _is_label(part: str) -> bool:
    s = part.strip()
    words = s.split()
    return 0 < len(words) <= 3 and len(s) <= 30 and not any(ch.isdigit() for ch in s) and s[:1].isupper() \
        and not s.endswith((".", "!", "?", ":", ","))


# items side by side on one chrome line: a middle dot, bullet, bar or dash between spaces, or a wide gap
_CHROME_SEP = re.compile(r"\s+[·•|—–]\s+|[ \t\u00a0]{2,}")


_SHARE_COUNT = re.compile(r"[\s:]*\(?\d[\d\s.,\u00a0\u202f]*\)?\s*")  # what follows "Share" on a counter


def _one_chrome_kind(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > _CHROME_MAX["paywall"]:
        return None
    pats = _chrome_patterns()
    low = s.lower()
    if pats["paywall"].search(low):
        return "paywall"
    if len(s) > 160:
        return None
    if pats["inline_link"].match(s):
        return "inline_link"
    if _is_breadcrumb(s):
        return "breadcrumb"
    if _ticker().match(s):
        return "ticker"
    if _WEATHER.match(s):
        return "weather"
    if _is_time_or_date(s):
        return "time"
    if _is_signed_date(s):
        return "byline"
    m = pats["line"].match(s)
    if m is None:
        return None
    kind = m.lastgroup
    if len(s) > _CHROME_MAX.get(kind, 90):
        return None
    if kind == "byline" and not _names_follow(s, m.end()):
        return None
    if kind == "share" and (any(ch.isdigit() for ch in s[m.end():]) and not _SHARE_COUNT.fullmatch(s, m.end())
                            or len(_TOKEN.findall(s[m.end():])) > 4):
        return None  # "Share of exports rose to 12%": prose (but "Share 112", "Partager (58)" count the shares)
    if kind == "published" and not any(ch.isdigit() for ch in s):
        return None  # "Published by the ministry" without a date is prose
    if kind in ("share", "byline", "read_time", "counter", "comments", "published") and s.endswith(".") and len(s) > 40:
        return None  # a sentence ("Share prices fell.", "By 2030 the line will carry...")
    return kind


# a weather widget: a place and its temperature, nothing else ("Astana +12°C", "Погода в Алматы: −3 °C")
_CAP = r"[^\W\d_a-zß-ÿа-яёәғқңөұүһіїєґ]"  # a capital letter (not lowercase, Latin or Cyrillic)
_WEATHER = re.compile(rf"(?:(?:[^\W\d_][^\d\n:]{{0,30}}:|{_CAP}[\w-]*(?:[ \t]{_CAP}[\w-]*)?)[ \t\u00a0]+)?"
                      r"[+\-−–]?\d{1,2}(?:[.,]\d)?[ \t\u00a0]*°[ \t\u00a0]*[CСF]?[ \t\u00a0]*$")


@lru_cache(maxsize=1)
def _ticker() -> re.Pattern[str]:
    """A line of exchange rates ("USD 475.20  EUR 512.10  RUB 5.31", "Курсы валют: $ 512,3 ▲ € 548,1"):
    two or more currencies (the units' codes and signs), each with its rate and maybe its change."""
    curs = sorted({r["surface"] for r in load_csv("grammar/units") if r["kind"] == "money" and r["lang"] == "*"
                   and (len(r["surface"]) == 1 or (len(r["surface"]) == 3 and r["surface"].isupper()))},
                  key=len, reverse=True)
    cur = "(?:" + "|".join(map(re.escape, curs)) + ")"
    item = (rf"{cur}(?:/{cur})?[ \t\u00a0]*[:=]?[ \t\u00a0]*\d[\d\u00a0\u202f.,]*"
            r"(?:[ \t\u00a0]*[▲▼↑↓△▽+\-−–][ \t\u00a0]*(?:\d[\d.,]*[ \t\u00a0]*%?)?)?")
    return re.compile(rf"(?:[^\W\d_][^\d:\n]{{0,30}}:[ \t\u00a0]*)?{item}(?:[\s|·•,;]+{item})+[\s|·•]*$")


def _is_breadcrumb(s: str) -> bool:
    if len(s) > 120:
        return False
    parts = _BREADCRUMB_SEP.split(s)
    if len(parts) < 2:
        return False
    if len(parts) == 2 and not _chrome_patterns()["menu"].match(parts[0]):
        return False  # "Kazakhstan / China: ..." is a headline; "Главная / Экономика" a breadcrumb
    return all(0 < len(p) <= 40 and not p.endswith(".") for p in parts if p) and not any(
        _TIME.search(p) for p in parts[:1])


def _is_time_or_date(s: str) -> bool:
    """ "11:49", "08.01.2025", "8 января 2025, 11:49", "January 8, 2025 | 11:49": a line of a time or
    a date and nothing else (with a time, up to three words such as "Updated"; without, a month)."""
    if len(s) > 45 or (s.endswith(".") and not s[-2:-1].isdigit()):
        return False
    tokens = _TOKEN.findall(s)
    if not any(ch.isdigit() for ch in s) or len(tokens) > 6:
        return False
    words = [t for t in tokens if any(ch.isalpha() for ch in t)]
    if _TIME.search(s):
        return len(words) <= 3
    if _WRAPPED_DAY.fullmatch(s):  # what a wrap left alone, no date line
        return False
    return len(tokens) <= 4 and all(not _strip_months(w).strip(" .,") for w in words)


_SIGNATURE = re.compile(r"((?:[^\W\d_][\w'’.-]*\s+){1,2}[^\W\d_][\w'’.-]*)\s*,\s*(.+)")


def _is_signed_date(s: str) -> bool:
    """ "Олена Ковальчук, 28 листопада 2024", "Anna Berger, 3 March 2025, 11:20": two or three
    capitalised names, a comma and a date or time, nothing else (a byline without "By"; with a bar or
    a dot between them the line is read part by part)."""
    m = _SIGNATURE.fullmatch(s)
    return m is not None and len(s) <= _CHROME_MAX["byline"] and all(
        w[:1].isupper() for w in m.group(1).split()) and _is_time_or_date(m.group(2).strip())


def _names_follow(s: str, pos: int) -> bool:
    """A byline: names (capitalised words), maybe a date, no lowercase content word (but the words
    of a publication date: "Par Julien Moreau, publié le 18/03/2025")."""
    rest = s[pos:].strip(" :\t\u00a0")
    if not rest or not rest[0].isupper():
        return False
    return not _LOWER_WORD.search(_published_words().sub("", _strip_months(rest)))


@lru_cache(maxsize=None)
def _published_words() -> re.Pattern[str]:
    """The words of the published markers ("publié le", "updated", "опубликовано"), without counts."""
    words = {w.lower() for r in load_csv("boilerplate_markers") if r["block_kind"] == "published"
             for w in r["marker"].split() if "#" not in w and len(w) > 3}
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)")


_MONTHS_RX: list = []


def _strip_months(s: str) -> str:
    if not _MONTHS_RX:
        try:
            words = {(r.get("name") or "").strip().rstrip("*").lower()
                     for r in load_csv("grammar/months")}
            # and the words of a year ("2025 жылғы 22 сәуір", "8 января 2025 года")
            words |= {r["word"].strip().lower() for r in load_csv("grammar/year_words")
                      if r["position"] in ("after", "before") and " " not in r["word"].strip()}
        except FileNotFoundError:
            words = set()
        words = sorted((w for w in words if len(w) > 2), key=len, reverse=True)
        _MONTHS_RX.append(re.compile(rf"(?i)(?<!\w)(?:{'|'.join(map(re.escape, words))})\w*") if words else None)
    rx = _MONTHS_RX[0]
    return rx.sub("", s) if rx else s


def drop_chrome(sentences, chrome: list[tuple[int, int]]):
    """The sentences outside the chrome lines, numbered again from 0."""
    if not chrome:
        return sentences
    from .model import Sentence
    kept = [s for s in sentences if not any(cs <= s.start_char < ce for cs, ce in chrome)]
    return [Sentence(i, s.start_char, s.end_char) for i, s in enumerate(kept)]


def chrome_lines(text: str, start: int = 0, end: int | None = None, longest: int = 162) -> list[tuple[int, int]]:
    """(start, end) of every chrome line of text[start:end] up to `longest` characters long (longer
    lines can only be paywall notes: cleaning looks at those up to 300 characters, extract() skips
    them for speed)."""
    end = len(text) if end is None else end
    if text.count("\n", start, end) < 2 or not text[start:end].strip().count("\n"):
        return []  # a phrase or a single line: no page around it to be chrome of
    menu = _top_menu(text, start, end)
    out = list(menu)
    menu_starts = {s for s, _e in menu}
    run: list[tuple[int, int]] = []  # consecutive lines led by a time: a news feed's sidebar
    top = 0  # lines with words seen: a kicker stands above the headline
    for m in _LINE.finditer(text, start, end):
        if m.group().strip():
            top += 1
        if m.start() in menu_starts:
            continue
        if m.end() - m.start() <= longest and (chrome_kind(m.group()) or (top <= 2 and _is_kicker(text, m))
                                                 or _wraps_paywall(text, m, out)):
            out.append(m.span())
        elif m.end() - m.start() <= 162 and _TIME_LED.match(m.group()):
            run.append(m.span())
            continue
        elif not m.group().strip():
            continue
        if len(run) >= 2:
            out += run
        run = []
    if len(run) >= 2:
        out += run
    return sorted(out)


def _top_menu(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The site menu a scraper delivers above the headline, one section per line ("Home",
    "Politics", "World", "Russia", "China"): before the first line of text, a run of two or more
    section labels (one to three capitalised words, no digit, no sentence end) among at least three
    lines of labels and other chrome. A country named there is a section of the site, not of this
    article. (One label alone is the kicker rule's; a short headline over its byline stays text.)"""
    labels, chrome = [], 0
    for m in _LINE.finditer(text, start, end):
        line = m.group()
        if not line.strip():
            continue
        if len(line) <= 160 and chrome_kind(line):
            chrome += 1
        elif _is_label(line):
            labels.append(m.span())
        else:
            break  # the headline or the first paragraph
    else:
        return []  # labels and nothing after them: a list, not a menu over an article
    return labels if len(labels) >= 2 and len(labels) + chrome >= 3 else []


_WRAP_END = re.compile(r"[^\W\d_][ \t\u00a0]*\Z|[,\-‐][ \t\u00a0]*\Z")


def _wraps_paywall(text: str, m: re.Match, out: list[tuple[int, int]]) -> bool:
    """The wrapped rest of a paywall note: the line right before is a paywall line that stops
    mid-sentence ("... is available to" / "premium members. Log in or start a 30-day trial.") and
    this one goes on in lower case."""
    if not out or out[-1][1] + 1 != m.start() or not m.group()[:1].islower():
        return False
    prev = text[out[-1][0]:out[-1][1]]
    return bool(_WRAP_END.search(prev)) and chrome_kind(prev) == "paywall"


def _is_kicker(text: str, m: re.Match) -> bool:
    """A section label above the headline ("ENERGY", "WORLD NEWS"): one to three words in capitals,
    no digits, followed by a line of lowercase prose."""
    s = m.group().strip()
    words = s.split()
    if not 0 < len(words) <= 3 or len(s) > 30 or any(ch.isdigit() for ch in s) or s == s.lower():
        return False
    nxt = text[m.end():m.end() + 300].lstrip("\n").split("\n", 1)[0].strip()
    if s == s.upper():
        return any(ch.islower() for ch in nxt)
    # a section label in title case ("Новости Казахстана", "World news") above a headline: a line of words
    # only, then a longer line that reads as a headline (four words or more, no sentence end), not the lead
    if _LABEL_WORDS.fullmatch(s) is None or not s[0].isupper():
        return False
    lines = [ln.strip() for ln in text[m.end():m.end() + 800].split("\n")[1:10]]
    for k, line in enumerate(lines):
        if not line or chrome_kind(line):
            continue  # blank lines and other chrome ("👁 2 417", "Фото: ...") between label and headline
        # the headline stands alone: a blank line (or chrome) after it, not the next line of a wrapped lead
        after = lines[k + 1] if k + 1 < len(lines) else ""
        return (len(line.split()) >= 4 and len(line) <= 200 and not line.endswith((".", ":", ";", ","))
                and (not after or chrome_kind(after) is not None))
    return False


_LABEL_WORDS = re.compile(r"[^\W\d_]+(?:[ \-][^\W\d_]+){0,2}")


# "21:31 Turkey signs a gas deal", "08.01.2025 | Russia cuts exports": a headline under its time
_TIME_LED = re.compile(r"[ \t]*(?:\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4})(?![\d:])[ \t,|\-–—]*[^\W\d_]")
