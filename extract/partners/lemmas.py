"""One lemma function per language, applied to the lexicon and to the text alike.

The lemmatizer of a language comes from dbt_project/seeds/languages.csv
(column `lemmatizer`), never from code:

* spacy_lookup: spaCy's lookup tables from spacy-lookups-data (all
  `<lang>_lemma_lookup*` tables, POS-split ones merged, nouns first);
* pymorphy3: pymorphy3's analyser (Russian, Ukrainian);
* simplemma: simplemma's dictionaries (Bulgarian);
* surface: no dictionary; agglutinative suffixes are stripped (Kazakh).

A token's match key is `stem(lemma(form))`: names the dictionaries do not know
("Zjednoczone", "Iran", "Katar") are cut back by one inflectional suffix from
extract/partners/inflection_suffixes.csv, and so is the lemma of a known word,
which keeps "Zjednoczonymi" (known) and "Zjednoczone" (unknown) on the same key.
When a form has several readings, the one the lexicon knows wins (see Lemmatizer).
Keys are cached per (language, form): the dictionaries are slow uncached.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.util import compile_infix_regex

from ..reference import load_csv

_HERE = Path(__file__).resolve().parent
_DASHES = set("-‐‑‒–—―")
_APOS = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "ё": "е", "Ё": "Е"})
_CACHE_LIMIT = 300_000  # forms per language; a long-running worker starts over beyond this
_CACHE_FILES_KEPT = 4  # cache files per kind and language on disk
_UNREAD = object()


def language_config(lang: str) -> dict[str, str]:
    """The languages.csv row of lang; unknown languages get a surface lemmatizer."""
    for row in load_csv("languages"):
        if row["lang"] == lang:
            return row
    return {"lang": lang, "language_name": lang, "spacy_lang": lang, "lemmatizer": "surface"}


@lru_cache(maxsize=None)
def _suffixes(lang: str) -> tuple[str, ...]:
    with open(_HERE / "inflection_suffixes.csv", encoding="utf-8", newline="") as f:
        found = [r["suffix"] for r in csv.DictReader(f) if r["lang"] == lang]
    return tuple(sorted(found, key=len, reverse=True))


def _release_memory() -> None:
    """Hand the freed lookup tables back to the OS (glibc keeps them otherwise)."""
    import ctypes
    import gc
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def strip_suffixes(word: str, suffixes: tuple[str, ...], min_stem: int, rounds: int) -> str:
    for _ in range(rounds):
        for s in suffixes:
            if word.endswith(s) and len(word) - len(s) >= min_stem:
                word = word[: -len(s)]
                break
        else:
            break
    return word


# spaCy's French module builds its 16,000 tokenizer exceptions when it is imported (1.8 s of every
# worker's start); the tokenizer below drops the exceptions anyway, so French takes only its
# punctuation rules (prefixes, suffixes, infixes: the elision in "l'Iran") from spaCy
_PUNCTUATION_ONLY = ("fr",)


def _blank_from_punctuation(code: str):
    """A blank pipeline that splits words with the punctuation rules of spacy.lang.<code>, read
    without importing that package (whose __init__ builds the tokenizer exceptions)."""
    import importlib.util
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    path = Path(spacy.__file__).resolve().parent / "lang" / code / "punctuation.py"
    spec = importlib.util.spec_from_file_location(f"spacy.lang.{code}.punctuation", path)
    punct = importlib.util.module_from_spec(spec)
    punct.__package__ = f"spacy.lang.{code}"  # its relative imports (..char_classes) resolve as usual
    spec.loader.exec_module(punct)
    nlp = spacy.blank("xx")
    nlp.tokenizer.prefix_search = compile_prefix_regex(punct.TOKENIZER_PREFIXES).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(punct.TOKENIZER_SUFFIXES).search
    return nlp, list(punct.TOKENIZER_INFIXES)


def _blank_without_exceptions(code: str):
    """spacy.blank(code) without its tokenizer exceptions ("U.S.", "e.g."): the tokenizer below drops
    them anyway, and adding them cost a worker 0.05-0.15 s per language."""
    from spacy.util import get_lang_class

    base = get_lang_class(code)
    defaults = type("Defaults", (base.Defaults,), {"tokenizer_exceptions": {}})
    return type(base.__name__, (base,), {"Defaults": defaults})()


@lru_cache(maxsize=None)
def tokenizer(lang: str):
    """spaCy blank pipeline of lang (vocab and tokenizer), hyphens between letters split.

    Hyphen compounds carry partners in every language ("US-Kazakh",
    "российско-китайских", "EU-Kommission"); splitting them lets the parts match.
    """
    cfg = language_config(lang)
    code = cfg.get("spacy_lang") or lang
    if code in _PUNCTUATION_ONLY:
        nlp, infixes = _blank_from_punctuation(code)
    else:
        try:
            nlp = _blank_without_exceptions(code)
        except (ImportError, KeyError):
            nlp = spacy.blank("xx")
        infixes = list(nlp.Defaults.infixes or [])
    infixes += [r"(?<=[^\W\d_])[-‐‑–—](?=[^\W\d_])", r"(?<=[^\W\d_]\.)[-‐‑–—](?=[^\W\d_])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # a dash that ends a word before a space is its own token: a line wrapped after it ("Baku–\nTiflis–Ceyhan"
    # read as "Baku– Tiflis–Ceyhan") names the same route as the unwrapped one
    words_suffix = nlp.tokenizer.suffix_search
    dash_suffix = re.compile(r"(?<=[^\W\d_])[-‐‑–—]$")
    # ... and a full stop after a Kazakh letter that spaCy's letter classes lack (қ, ғ, ұ): "астық." at a
    # sentence's end is the word "астық" (grain), "жоқ." the word "жоқ" (no)
    kazakh_dot = re.compile(r"(?<=[қғұҚҒҰ])\.$")
    nlp.tokenizer.suffix_search = lambda s: dash_suffix.search(s) or kazakh_dot.search(s) or words_suffix(s)
    # Special cases ("U.S.", "sud-coréen"...) and URL/token matchers switch off the
    # tokenizer's cache and made it 10x slower (1 ms per 1.5 kB). Lexicon and text
    # are tokenised alike, so matching does not need them.
    nlp.tokenizer.rules = {}
    nlp.tokenizer.token_match = None
    nlp.tokenizer.url_match = None
    # spaCy's 1,000,000-character limit (E088) guards the parser's and NER's memory; a blank
    # pipeline only tokenises, in memory linear in the text (a 3 MB one-line article: 2 s, 260 MB),
    # and MAX_FILE_BYTES bounds the input
    nlp.max_length = 1 << 31
    return nlp


class Lemmatizer:
    """key(form): the lowercased, stemmed lemma used for matching.

    A form may have several candidate keys (its dictionary lemma, its own stem,
    other readings). Once the lexicon is known (`restrict`), the first candidate
    that is a lexicon or trigger key wins: "Niemczech" reads as Niemcy, not as the
    person noun Niemiec; Ukrainian "Білому домі" as білий дім, not біле дома.
    """

    rounds = 1
    min_stem = 4

    def __init__(self, lang: str):
        self.lang = lang
        self.suffixes = _suffixes(lang)
        self.keep: frozenset[str] = frozenset()
        self.preferred: frozenset[str] = frozenset()
        self._cache: dict[str, str] = {}
        self._readings: dict = {}  # form -> the dictionary's answer, from an earlier process's cache file
        self._readings_file: Path | None = None  # where this process writes the readings it made

    def _open_readings(self, library: str) -> None:
        """Start from the readings an earlier process cached for this dictionary (pymorphy3 and simplemma
        parse a form in 0.1 ms: the lexicon's 8,000 forms were most of a Russian worker's start);
        without that file, record the readings the lexicon build asks for, for save_readings()."""
        path = _readings_cache_path(self.lang, library)
        cached = _read_table_cache(path)
        if cached is not None:
            self._readings = cached
        else:
            self._readings_file = path

    def _reading(self, form: str, read):
        """read(form), from the cache when an earlier process made it (recorded while the lexicon is built)."""
        hit = self._readings.get(form, _UNREAD)
        if hit is _UNREAD:
            hit = read(form)
            if self._readings_file is not None:
                self._readings[form] = hit
        return hit

    def save_readings(self) -> None:
        """Write the readings recorded so far (once, after the lexicon is built): later words are the
        texts', which the next process need not know."""
        if self._readings_file is not None:
            _write_table_cache(self._readings_file, self._readings)
            self._readings_file = None

    def lemma(self, form: str) -> str | None:  # None: the dictionary does not know the form
        return None

    def stem(self, word: str) -> str:
        if not self.suffixes or not word.isalpha():
            return word
        return strip_suffixes(word, self.suffixes, self.min_stem, self.rounds)

    def candidates(self, norm: str) -> list[str]:
        """Candidate keys of a normalised form, the dictionary's reading first."""
        lem = self.lemma(norm)
        first = self.stem((lem if lem is not None else norm).lower())
        own = self.stem(norm.lower())
        return [first] if own == first else [first, own]

    def variants(self, form: str) -> list[str]:
        """Keys a lexicon word is registered under (its reading and its own stem)."""
        if form and all(ch in _DASHES for ch in form):
            return ["-"]
        norm = form.translate(_APOS)
        keys = self.candidates(norm)
        # A name the dictionary does not know is also kept whole: stemming cuts a
        # final letter that is no ending ("Kirgisistan" -> kirgisista), and the
        # inflected form cut once must still find it (genitive "Kirgisistans").
        whole = norm.lower()
        if whole not in keys and self.lemma(norm) is None and whole.isalpha():
            keys.append(whole)
        return keys

    def key(self, form: str) -> str:
        k = self._cache.get(form)
        if k is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            if form and all(ch in _DASHES for ch in form):
                k = "-"
            else:
                cands = self.candidates(form.translate(_APOS))
                k = next((c for c in cands if c in self.preferred), None) or \
                    next((c for c in cands if c in self.keep), cands[0])
            self._cache[form] = k
        return k

    def restrict(self, keep: set[str], preferred: set[str] = frozenset()) -> None:
        """Learn the lexicon keys; drop dictionary entries that can never match.

        preferred: keys of one-word aliases; a reading that is a whole alias beats
        one that is only part of a longer name ("турецької" reads as турецький,
        the demonym, before турецька of "Турецька Республіка").
        """
        self.keep = frozenset(keep)
        self.preferred = frozenset(preferred)
        self._cache.clear()


