"""Find partner, commodity and route mentions with spaCy PhraseMatchers.

Two matchers per language, built once per process:
* NORM: names, demonyms, capitals, organisations, commodities, routes. Each
  word's norm in the vocabulary is the key of extract/partners/lemmas.py, so
  "Stanami Zjednoczonymi", "Китаем", "швейцарската", "Қытаймен" meet their
  lexicon form;
* ORTH: abbreviations, case-sensitive (US but not "us"; ЕС; UE).

Then, per entity type, the longest non-overlapping matches win, and partner
matches go through the precision filters: proper names need a capital, dateline
cities are dropped, a name followed by a surname ("wiceminister przemysłu Iran
Ospanow") is a person, and Kazakhstan itself claims its spans but is never returned.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import compress
from operator import eq, itemgetter
from pathlib import Path

from spacy.attrs import IDX, LENGTH, NORM
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..model import Mention, Sentence
from .compounds import compound_mentions
from .datelines import dateline_spans
from .lemmas import lemmatizer, phrase_variants, tokenizer
from .lexicon import Entry, entries

HOME = "KZ"  # the country the product is about: never a partner
_TYPE_ORDER = {"partner": 0, "commodity": 1, "route": 2, "company": 3, "home": 4}
_KIND_ORDER = {"abbreviation": 0, "name": 1, "capital": 2, "organisation": 3, "demonym": 4}
# surnames of the region and of Slavic languages: Ospanow, Sarsenowa, Nazarbayev, Kowalski, Shevchenko, Tokayuly
_SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|ow|owa|ew|ewa|in|ina|yn|yna|ski|ska|sky|skiy|cki|cka|enko|uk|yuly|uly|kyzy|"
    r"ов|ова|ев|ева|ёв|ин|ина|ын|ына|ский|ская|цкий|енко|ук|ұлы|қызы|ули|ұлы)$", re.I)


_NO_GIVEN_NAME = re.compile(r"(?:stan|стан)$", re.I)  # "Uzbekistan", "Өзбекстан": never a person's given name
_AFTER_A_NAME = frozenset((",", "said", "says", "told", "added", "noted"))  # "Jordan Wells, an analyst"
# capitalised words before a country that are no given names ("the Hashemite Kingdom", "West Georgia")
_NOT_GIVEN = frozenset(("Hashemite", "Kingdom", "West", "East", "North", "South", "Northern", "Southern",
                        "Eastern", "Western", "Central", "Republic", "State", "Greater", "The", "And", "For",
                        "From", "With", "Via", "Into", "Than", "Both", "Neighbouring", "Neighboring"))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Countries that are also given names (given_names.csv): "Jordan Wells" is a person."""
    with open(Path(__file__).resolve().parent / "given_names.csv", encoding="utf-8", newline="") as f:
        return frozenset(r["alias"] for r in csv.DictReader(f))


