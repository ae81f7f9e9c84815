"""Word lists as compact regular expressions.

A plain alternation of a few hundred names is tried name by name at every
position; the same list folded into a character trie fails after one or two
characters, which keeps the per-language date regex fast.

Optional parts are written `(?:part|)`, never `(?:part)?` (see `optional`).
"""
from __future__ import annotations

import re

_SPACE = r"[^\S\n]+"   # any run of spaces (incl. no-break and thin), never a line break


def optional(part: str) -> str:
    """`part` or nothing, tried in that order: the same matches as `(?:part)?`, but faster.

    sre runs `(?:part)?` (unless `part` is one character wide) through a REPEAT that allocates
    a context and copies every group mark on each try, and then makes each alternation inside
    it copy them too; an alternation with an empty last branch does neither. That made the
    date regexes a quarter slower. tests/test_dates_speed_optional.py compares both forms.
    """
    return f"(?:{part}|)"


def _escape(ch: str) -> str:
    return _SPACE if ch == " " else re.escape(ch)


def _trie(words) -> dict:
    """Characters of the words as nested dicts; "" marks a word's end."""
    trie: dict = {}
    for w in {w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def raw_trie(words) -> str:
    """A regex matching exactly the given words (longest first), to embed as it is: a bare
    word or a non-capturing group. No first-character class in front: sre tests each
    branch's first character before entering it, and such a guard cost more than it saved."""
    trie = _trie(words)
    return _node(trie) if trie else r"(?!)"


def _node(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(_escape(ch) + _node(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    alternatives = "|".join(branches)
    return optional(alternatives) if end else f"(?:{alternatives})"