class SpacyLookupLemmatizer(Lemmatizer):
    def __init__(self, lang: str):
        super().__init__(lang)
        self._cache_file = _table_cache_path(lang)
        cached = _read_table_cache(self._cache_file)
        self._queried: set[str] | None = None
        if cached is not None:
            self.table = cached  # the restricted table of an earlier process: no 1.5M-row load
            return
        import spacy_lookups_data
        folder = Path(spacy_lookups_data.__file__).resolve().parent / "data"
        # names, demonyms and commodities are nouns and adjectives; verb tables (1.8M
        # Polish forms) would only slow the start. Triggers match by prefix instead.
        order = ["", "_noun", "_propn", "_adj"]
        paths = [folder / f"{lang}_lemma_lookup{pos}.json.gz" for pos in order]
        self.table: dict[str, str] = {}
        for p in paths:
            if not p.exists():
                continue
            with gzip.open(p, "rt", encoding="utf-8") as f:
                for form, lemma in json.load(f).items():
                    if isinstance(lemma, list):  # a few tables list alternatives
                        if not lemma:
                            continue
                        lemma = lemma[0]
                    self.table.setdefault(form, lemma)
        self._queried = set()  # lexicon words looked up before restrict: the cache keeps their readings

    def lemma(self, form: str) -> str | None:
        if self._queried is not None:
            self._queried.add(form)
        t = self.table
        return t.get(form) or t.get(form.lower())

    def restrict(self, keep: set[str], preferred: set[str] = frozenset()) -> None:
        # keep only forms whose key is a lexicon or trigger key; any other form
        # falls back to its own stem, which is what it would get anyway
        super().restrict(keep, preferred)
        wanted: dict[str, bool] = {}
        small = []
        for form, lemma in self.table.items():
            ok = wanted.get(lemma)
            if ok is None:
                ok = wanted[lemma] = self.stem(lemma.lower()) in keep
            if ok:
                small.append((form, lemma))
        if self._queried is not None:
            # what a later process needs to build the same lexicon without the big table
            looked_up = {f: self.table[f] for q in self._queried for f in (q, q.lower()) if f in self.table}
            _write_table_cache(self._cache_file, dict(small) | looked_up)
            self._queried = None
        # rebuild the kept strings from one serialised block once the big table is
        # gone, so they do not pin the memory of the freed table
        packed = json.dumps(small)
        del small, wanted
        self.table = {}
        _release_memory()
        self.table = dict(json.loads(packed))


