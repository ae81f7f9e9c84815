"""Partner activity: which kinds of thing a partner does in a sentence.

Taxonomy and trigger words are data (dbt_project/seeds/activity_types.csv and
activity_triggers.csv). A trigger ending in "*" is a prefix of the lowercased
token ("sankcj*" covers sankcje, sankcji, sankcjami), so inflection needs no
dictionary; a trigger without it matches the token or its lemma key. Triggers
of several words match consecutive tokens. One ActivityEvidence per sentence
that holds a partner mention × partner × activity type, with the first
trigger word of that type in the sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import ActivityEvidence, Mention, Sentence
from ..reference import load_csv
from .lemmas import lemmatizer

# Words of a sentence: triggers are words, so a regex is enough here (and far cheaper than re-tokenising)
_WORD = re.compile(r"\w+(?:['’]\w+)*")

_JUDGED_LIMIT = 200_000  # distinct words remembered per language before starting over
_Part = tuple[str, bool]  # (text, is_prefix) of one trigger token


class _Triggers:
    """Triggers of one language indexed by their first token."""

    def __init__(self, lang: str):
        lem = lemmatizer(lang)
        self.whole: dict[str, list[tuple[str, tuple[_Part, ...]]]] = {}
        self.prefix: dict[str, list[tuple[str, tuple[_Part, ...]]]] = {}
        self.types: list[str] = []
        for r in load_csv("activity_triggers"):
            if r["lang"] != lang:
                continue
            parts = tuple((w[:-1].lower(), True) if w.endswith("*") else (lem.key(w), False)
                          for w in r["trigger"].split())
            if not parts:
                continue
            at = r["activity_type"]
            if at not in self.types:
                self.types.append(at)
            head, is_prefix = parts[0]
            (self.prefix if is_prefix else self.whole).setdefault(head, []).append((at, parts))
        self.prefix_lengths = sorted({len(p) for p in self.prefix})
        # first two letters of every whole-word trigger key, and of the words that
        # read as one: a cheap test before a word's lemma is looked up
        self.key_heads = {k[:2] for k in self.whole}

        # the triggers that may start at a word depend on the word alone: judged once per distinct
        # word (most are nobody's trigger), so a sentence costs set operations and a few lookups
        self._judged: set[str] = set()
        self._candidates: dict[str, list[tuple[str, tuple[_Part, ...]]]] = {}

    def _candidates_of(self, word: str, key) -> list[tuple[str, tuple[_Part, ...]]]:
        low = word.lower()
        cands = list(self.whole.get(low, ()))
        if low[:2] in self.key_heads:
            k = key(word)
            if k != low:
                cands += self.whole.get(k, ())
        for L in self.prefix_lengths:
            if L > len(low):
                break
            cands += self.prefix.get(low[:L], ())
        return cands

    def candidates_among(self, words: list[str], key) -> dict[str, list[tuple[str, tuple[_Part, ...]]]]:
        """word -> triggers that may start at it, for every word of the map (the caller filters)."""
        new = set(words).difference(self._judged)
        if new:
            if len(self._judged) > _JUDGED_LIMIT:
                self._judged.clear()
                self._candidates.clear()
                new = set(words)
            for w in new:
                cands = self._candidates_of(w, key)
                if cands:
                    self._candidates[w] = cands
            self._judged |= new
        return self._candidates

    def keys(self) -> set[str]:
        return {t for pats in self.whole.values() for _, p in pats for t, pre in p if not pre}

    def first_hits(self, words: list[str], key) -> dict[str, str]:
        """activity_type -> surface of its first trigger among words.

        Only the words at which a trigger may start are read (most words are nobody's
        trigger); the others are only looked at when a trigger of several words reaches them."""
        hits: dict[str, str] = {}
        candidates = self.candidates_among(words, key)
        at_positions = [i for i, w in enumerate(words) if w in candidates]
        if not at_positions:
            return hits
        n = len(words)

        def part_hits(j: int, part: _Part) -> bool:
            text, is_prefix = part
            low = words[j].lower()
            return low.startswith(text) if is_prefix else (low == text or key(words[j]) == text)

        for i in at_positions:
            for at, parts in candidates[words[i]]:
                if at in hits or i + len(parts) > n:
                    continue
                if all(part_hits(i + j, parts[j]) for j in range(1, len(parts))):
                    hits[at] = " ".join(words[i:i + len(parts)])
        return hits


@lru_cache(maxsize=None)
def triggers(lang: str) -> _Triggers:
    return _Triggers(lang)


def trigger_keys(lang: str) -> set[str]:
    """Keys of the whole-word triggers (the lemma table must keep them)."""
    return triggers(lang).keys()


def classify_activities(text: str, lang: str, sentences: list[Sentence], mentions: list[Mention]) -> list[ActivityEvidence]:
    by_sentence: dict[int, list[str]] = {}
    for m in mentions:
        if m.entity_type == "partner" and m.entity_id not in by_sentence.get(m.sentence_index, []):
            by_sentence.setdefault(m.sentence_index, []).append(m.entity_id)
    if not by_sentence or not lang:
        return []
    trig = triggers(lang)
    key = lemmatizer(lang).key
    sent_by_index = {s.index: s for s in sentences}
    out: list[ActivityEvidence] = []
    for si in sorted(by_sentence):
        s = sent_by_index.get(si)
        if s is None:
            continue
        hits = trig.first_hits(_WORD.findall(text, s.start_char, s.end_char), key)
        for activity_type in trig.types:
            if activity_type in hits:
                for pid in by_sentence[si]:
                    out.append(ActivityEvidence(pid, activity_type, si, hits[activity_type]))
    return out
