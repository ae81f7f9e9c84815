"""Find partner, commodity and route mentions with spaCy PhraseMatchers.

Two matchers per language, built once per process:
* LEMMA: names, demonyms, capitals, organisations, commodities, routes. Each
  token's lemma is set to the key of extract/partners/lemmas.py, so
  "Stanami Zjednoczonymi", "Китаем", "швейцарската", "Қытаймен" meet their
  lexicon form;
* ORTH: abbreviations, case-sensitive (US but not "us"; ЕС; UE).

Then, per entity type, the longest non-overlapping matches win, and partner
matches go through the precision filters: proper names need a capital, dateline
cities are dropped, a name followed by a surname ("wiceminister przemysłu Iran
Ospanow") is a person, and Kazakhstan itself claims its spans but is never returned.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy
from spacy.attrs import IDX, LEMMA, LENGTH, ORTH, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..model import Mention, Sentence
from .datelines import dateline_spans
from .lemmas import lemmatizer, phrase_variants, tokenizer
from .lexicon import Entry, entries

HOME = "KZ"  # the country the product is about: never a partner
_TYPE_ORDER = {"partner": 0, "commodity": 1, "route": 2}
_KIND_ORDER = {"abbreviation": 0, "name": 1, "capital": 2, "organisation": 3, "demonym": 4}
# surnames of the region and of Slavic languages: Ospanow, Sarsenowa, Nazarbayev, Kowalski, Shevchenko, Tokayuly
_SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|ow|owa|ew|ewa|in|ina|yn|yna|ski|ska|sky|skiy|cki|cka|enko|uk|yuly|uly|kyzy|"
    r"ов|ова|ев|ева|ёв|ин|ина|ын|ына|ский|ская|цкий|енко|ук|ұлы|қызы|ули|ұлы)$", re.I)


class LanguageMatcher:
    def __init__(self, lang: str):
        self.lang = lang
        self.nlp = tokenizer(lang)
        self.lem = lemmatizer(lang)
        vocab = self.nlp.vocab
        self.lemma_matcher = PhraseMatcher(vocab, attr="LEMMA")
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
            lemma_patterns[label] = [Doc(vocab, words=words, lemmas=keys) for keys in key_seqs]
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
        self._lemma_hash: dict[int, int] = {}  # orth hash -> key hash; reset when the lemma table changes

    def doc(self, text: str) -> Doc:
        """Tokenised text with each token's lemma set to its match key.

        Works on hash arrays, not Token objects: creating a Token per word cost
        more than the tokenizer itself."""
        doc = self.nlp.make_doc(text)
        if not len(doc):
            return doc
        orths = doc.to_array(ORTH).tolist()
        memo = self._lemma_hash
        hashes = list(map(memo.get, orths))  # known words cost one C-level lookup each
        if None in hashes:
            strings, key = self.nlp.vocab.strings, self.lem.key
            if len(memo) > 300_000:
                memo.clear()
            for i, h in enumerate(hashes):
                if h is None:
                    o = orths[i]
                    hashes[i] = memo[o] = strings.add(key(strings[o]))
        doc.from_array([LEMMA], numpy.array(hashes, dtype="uint64").reshape(-1, 1))
        return doc

    def find(self, text: str, sentences: list[Sentence], end: int) -> list[Mention]:
        body = text[:end]
        # every digit reads as 0 for the tokenizer (same length, same offsets): numbers never
        # name a partner, and a long run over ever-new numbers must not grow the vocabulary
        # without bound (spaCy's memory zones would, but at five times the cost per text)
        doc = self.doc(_NONZERO_DIGIT.sub("0", body))
        found = []
        for matcher in (self.lemma_matcher, self.orth_matcher):
            for match_id, s, e in matcher(doc):
                found.append((self.labels[match_id], s, e))
        if not found:
            return []
        # token offsets as plain lists: spaCy Token objects cost more than the checks made with them
        offsets = doc.to_array([IDX, LENGTH, SPACY])
        starts = offsets[:, 0].tolist()
        ends = (offsets[:, 0] + offsets[:, 1]).tolist()
        spaced = offsets[:, 2].tolist()
        n_tokens = len(starts)

        def person_at(s: int, e: int) -> bool:
            """A capitalised name directly followed by a surname is a person ("Iran Ospanow")."""
            if e >= n_tokens or not spaced[s]:
                return False
            nxt = body[starts[e]:ends[e]]
            return nxt[:1].isupper() and nxt.isalpha() and not nxt.isupper() and bool(_SURNAME.search(nxt))

        def chars(s: int, e: int) -> tuple[int, int]:
            return starts[s], ends[e - 1]

        # longest first, then leftmost: one entity per token span and type;
        # on equal spans prefer the alias spelled like the text, then name over demonym
        # (simplemma reads "иракски" as "Ирак": both patterns hit "Ирак")
        found.sort(key=lambda x: (_TYPE_ORDER[x[0].entity_type], x[1] - x[2], x[1]))
        found = self._break_ties(found, body, starts, ends)
        taken: dict[str, set[int]] = {}
        datelines = dateline_spans(body)
        sentence_starts = [s.start_char for s in sentences]
        out: list[Mention] = []
        for entry, s, e in found:
            cover = taken.setdefault(entry.entity_type, set())
            if not cover.isdisjoint(range(s, e)):
                continue
            start, stop = chars(s, e)
            surf = body[start:stop]
            if entry.capitalised and not surf[:1].isupper():
                continue
            if entry.entity_type == "partner" and (
                    any(a < stop and start < b for a, b in datelines)
                    or (e - s == 1 and entry.kind in ("name", "capital") and person_at(s, e))):
                continue
            k = bisect_right(sentence_starts, start) - 1
            if k < 0 or stop > sentences[k].end_char:
                continue  # outside every sentence, or across two
            si = sentences[k].index
            cover.update(range(s, e))
            if entry.entity_type == "partner" and entry.entity_id == HOME:
                continue  # claims "Kazakhstan–China", "Astana" and "kazachski" for nobody
            out.append(Mention(entry.entity_type, entry.entity_id, entry.kind, si, start, stop, surf))
        out.sort(key=lambda m: (m.start_char, _TYPE_ORDER[m.entity_type]))
        return out


    def _break_ties(self, found: list, body: str, starts: list[int], ends: list[int]) -> list:
        """Within runs of matches of one type over the same tokens (sorted so they are adjacent),
        the alias spelled like the text first, then by kind. Done per run: most runs are one match."""
        out, i, n = [], 0, len(found)
        alias_low = self._alias_low
        while i < n:
            j = i + 1
            entry, s, e = found[i]
            while j < n and found[j][1] == s and found[j][2] == e and found[j][0].entity_type == entry.entity_type:
                j += 1
            if j - i == 1:
                out.append(found[i])
            else:
                surface = body[starts[s]:ends[e - 1]].lower()
                out += sorted(found[i:j], key=lambda x: (alias_low[x[0].alias] != surface, _KIND_ORDER.get(x[0].kind, 9)))
            i = j
        return out


_NONZERO_DIGIT = re.compile("[1-9]")  # re.sub is ten times faster than str.translate here


@lru_cache(maxsize=None)
def language_matcher(lang: str) -> LanguageMatcher:
    m = LanguageMatcher(lang)
    from .activity import trigger_keys  # the activity triggers share the lemma table
    m.lem.restrict(m.keys | trigger_keys(lang), m.whole_keys)
    m._lemma_hash.clear()
    return m


def find_mentions(text: str, lang: str, sentences: list[Sentence], end: int) -> list[Mention]:
    if not text or not sentences or not lang:
        return []
    return language_matcher(lang).find(text, sentences, min(end, len(text)))