def _cache_root() -> Path | None:
    import os

    root = os.environ.get("EXTRACT_CACHE_DIR", str(Path.home() / ".cache" / "kz-partners"))
    return None if root.lower() in ("", "0", "off", "none") else Path(root)


def _table_cache_path(lang: str) -> Path | None:
    """A cache file named by everything the restricted table depends on; None when caching is off."""
    import hashlib

    root = _cache_root()
    if root is None:
        return None
    import spacy_lookups_data

    from ..reference import SEEDS_DIR

    h = hashlib.sha256(f"{lang}:{spacy_lookups_data.__version__}".encode())
    for path in [Path(__file__), _HERE / "lexicon.py", _HERE / "inflection_suffixes.csv",
                 *(SEEDS_DIR / f"{n}.csv" for n in ("partner_aliases", "commodity_aliases", "commodity_lookalikes",
                                                   "route_aliases", "languages",
                                                   "activity/activity_triggers", "activity/activity_cues",
                                                   "activity/activity_sectors"))]:
        if path.exists():
            h.update(path.read_bytes())
    return root / f"lemmas-{lang}-{h.hexdigest()[:16]}.json"


def _readings_cache_path(lang: str, library: str) -> Path | None:
    """A cache file of a dictionary's readings, named by the library's version and this module
    (the readings of a form depend on nothing else); None when caching is off."""
    import hashlib
    from importlib.metadata import version

    root = _cache_root()
    if root is None:
        return None
    h = hashlib.sha256(f"{lang}:{library}:{version(library)}".encode())
    h.update(Path(__file__).read_bytes())
    return root / f"readings-{lang}-{h.hexdigest()[:16]}.json"


