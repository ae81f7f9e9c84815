"""Word lists as compact regular expressions.

A plain alternation of a few hundred names is tried name by name at every
position; the same list folded into a character trie fails after one or two
characters, which keeps the per-language date regex fast.
"""
from __future__ import annotations

import re

_SPACE = r"[^\S\n]+"   # any run of spaces (incl. no-break and thin), never a line break


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


def trie_regex(words) -> str:
    """A non-capturing regex matching exactly the given words (longest first)."""
    trie = _trie(words)
    if not trie:
        return r"(?!)"
    # sre tries alternatives one by one; a first-character class rejects most positions at once
    first = "".join(sorted(re.escape(ch) if ch != " " else r"\s" for ch in trie))
    return f"(?=[{first}]){_node(trie)}"


def raw_trie(words) -> str:
    """The same trie without the first-character guard, for patterns that start with it:
    there sre itself skips positions whose character cannot start a word."""
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
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body