class LanguageMatcher:
    def __init__(self, lang: str):
        self.lang = lang
        self.nlp = tokenizer(lang)
        self.lem = lemmatizer(lang)
        vocab = self.nlp.vocab
        self.lemma_matcher = PhraseMatcher(vocab, attr="NORM")
        self.orth_matcher = PhraseMatcher(vocab, attr="ORTH")
        self.labels: dict[int, Entry] = {}
        lemma_patterns: dict[str, list[Doc]] = {}
        orth_patterns: dict[str, list[Doc]] = {}
        keep: set[str] = set()
        whole: set[str] = set()
        for i, e in enumerate(entries(lang)):
            words, key_seqs = phrase_variants(lang, e.alias)
            if not words:
                continue
            label = f"{e.entity_type}|{e.entity_id}|{e.kind}|{i}"
            self.labels[vocab.strings.add(label)] = e
            if e.exact_case:
                orth_patterns[label] = [Doc(vocab, words=words)]
                continue
            lemma_patterns[label] = [_pattern(vocab, words, keys) for keys in key_seqs]
            for keys in key_seqs:
                keep.update(keys)
                if len(keys) == 1:
                    whole.add(keys[0])
        for label, docs in lemma_patterns.items():
            self.lemma_matcher.add(label, docs)
        for label, docs in orth_patterns.items():
            self.orth_matcher.add(label, docs)
        self.keys, self.whole_keys = keep, whole
        self._alias_low = {e.alias: e.alias.lower() for e in self.labels.values()}
        self._months = _month_names(lang)
        # match id -> (type order, entry): one lookup per match instead of two
        self._ranked = {i: (_TYPE_ORDER[e.entity_type], e) for i, e in self.labels.items()}

    def key_words(self) -> None:
        """Make every word's norm its match key, now and for every word the vocabulary meets later.

        spaCy computes a word's lexical attributes once, when the word first enters the
        vocabulary; the key is one of them, so a text costs no per-token lookup. Called once the
        lemma table is final (after `restrict`): the words already known get their key then."""
        vocab, key = self.nlp.vocab, self.lem.key
        vocab.lex_attr_getters[NORM] = key
        for lex in vocab:
            lex.norm_ = key(lex.orth_)

    def doc(self, text: str) -> Doc:
        """Tokenised text; each token's norm (from its word) is its match key."""
        return self.nlp.make_doc(text)

    def find(self, text: str, sentences: list[Sentence], end: int) -> list[Mention]:
        body = text[:end]
        # every digit reads as 0 for the tokenizer (same length, same offsets): numbers never
        # name a partner, and a long run over ever-new numbers must not grow the vocabulary
        # without bound (spaCy's memory zones would, but at five times the cost per text)
        doc = self.doc(_NONZERO_DIGIT.sub("0", body))
        # (type order, -length, start, match order, entry, end): sorted as plain tuples, this is
        # longest first, then leftmost, per entity type, ties in the matchers' order
        found = []
        ranked = self._ranked
        for matcher in (self.lemma_matcher, self.orth_matcher):
            for match_id, s, e in matcher(doc):
                order, entry = ranked[match_id]
                found.append((order, s - e, s, len(found), entry, e))
        if not found:
            return []
        found.sort()
        # token offsets as plain lists: spaCy Token objects cost more than the checks made with them
        starts = doc.to_array(IDX).tolist()
        lengths = doc.to_array(LENGTH).tolist()
        n_tokens = len(starts)

        def person_at(s: int, e: int) -> bool:
            """A capitalised name directly followed by a surname is a person ("Iran Ospanow"); so is a
            country that is also a given name before a capitalised word and then a comma or a verb of
            saying ("said Jordan Wells, an analyst", "Chad Morrison said"; not "Chad Imports Kazakh
            Wheat", "Georgia Ports handled")."""
            if e >= n_tokens:
                return False
            nxt = body[starts[e]:starts[e] + lengths[e]]
            if not (nxt[:1].isupper() and nxt.isalpha() and not nxt.isupper()):
                return False
            if not _SURNAME.search(nxt) or _NO_GIVEN_NAME.search(body, starts[s], starts[s] + lengths[s]):
                # (no one is named Uzbekistan: "Өзбекстан Нарын өзені", "Uzbekistan Naryn" is the river's country)
                if body[starts[s]:starts[s] + lengths[s]] not in _given_names():
                    return False
                after = body[starts[e + 1]:starts[e + 1] + lengths[e + 1]] if e + 1 < n_tokens else ""
                if after not in _AFTER_A_NAME:
                    return False
            return bool(doc[s].whitespace_)  # a Token object only for the few name + surname pairs

        def surname_at(s: int, e: int) -> bool:
            """A country that is also a name, right after a capitalised given name and before a comma or a
            verb of saying, is a surname ("said Grace Jordan, an analyst"; not "Amman, Jordan," nor "to
            Jordan, Iraq")."""
            if s == 0 or e >= n_tokens or body[starts[s]:starts[s] + lengths[s]] not in _given_names():
                return False
            prev = body[starts[s - 1]:starts[s - 1] + lengths[s - 1]]
            if not (prev[:1].isupper() and prev.isalpha() and not prev.isupper() and len(prev) > 2) or \
                    body[starts[s - 1] + lengths[s - 1]:starts[s]] != " " or prev in _NOT_GIVEN:
                return False
            # (not a word capitalised because it opens the sentence: "Will India, which has courted ...")
            before = body[max(0, starts[s - 1] - 3):starts[s - 1]].rstrip()
            if not before or before[-1] in ".!?:;\"“”«»„—–-(":
                return False
            return body[starts[e]:starts[e] + lengths[e]] in _AFTER_A_NAME

        # on equal spans prefer the alias spelled like the text, then name over demonym
        # (simplemma reads "иракски" as "Ирак": both patterns hit "Ирак")
        found = self._break_ties(found, body, starts, lengths)
        taken: tuple[set[int], ...] = (set(), set(), set(), set())  # token indices claimed, per type order
        datelines = dateline_spans(body)
        out: list[Mention] = []
        # sentence_holding's search, on plain offsets (one per match: no key function per step)
        sent_starts = [x.start_char for x in sentences]
        shadowed: set[str] = set()  # bare aliases that a lookalike in this text reads as ("oil" after "sunflower oil")
        commodities: list[tuple[Mention, str]] = []  # commodity mentions with the alias each was matched by
        for order, _neg, s, _i, entry, e in found:
            cover = taken[order]
            if s in cover or (e - s > 1 and not cover.isdisjoint(range(s + 1, e))):
                continue
            start, stop = starts[s], starts[e - 1] + lengths[e - 1]
            surf = body[start:stop]
            if entry.capitalised and not surf[:1].isupper():
                continue
            if order == 1 and e - s == 1 and surf in self._months:
                continue  # German "Mai" (May) reads as "Mais" (maize): a month name names no commodity
            if order == 0 and (  # partners
                    (datelines and any(a < stop and start < b for a, b in datelines))
                    or (e - s == 1 and entry.kind in ("name", "capital") and (person_at(s, e) or surname_at(s, e)))):
                continue
            k = bisect_right(sent_starts, start) - 1
            if k < 0 or not (start < sentences[k].end_char and stop <= sentences[k].end_char):
                continue  # outside every sentence, or across two
            sent = sentences[k]
            cover.update(range(s, e))
            if entry.kind == "place":
                if entry.entity_id and order == 1:
                    shadowed.add(entry.entity_id)
                continue  # "the Indian Ocean", "Индийский океан": a place named after the partner claims its words
            if order == 0 and entry.entity_id == HOME:
                # claims "Kazakhstan–China", "Astana" and "kazachski" for no partner; kept as the
                # home side, which the activity coder needs (extract() takes these out of the result)
                out.append(Mention("home", HOME, entry.kind, sent.index, start, stop, surf))
                continue
            out.append(Mention(entry.entity_type, entry.entity_id, entry.kind, sent.index, start, stop, surf))
            if order == 1:
                commodities.append((out[-1], self._alias_low[entry.alias]))
        if shadowed:
            out = _unshadowed(out, commodities, shadowed)
        out.sort(key=_mention_order)
        return out

    def _break_ties(self, found: list, body: str, starts: list[int], lengths: list[int]) -> list:
        """Within runs of matches of one type over the same tokens (sorted so they are adjacent),
        the alias spelled like the text first, then by kind. Most matches tie with none."""
        # (type order, -length, start) equal to the match before: compared in C, not per match in Python
        spans = list(map(_SPAN_KEY, found))
        ties = list(compress(range(1, len(found)), map(eq, spans[1:], spans)))
        runs: list[list[int]] = []  # [first, stop) of each run of ties
        for i in ties:
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            else:
                runs.append([i - 1, i + 1])
        alias_low = self._alias_low
        for first, stop in runs:
            s, e = found[first][2], found[first][5]
            surface = body[starts[s]:starts[e - 1] + lengths[e - 1]].lower()
            found[first:stop] = sorted(found[first:stop],
                                       key=lambda x: (alias_low[x[4].alias] != surface, _KIND_ORDER.get(x[4].kind, 9)))
        return found


