"""Lexicon mentions (partners, commodities, routes).

    find_mentions(text, lang, sentences, end) -> list[Mention]
    warm_up(langs)   # load tokenizers, lemmatizers and matchers before timing or forking

Everything language-specific is data: dbt_project/seeds/{partner,commodity,route}_aliases.csv,
languages.csv (which lemmatizer) and inflection_suffixes.csv here.
Modules: lemmas (tokens to match keys), lexicon (alias rows), matcher (PhraseMatchers
and precision filters), datelines.
"""
from __future__ import annotations

from collections.abc import Iterable

from .matcher import find_mentions, language_matcher, share_lemma_keys

__all__ = ["find_mentions", "share_lemma_keys", "warm_up"]


def warm_up(langs: Iterable[str]) -> None:
    """Load everything for these languages once per process (lazy otherwise)."""
    for lang in langs:
        language_matcher(lang)
