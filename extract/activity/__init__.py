"""Partner activity as coded events (who does what with Kazakhstan), rules as data.

    code_events(text, lang, sentences, mentions, document_partners) -> list[ActivityEvent]

Modules: words (word patterns: triggers, cues, sector words), lexicon (one language's
activity grammar from dbt_project/seeds/activity/), coder (the rules).
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