def _unshadowed(out: list[Mention], commodities: list[tuple[Mention, str]], shadowed: set[str]) -> list[Mention]:
    """Without the bare commodity words that a lookalike of the same text reads as ("310.000 Tonnen Öl" in a
    text on Sonnenblumenöl), unless the text names that commodity in words of its own ("Rohöl", "crude")
    or a route that carries it."""
    plain = [(m, a) for m, a in commodities if a in shadowed]
    if not plain or any(m.entity_type == "route" for m in out):
        return out
    named = {m.entity_id for m, a in commodities if a not in shadowed}
    drop = {id(m) for m, _a in plain if m.entity_id not in named}
    return [m for m in out if id(m) not in drop] if drop else out


_SPAN_KEY = itemgetter(0, 1, 2)  # (type order, -length, start) of a match


def _mention_order(m: Mention) -> tuple[int, int]:
    return m.start_char, _TYPE_ORDER[m.entity_type]


def _pattern(vocab, words: list[str], keys: list[str]) -> Doc:
    """A pattern for the NORM matcher: its tokens carry the keys of one reading of the phrase."""
    doc = Doc(vocab, words=words)
    for token, k in zip(doc, keys):
        token.norm_ = k
    return doc


_NONZERO_DIGIT = re.compile("[1-9]")  # re.sub is ten times faster than str.translate here