def _read_table_cache(path: Path | None) -> dict[str, str] | None:
    if path is None or not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a broken cache is rebuilt, never trusted


def _write_table_cache(path: Path | None, table: dict[str, str]) -> None:
    if path is None:
        return
    import os
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # workers starting together never read half a file
        # every change of the lexicon names a new file: keep the newest few of this kind and language
        # (another checkout may be using one), not one per change for ever
        kind = path.name.rsplit("-", 1)[0]
        older = sorted(path.parent.glob(f"{kind}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[_CACHE_FILES_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs the faster start


class PymorphyLemmatizer(Lemmatizer):
    """pymorphy3 lists every reading of a form; all their normal forms are candidates."""

    def __init__(self, lang: str):
        super().__init__(lang)
        import pymorphy3
        self.morph = pymorphy3.MorphAnalyzer(lang=lang)
        self._open_readings("pymorphy3")
        self.suffixes = ()  # pymorphy3 predicts a lemma for every form: no stemming
        self._future: dict[str, bool] = {}

    def candidates(self, norm: str) -> list[str]:
        low = norm.lower()
        if not any(ch.isalpha() for ch in norm):
            return [low]
        out = list(self._reading(norm, self._normal_forms))
        if low not in out:
            out.append(low)
        return out

    def _normal_forms(self, norm: str) -> list[str]:
        out = []
        for p in self.morph.parse(norm):
            if p.normal_form not in out:
                out.append(p.normal_form)
        return out

    def future(self, word: str) -> bool:
        """A verb in the future tense ("поставит", "підпише", "постачатиме"): its most likely reading."""
        hit = self._future.get(word)
        if hit is None:
            if len(self._future) > _CACHE_LIMIT:
                self._future.clear()
            tag = self.morph.parse(word)[0].tag
            hit = self._future[word] = "VERB" in tag and "futr" in tag
        return hit

    def variants(self, form: str) -> list[str]:
        # the lexicon word's first readings and its own spelling ("Рияд" reads as рияда)
        cands = super().variants(form)
        low = form.translate(_APOS).lower()
        return cands[:3] + ([low] if low not in cands[:3] else [])


class SimplemmaLemmatizer(Lemmatizer):
    def __init__(self, lang: str):
        super().__init__(lang)
        import simplemma
        self._simplemma = simplemma
        simplemma.lemmatize("test", lang=lang)  # loads the dictionary now, not on the first article
        self._open_readings("simplemma")

    def lemma(self, form: str) -> str | None:
        if not any(ch.isalpha() for ch in form):
            return None
        return self._reading(form, self._lemmatize)

    def _lemmatize(self, form: str) -> str:
        return self._simplemma.lemmatize(form, lang=self.lang)


class SurfaceLemmatizer(Lemmatizer):
    """No dictionary (Kazakh): a token reads as the longest lexicon word it starts
    with when the rest is a chain of suffixes (Қытай-мен, Ресей-дің, Штаттары-мен)."""

    min_prefix = 3

    def candidates(self, norm: str) -> list[str]:
        low = norm.lower()
        if self.keep and low not in self.keep and low.isalpha():
            for cut in range(len(low) - 1, self.min_prefix - 1, -1):
                if low[:cut] in self.keep and self._suffix_chain(low[cut:]):
                    return [low[:cut], low]
        return [low]

    def _suffix_chain(self, rest: str, depth: int = 0) -> bool:
        if not rest:
            return True
        if depth > 4:
            return False
        return any(rest.startswith(s) and self._suffix_chain(rest[len(s):], depth + 1) for s in self.suffixes)


_KINDS = {"spacy_lookup": SpacyLookupLemmatizer, "pymorphy3": PymorphyLemmatizer,
          "simplemma": SimplemmaLemmatizer, "surface": SurfaceLemmatizer}


@lru_cache(maxsize=None)
def lemmatizer(lang: str) -> Lemmatizer:
    kind = language_config(lang).get("lemmatizer") or "surface"
    return _KINDS.get(kind, SurfaceLemmatizer)(lang)


_MAX_VARIANTS = 8


def phrase_variants(lang: str, phrase: str) -> tuple[list[str], list[list[str]]]:
    """Tokens of a lexicon phrase, tokenised like the text, and its key sequences:
    every combination of its tokens' readings (capped)."""
    words = [t.text for t in tokenizer(lang).make_doc(phrase)]
    lem = lemmatizer(lang)
    seqs: list[list[str]] = [[]]
    for w in words:
        seqs = [s + [v] for s in seqs for v in lem.variants(w)][:_MAX_VARIANTS]
    return words, seqs
