"""Language detection with a confidence, restricted to the configured languages.

Lingua decides among the languages listed in seeds/languages.csv. A text whose
letters are mostly outside the Latin and Cyrillic scripts (Chinese, Arabic...)
or that a detector over all languages assigns to an unconfigured language with
more confidence is reported as unsupported (language None, with the guess).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .reference import load_csv

# Characters read for detection: cost grows with length, and a news text is one language. A short
# sample decides most texts; an unsure answer is asked again on a longer one.
_SAMPLE = 300
_SAMPLE_UNSURE = 2000
_LETTER = re.compile(r"[^\W\d_]")
_OURS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u052f"  # Latin and Cyrillic letters
_LATIN_OR_CYRILLIC = re.compile(f"[{_OURS}]")
_OTHER_LETTER = re.compile(f"[^\\W\\d_{_OURS}]")
# at least 20 letters (the classes are complements: no backtracking, one call)
_TWENTY_LETTERS = re.compile(r"(?:[\W\d_]*+[^\W\d_]){20}")


def supported_languages() -> list[str]:
    return [r["lang"] for r in load_csv("languages")]


@lru_cache(maxsize=None)
def _detectors(script: str | None = None, without: str | None = None):
    """A detector over the configured languages of one script (or all): fewer candidates, less work."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    codes = [r["lang"] for r in load_csv("languages")
             if (script is None or r.get("script") == script) and r["lang"] != without]
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    if len(langs) == 1:  # lingua needs two candidates to compare
        return _detectors(None)
    restricted = LanguageDetectorBuilder.from_languages(*langs).build()
    return restricted, LanguageDetectorBuilder, Language


def warm_up_detectors() -> None:
    """Load the per-script models now (lingua loads them on first use, which would land in a timing).

    The samples are longer than 120 characters: lingua reads such texts by trigrams alone and
    loads only those models; a short one would load the 1- to 5-gram models (200 MB more)."""
    for script, sample in (("latin", "Kazakhstan exports oil and grain to its partners. " * 4),
                           ("cyrillic", "Казахстан экспортирует нефть и зерно партнерам. " * 4)):
        _detectors(script)[0].compute_language_confidence_values(sample)


_CYRILLIC_CHARS = "\u0400-\u052f"
_LATIN_CHARS = "A-Za-z\u00c0-\u024f"
_CYRILLIC = re.compile(f"[{_CYRILLIC_CHARS}]")
_LATIN = re.compile(f"[{_LATIN_CHARS}]")


def dominant_script(sample: str) -> str | None:
    """latin or cyrillic when one script has nearly all the letters; None for a mixed text."""
    cyr, lat = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    if cyr > 9 * lat:
        return "cyrillic"
    if lat > 9 * cyr:
        return "latin"
    return None


@lru_cache(maxsize=1)
def _wide_detector():
    _, builder, _ = _detectors()
    return builder.from_all_languages().with_low_accuracy_mode().build()


def _class_of(chars) -> str:
    """The body of a regex character class holding exactly these characters, as ranges."""
    points = sorted(set(map(ord, chars)))
    parts, i = [], 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        parts.append(re.escape(chr(points[i])) + ("-" + re.escape(chr(points[j])) if j > i else ""))
        i = j + 1
    return "".join(parts)


@lru_cache(maxsize=1)
def _other_letter_fast() -> re.Pattern[str]:
    """_OTHER_LETTER, found faster: a class of plain characters (ranges, looked up in a table) skips
    all characters below U+3000 that are not other letters; the rest are checked by _OTHER_LETTER
    itself. The categories in _OTHER_LETTER cost a Unicode lookup for every character."""
    below = "".join(map(chr, range(0x3000)))
    others = set(_OTHER_LETTER.findall(below))
    return re.compile(f"[^{_class_of(c for c in below if c not in others)}](?<={_OTHER_LETTER.pattern})")


def script_share(text: str) -> float:
    """Share of letters that are Latin or Cyrillic."""
    if not _other_letter_fast().search(text):
        return 1.0 if _LETTER.search(text) else 0.0  # the common case, without counting
    letters = len(_LETTER.findall(text))
    return len(_LATIN_OR_CYRILLIC.findall(text)) / letters if letters else 0.0


_WORD = re.compile(r"[^\W\d_]+")
_MIN_MARKERS = 3  # distinct marker words of one language to decide without lingua,
_DOMINANCE = 4    # and at least four times as many as any other configured language has


