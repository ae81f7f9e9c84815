"""Text in, records out: the extraction library behind the warehouse.

    from extract import extract
    result = extract(text, lang="ru")   # lang=None: detect it

No Dagster, no DuckDB, no network. The Dagster assets call this same function.
"""
from __future__ import annotations

from datetime import date

from .boilerplate import find_boilerplate_start
from .dates import find_dates
from .figures import find_figures
from .language import detect_language
from .model import ExtractionResult, ExportVolume, Figure, Mention, Sentence
from .partners import classify_activities, find_mentions
from .sentences import split_sentences
from .volumes import link_export_volumes

__all__ = ["extract", "ExtractionResult", "Mention", "Figure", "ExportVolume", "Sentence"]


def extract(text: str, lang: str | None = None, *, published: date | None = None) -> ExtractionResult:
    """Mentions, figures and export volumes of one article.

    text: the article (headline first, then the body). A trailing boilerplate
    block ("Read also", "Latest news") is recognised and not read.
    lang: ISO 639-1 code, or None to detect it.
    published: the publication date, used to resolve partial dates.
    Offsets in the result index `text` itself.
    """
    text = text or ""
    if lang is None:
        lang, confidence = detect_language(text)
    else:
        confidence = 1.0
    end = find_boilerplate_start(text, lang)
    sentences = split_sentences(text, 0, end)
    result = ExtractionResult(language=lang, language_confidence=confidence, sentences=sentences, body_end=end)
    if lang is None or not sentences:
        return result
    result.mentions = find_mentions(text, lang, sentences, end)
    dates = find_dates(text, lang, sentences, end, published=published)
    others = find_figures(text, lang, sentences, end, taken=[(f.start_char, f.end_char) for f in dates])
    result.figures = sorted(dates + others, key=lambda f: (f.start_char, f.end_char))
    result.export_volumes = link_export_volumes(text, lang, sentences, result.figures, result.mentions)
    result.activities = classify_activities(text, lang, sentences, result.mentions)
    return result
