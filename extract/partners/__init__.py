"""Lexicon mentions (partners, commodities, routes) and partner activity. STUB: replaced by the partners work."""
from __future__ import annotations

from ..model import ActivityEvidence, Mention, Sentence


def find_mentions(text: str, lang: str, sentences: list[Sentence], end: int) -> list[Mention]:
    return []


def classify_activities(text: str, lang: str, sentences: list[Sentence], mentions: list[Mention]) -> list[ActivityEvidence]:
    return []
