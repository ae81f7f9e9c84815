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

        # words already judged by whether a trigger may start at them (a word's judgement never
        # changes): most sentences then need only set operations to find they have no trigger
        self._judged: set[str] = set()
        self._starters: set[str] = set()

    def _may_start(self, word: str, key) -> bool:
        low = word.lower()
        if low in self.whole or any(low[:L] in self.prefix for L in self.prefix_lengths if L <= len(low)):
            return True
        return low[:2] in self.key_heads and key(word) in self.whole

    def starters_among(self, words: list[str], key) -> set[str]:
        """The words at which some trigger may start."""
        new = set(words).difference(self._judged)
        if new:
            if len(self._judged) > _JUDGED_LIMIT:
                self._judged.clear()
                self._starters.clear()
                new = set(words)
            self._starters.update(w for w in new if self._may_start(w, key))
            self._judged |= new
        return self._starters.intersection(words)

    def keys(self) -> set[str]:
        return {t for pats in self.whole.values() for _, p in pats for t, pre in p if not pre}

    def first_hits(self, words: list[str], key) -> dict[str, str]:
        """activity_type -> surface of its first trigger among words.

        Only the words at which a trigger may start are read (most sentences have none);
        the others are only looked at when a trigger of several words reaches them."""
        hits: dict[str, str] = {}
        starters = self.starters_among(words, key)
        if not starters:
            return hits
        n = len(words)
        lows = [w.lower() for w in words]
        keys: list[str | None] = [None] * n
        whole, prefix, heads = self.whole, self.prefix, self.key_heads

        def key_at(j: int) -> str:
            k = keys[j]
            if k is None:
                k = keys[j] = key(words[j])
            return k

        def part_hits(j: int, part: _Part) -> bool:
            text, is_prefix = part
            return lows[j].startswith(text) if is_prefix else (lows[j] == text or key_at(j) == text)

        for i in [i for i, w in enumerate(words) if w in starters]:
            low = lows[i]
            cands = list(whole.get(low, ()))
            if low[:2] in heads:
                k = key_at(i)
                if k != low:
                    cands += whole.get(k, ())
            for L in self.prefix_lengths:
                if L > len(low):
                    break
                cands += prefix.get(low[:L], ())
            for at, parts in cands:
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