# Other readers of the shared lemma table (the activity grammar, extract/activity/__init__.py) say
# which keys they need; the table keeps only those and the lexicon's.
_KEY_USERS: list[Callable[[str], set[str]]] = []


def _month_names(lang: str) -> frozenset[str]:
    """The language's month names as written (grammar/months.csv)."""
    from ..reference import load_csv

    return frozenset(r["name"] for r in load_csv("grammar/months") if r["lang"] == lang)


def share_lemma_keys(keys_of: Callable[[str], set[str]]) -> None:
    """keys_of(lang): lemma keys another reader needs the table to keep."""
    if keys_of not in _KEY_USERS:
        _KEY_USERS.append(keys_of)
        language_matcher.cache_clear()  # a table built before this call would lack the keys


@lru_cache(maxsize=None)
def language_matcher(lang: str) -> LanguageMatcher:
    m = LanguageMatcher(lang)
    m.lem.restrict(m.keys.union(*(keys_of(lang) for keys_of in _KEY_USERS)), m.whole_keys)
    m.key_words()
    m.lem.save_readings()  # (the lexicon's forms are read now: a later process starts from them)
    return m


def find_mentions(text: str, lang: str, sentences: list[Sentence], end: int) -> list[Mention]:
    if not text or not sentences or not lang:
        return []
    end = min(end, len(text))
    found = language_matcher(lang).find(text, sentences, end)
    if any(text[m.end_char:m.end_char + 1] in _GLUED for m in found):
        found = [m for m in found if not _currency_word(text, lang, m)]
    inside = compound_mentions(text, lang, sentences, end, found)  # "Rohölexporte"
    return sorted(found + inside, key=_mention_order) if inside else found


_GLUED = {"-", "$", "\u2010", "\u2011"}


@lru_cache(maxsize=None)
def _currency_compounds(lang: str) -> re.Pattern | None:
    """Money units of the language written as one word with a country's abbreviation ("US-Dollar", "US$"),
    from grammar/units.csv."""
    from ..reference import load_csv
    words = {r["surface"] for r in load_csv("grammar/units") if r["kind"] == "money" and r["lang"] in (lang, "*")
             and re.fullmatch(r"[^\W\d_]{2,4}(?:[-\u2010\u2011][^\W\d_]+|\$)", r["surface"])}
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def _currency_word(text: str, lang: str, m: Mention) -> bool:
    """A partner's abbreviation that is part of a currency's name ("400 US-Dollar", "US$5bn") names the
    currency, not the country."""
    if m.entity_type != "partner":
        return False
    rx = _currency_compounds(lang)
    return rx is not None and rx.match(text, m.start_char) is not None and \
        rx.match(text, m.start_char).end() > m.end_char