@lru_cache(maxsize=1)
def _markers():
    """From seeds/language_markers.csv: (marker word -> language, language -> its distinctive letters,
    language -> letters of the other configured languages, letters of languages we do not read).

    kind `word`: a function word of one language (a word listed for two languages marks neither);
    kind `letter`: a letter only that language writes, one more marker when present;
    kind `alphabet`: a letter of its alphabet that only vetoes other languages (Kazakh ң is
    also Kyrgyz: it cannot vouch for Kazakh, but it rules out Russian)."""
    ours = set(supported_languages())
    words: dict[str, str] = {}
    evidence: dict[str, set[str]] = {}
    alphabet: dict[str, set[str]] = {}
    shared: set[str] = set()
    for r in load_csv("language_markers"):
        lang, marker, kind = r["lang"], r["marker"].lower(), r["kind"]
        if lang != "other" and lang not in ours:
            continue
        if kind in ("letter", "alphabet"):
            alphabet.setdefault(lang, set()).add(marker)
            if kind == "letter":
                evidence.setdefault(lang, set()).add(marker)
        elif words.setdefault(marker, lang) != lang:
            shared.add(marker)
    for w in shared:
        del words[w]
    other = frozenset(alphabet.pop("other", set()))
    evidence.pop("other", None)
    conflicts = {lang: frozenset(set().union(*(ls for l2, ls in alphabet.items() if l2 != lang)) - alphabet.get(lang, set()))
                 for lang in ours}
    return words, {k: frozenset(v) for k, v in evidence.items()}, conflicts, other


@lru_cache(maxsize=1)
def _marker_scan():
    """(the marker words, a pattern of the words that may be ones, a pattern of the one-character letter
    markers): the words a sample shares with the markers, and the marker letters it holds, are all that
    language_by_markers reads of it."""
    words, evidence, conflicts, other = _markers()
    letters = set(other).union(*evidence.values(), *conflicts.values())
    letters = [c for c in letters if len(c) == 1]  # a longer "letter" is never one character of a sample
    # The sample's words as _WORD finds them, but only those made of plain letters (a table lookup,
    # where _WORD's categories cost a Unicode lookup for each character): all marker words are. A word
    # is whole when the characters before and after it are not _WORD's letters.
    plain = _class_of(_LETTER.findall("".join(map(chr, range(0x530))) + "".join(words)))
    whole_words = re.compile(rf"[{plain}](?<![^\W\d_].)[{plain}]*+(?![^\W\d_])")
    return frozenset(words), whole_words, re.compile(f"[{_class_of(letters)}]" if letters else "(?!)")


def has_foreign_markers(sample: str) -> bool:
    """A letter of a language we do not read (ñ, ј, ў), or two of its marker words ("het", "een"):
    one short word alone is too often part of a name or an abbreviation."""
    words, _, _, other = _markers()
    low = sample.lower()
    if not other.isdisjoint(low):
        return True
    return sum(1 for w in set(_WORD.findall(low)) if words.get(w) == "other") >= 2


def language_by_markers(sample: str) -> str | None:
    """The language when the sample's marker words and letters point to one configured language
    (three distinct ones at least, four times any other's) and no letter or word of a language we do not
    read, nor a letter of another of ours, is in it; else None,
    and lingua decides. News text is full of function words: most documents are decided here,
    at a tenth of lingua's cost."""
    low = sample.lower()
    marker_words, plain_words, marker_letters = _marker_scan()
    # the sample's marker letters stand for all its characters: every set they meet holds only such letters;
    # its distinct marker words are found in C (most of a sample's words are none)
    return decide_by_markers(marker_words.intersection(plain_words.findall(low)),
                             set(marker_letters.findall(low)))


