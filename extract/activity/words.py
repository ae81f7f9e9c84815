"""Word patterns as data: one matcher for triggers, cue words and sector words.

A pattern is one or more words. A word ending in "*" is a prefix of the lowercased
token ("sankcj*" covers sankcje, sankcji, sankcjami), so inflection needs no
dictionary; a word starting with "=" matches that lowercased form only ("=prêts",
whose lemma would also cover "prête", ready); a word between two "*" is a compound
head, found anywhere in the token ("*abkommen*" covers Handelsabkommen, Abkommens):
where one stands inside a token, that token's rightmost head is its meaning, as the
last part of a German compound is ("Exportverbot" is a ban, not an export; the prefix
"export*" gives way); any other word matches the token or its lemma key. Patterns of
several words match consecutive tokens. Which patterns may start at a token
depends on the token alone, so each distinct token is judged once per process.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress

_JUDGED_LIMIT = 200_000  # distinct tokens remembered per table before starting over
LEMMA, PREFIX, EXACT, INSIDE = 0, 1, 2, 3
_Part = tuple[str, int]  # (text, how it matches) of one pattern word
_APOS_PAIRS = (("’", "'"), ("ʼ", "'"), ("‘", "'"), ("ё", "е"))
_APOS = str.maketrans(dict(_APOS_PAIRS))


def norm(word: str) -> str:
    return word.lower().translate(_APOS)


def _part(word: str, key: Callable[[str], str]) -> _Part:
    if len(word) > 2 and word.startswith("*") and word.endswith("*"):
        return norm(word[1:-1]), INSIDE
    if word.endswith("*"):
        return norm(word[:-1]), PREFIX
    if word.startswith("="):
        return norm(word[1:]), EXACT
    return key(norm(word)), LEMMA


def _hyphen_split(pattern: str) -> list[str]:
    """The pattern's words, a hyphenated word as the words texts are cut into ("най-голям*" -> "=най",
    "голям*"; "=штаб-квартирой" -> "=штаб", "=квартирой"): its first parts match as written."""
    out = []
    for w in pattern.split():
        core = w.lstrip("=")
        if "-" not in core.strip("-*"):
            out.append(w)
            continue
        pieces = [x for x in core.split("-") if x]
        out += ["=" + x.rstrip("*") for x in pieces[:-1]] + [("=" if w.startswith("=") else "") + pieces[-1]]
    return out


class WordPatterns:
    """Labelled word patterns of one language, indexed by their first word."""

    def __init__(self, rows: Iterable[tuple[str, str]], key: Callable[[str], str]):
        self.key = key
        self.whole: dict[str, list[tuple[str, tuple[_Part, ...]]]] = {}
        self.prefix: dict[str, list[tuple[str, tuple[_Part, ...]]]] = {}
        self.inside: dict[str, list[tuple[str, tuple[_Part, ...]]]] = {}
        for label, pattern in rows:
            if "n't" not in pattern and "n’t" not in pattern:
                pattern = pattern.replace("'", " ").replace("’", " ")  # tokens split at apostrophes, as texts are
            parts = tuple(_part(w, key) for w in _hyphen_split(pattern))
            if parts:
                head, how = parts[0]
                table = self.prefix if how == PREFIX else self.inside if how == INSIDE else self.whole
                table.setdefault(head, []).append((label, parts))
        self.prefix_lengths = sorted({len(p) for p in self.prefix})
        # (every new word's lemma key is looked up, once: a shortcut on the word's first letters
        # missed irregular forms, "bought" -> buy, "went" -> go, "шёл" -> идти)
        self.has_lemma_words = any(p[0][1] == LEMMA for pats in self.whole.values() for _, p in pats)
        # every word judged so far -> (label, the pattern's words after the first) of each pattern that
        # may start at it (an empty tuple: none)
        self._candidates: dict[str, list[tuple[str, tuple[_Part, ...]]] | tuple] = {}

    def keys(self) -> set[str]:
        """Lemma keys of the whole words (the lemma table must keep them)."""
        return {t for pats in self.whole.values() for _, p in pats for t, how in p if how == LEMMA}

    def _candidates_of(self, low: str) -> list[tuple[str, tuple[_Part, ...]]]:
        cands = list(self.whole.get(low, ()))
        if self.has_lemma_words:
            k = self.key(low)
            if k != low:
                cands += [c for c in self.whole.get(k, ()) if c[1][0][1] == LEMMA]
        for L in self.prefix_lengths:
            if L > len(low):
                break
            cands += self.prefix.get(low[:L], ())
        if self.inside:
            heads = [(low.rfind(h), h) for h in self.inside if h in low]
            if heads:
                at, head = max(heads, key=lambda x: (x[0] + len(x[1]), x[0]))
                if at > 0:  # a compound's head: the words that match its first part give way
                    cands = [c for c in cands if len(c[1]) > 1]
                cands += self.inside[head]
        return cands

    def knows(self, low: str) -> bool:
        """Whether this one word is a pattern of its own."""
        return bool(self.find([low]))

    def find(self, lows: list[str]) -> list[tuple[str, int, int]]:
        """(label, first token, end token exclusive) of every pattern among the lowercased tokens."""
        candidates = self._candidates
        found = list(map(candidates.get, lows))
        if None in found:  # a word not judged yet (most sentences have none: no set of words to build)
            if len(candidates) > _JUDGED_LIMIT:
                candidates.clear()
            for w in set(lows).difference(candidates):
                candidates[w] = [(label, parts[1:]) for label, parts in self._candidates_of(w)] or ()
            found = list(map(candidates.get, lows))
        out = []
        n = len(lows)
        key = self.key
        for i in compress(range(n), found):  # only the tokens that start some pattern (in C)
            for label, rest in found[i]:
                if not rest:
                    out.append((label, i, i + 1))
                    continue
                if i + len(rest) >= n:
                    continue
                m = i
                for text, how in rest:  # inline: most multi-word cues fail on their second word
                    m += 1
                    nxt = lows[m]
                    if not (nxt.startswith(text) if how == PREFIX else text in nxt if how == INSIDE else
                            (nxt == text or (how == LEMMA and key(nxt) == text))):
                        break
                else:
                    out.append((label, i, m + 1))
        return out
