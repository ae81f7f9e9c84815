"""Partner activity as coded events (who does what with Kazakhstan), rules as data.

    code_events(text, lang, sentences, mentions, document_partners) -> list[ActivityEvent]

Modules: words (word patterns: triggers, cues, sector words), lexicon (one language's
activity grammar from dbt_project/seeds/activity/), tokens (a sentence cut into words),
companies (company names as actors), coder (per sentence: which triggers state an act, and for
whom), with the parts of its rules in their own modules: cue_roles (sentence-wide rules for one cue
role each), anaphora ("both sides", "the Georgian side"), clauses, negation, frames (comparisons,
rivals, reported speech), ways (transit), parties (Kazakhstan's side, lists, third parties),
trade_sides (a trade word's buyer or seller); roles holds the groups of types and roles they share.
"""
from __future__ import annotations

from ..partners import share_lemma_keys
from .coder import code_events
from .lexicon import grammar

__all__ = ["code_events", "grammar", "activity_keys"]


def activity_keys(lang: str) -> set[str]:
    """Lemma keys of the activity grammar's whole words (the lemma table must keep them)."""
    return grammar(lang).keys()


share_lemma_keys(activity_keys)  # the coder reads the mention matcher's lemma table: it must keep these keys