def decide_by_markers(words_found, chars: set[str]) -> str | None:
    """language_by_markers' decision from the sample's distinct words (those that are no marker are
    ignored) and its characters (or only those that are marker letters)."""
    words, evidence, conflicts, other = _markers()
    if not chars.isdisjoint(other):
        return None
    hits: dict[str, int] = {}
    for w in words_found:
        lang = words.get(w)
        if lang is not None:
            hits[lang] = hits.get(lang, 0) + 1
    if chars:
        for lang, letters in evidence.items():
            n = len(chars & letters)
            if n:
                hits[lang] = hits.get(lang, 0) + n
    if not hits or "other" in hits:
        return None
    ranked = sorted(hits.items(), key=lambda kv: -kv[1])
    lang, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    # a name or a quoted word of another of our languages ("the" in a Polish article) is allowed
    # when the first language has four times its markers
    if n < _MIN_MARKERS or runner_up * _DOMINANCE > n or not chars.isdisjoint(conflicts[lang]):
        return None
    return lang


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0..1); code None when no configured language fits."""
    lang, conf, _ = detect_language_verbose(text)
    return lang, conf


def detect_language_verbose(text: str) -> tuple[str | None, float, str | None]:
    """(code or None, confidence, the guessed other language when unsupported)."""
    sample = text[:_SAMPLE]
    if not _TWENTY_LETTERS.match(sample):
        return None, 0.0, None
    if script_share(sample) < 0.5:
        guess = _wide_detector().detect_language_of(sample)
        return None, 0.0, guess.iso_code_639_1.name.lower() if guess else None
    quick = language_by_markers(sample) if len(sample) >= _SAMPLE else None
    if quick is not None:
        return quick, 1.0, None
    if has_foreign_markers(sample):
        # lingua restricted to our languages is confidently wrong on a close neighbour (Spanish
        # reads as Polish, Czech as German): a letter or word of another language asks all of them
        wide = _wide_detector().compute_language_confidence_values(sample)
        if wide and wide[0].value > 0.5:
            other = wide[0].language.iso_code_639_1.name.lower()
            if other not in supported_languages():
                return None, 0.0, other
    values = _lingua_values(sample)
    if values and values[0].value < 0.9 and len(text) > _SAMPLE:
        sample = text[:_SAMPLE_UNSURE]
        values = _lingua_values(sample)
    if not values:
        return None, 0.0, None
    top = values[0]
    code, conf = top.language.iso_code_639_1.name.lower(), float(top.value)
    if conf < 0.9:
        # unsure among ours: ask whether it is another language altogether
        wide = _wide_detector().compute_language_confidence_values(sample)
        if wide and wide[0].language != top.language:
            other = wide[0].language.iso_code_639_1.name.lower()
            if other not in supported_languages() and wide[0].value > 0.5:
                return None, conf, other
    return code, round(conf, 4), None


@lru_cache(maxsize=1)
def _own_alphabets() -> dict[str, frozenset[str]]:
    """language -> the letters of kind `alphabet` that no other configured language writes (Kazakh's
    ә ғ қ ң ө ұ ү һ, not і, which Ukrainian writes too)."""
    letters: dict[str, set[str]] = {}   # every letter listed for the language
    alphabet: dict[str, set[str]] = {}  # those of kind `alphabet`
    for r in load_csv("language_markers"):
        if r["kind"] in ("letter", "alphabet"):
            letters.setdefault(r["lang"], set()).add(r["marker"].lower())
            if r["kind"] == "alphabet":
                alphabet.setdefault(r["lang"], set()).add(r["marker"].lower())
    return {lang: frozenset(own - set().union(*(v for k, v in letters.items() if k != lang)))
            for lang, own in alphabet.items()}


def _lingua_values(sample: str) -> list:
    """lingua's confidence values among the languages of the sample's script. A full sample that
    lacks every letter only its top language writes is asked again without that language: 300
    characters of Kazakh always hold some of ә ғ қ ң ө ұ ү һ (lingua once read a Ukrainian lead,
    full of the "і" both write, as Kazakh with confidence 1.0)."""
    script = dominant_script(sample)
    values = _detectors(script)[0].compute_language_confidence_values(sample)
    if values and len(sample) >= _SAMPLE:
        top = values[0].language.iso_code_639_1.name.lower()
        own = _own_alphabets().get(top)
        if own and own.isdisjoint(sample.lower()):
            values = _detectors(script, top)[0].compute_language_confidence_values(sample)
    return values


@lru_cache(maxsize=None)
def _script_of(lang: str) -> str | None:
    return next((r.get("script") for r in load_csv("languages") if r["lang"] == lang), None)


def _at_least(n: int, chars: str) -> re.Pattern[str]:
    """Matches at the start of a text with n characters of the class [chars] or more: unlike counting
    them all, no match object or list per character (the classes are complements: no backtracking)."""
    return re.compile(f"(?:[^{chars}]*+[{chars}]){{{n}}}")


_QUOTE_LETTERS = 40  # a few foreign names are not a quote
_QUOTE_IN = {"cyrillic": _at_least(_QUOTE_LETTERS, _LATIN_CHARS), "latin": _at_least(_QUOTE_LETTERS, _CYRILLIC_CHARS)}


def sentence_languages(text: str, lang: str, sentences: list) -> list[tuple[str, list]]:
    """Sentences grouped by the language to read them in: the document's, except sentences written
    in the other script, which get their own detected language. One group for ordinary articles."""
    script = _script_of(lang)
    quoted = _QUOTE_IN.get(script)  # letters of the other script, 40 of them at least
    if quoted is None or not quoted.match(text):
        return [(lang, sentences)]
    groups: dict[str, list] = {}
    for s in sentences:
        chunk = text[s.start_char:s.end_char]
        own = dominant_script(chunk)
        if own is None or own == script:
            groups.setdefault(lang, []).append(s)
            continue
        found, _ = detect_language(chunk)
        groups.setdefault(found if found is not None else lang, []).append(s)
    return list(groups.items())
