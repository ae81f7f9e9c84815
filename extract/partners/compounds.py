"""Commodities as the first part of a compound word: "Rohölexporte", "Weizenausfuhren", "Uranproduktion".

German (and any language given rows in commodity_compounds.csv) writes the commodity inside one
word with what happens to it, where the phrase matcher sees one unknown token. A modifier counts
at the start of a capitalised word followed by at least three lowercase letters, unless the word
goes on as another word does (not_before: "Gas" but not "Gast", "Kohle" but not "Kohlendioxid").
The mention covers the modifier only, so that its offsets point at the commodity's own letters.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention, Sentence
from ..reference import rows_for
from ..sentences import sentence_holding

_FOLLOW = "[a-zäöüßàâçéèêëîïôûùüÿœæ]"  # a compound goes on in lowercase


@lru_cache(maxsize=None)
def _modifiers(lang: str) -> tuple[re.Pattern | None, dict[str, tuple[str, tuple[str, ...]]]]:
    rows = rows_for("commodity_compounds", lang)
    table = {r["modifier"]: (r["commodity_id"], tuple((r.get("not_before") or "").split())) for r in rows}
    if not table:
        return None, {}
    words = "|".join(re.escape(m) for m in sorted(table, key=len, reverse=True))  # longest first: Erdöl before Öl
    return re.compile(rf"(?<![\w-])({words})(?={_FOLLOW}{{3}})"), table


def compound_mentions(text: str, lang: str, sentences: list[Sentence], end: int,
                      found: list[Mention]) -> list[Mention]:
    """Commodity mentions inside compound words of text[:end] that no mention in found covers."""
    rx, table = _modifiers(lang)
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text, 0, end):
        commodity, not_before = table[m.group(1)]
        a, b = m.span(1)
        if not_before and text.startswith(not_before, b):
            continue
        if any(x.start_char < b and a < x.end_char for x in found):
            continue  # "Ölprodukte" is a commodity of its own
        sent = sentence_holding(sentences, a, b)
        if sent is not None:
            out.append(Mention("commodity", commodity, "name", sent.index, a, b, text[a:b]))
    return out
