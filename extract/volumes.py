"""Export volumes. STUB: replaced by the figures work."""
from __future__ import annotations

from .model import ExportVolume, Figure, Mention, Sentence


def link_export_volumes(text: str, lang: str, sentences: list[Sentence], figures: list[Figure], mentions: list[Mention]) -> list[ExportVolume]:
    return []
