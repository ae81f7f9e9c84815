"""extract() and warm_up(): one article through every reader (see the package docstring)."""
from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date

from .activity import code_events, grammar as _activity_grammar
from .boilerplate import body_end, chrome_lines, drop_chrome
from .cleaning import restore_surfaces, unwrap_soft_breaks
from .dates import find_dates
from .figures import find_figures
from .language import detect_language, sentence_languages, supported_languages, warm_up_detectors
from .model import ActivityEvent, ExtractionResult, ExportVolume, Figure, Mention, Sentence
from .partners import find_mentions, warm_up as _warm_up_lexicons
from .sentences import split_sentences
from .volumes import link_export_volumes

_INTERNAL = ("home", "company")  # mention types the matcher gives the coder only

__all__ = ["extract", "warm_up", "ExtractionResult", "Mention", "Figure", "ExportVolume", "ActivityEvent", "Sentence"]


def warm_up(langs: Iterable[str] | None = None) -> None:
    """Load these languages (default: every configured one) now: lexicons, lemma tables, detector
    models, figure and date grammars. Each loads on first use otherwise, in the middle of a worker's
    first files or of a timing. Language by language: a worker can take a file between two."""
    langs = supported_languages() if langs is None else list(langs)
    warm_up_detectors()
    for lang in langs:
        _warm_up_lexicons([lang])
        _activity_grammar(lang)
        extract("Warm-up 1 2025.", lang=lang)  # compiles the figure and date grammars
    # what is loaded now lives as long as the process: out of the collector's full passes,
    # which would otherwise walk every lexicon entry again and again
    gc.freeze()


def extract(text: str, lang: str | None = None, *, published: date | None = None) -> ExtractionResult:
    """Mentions, figures, export volumes and activity events of one article.

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
    end = body_end(text, lang)
    chrome = chrome_lines(text, 0, end)  # menus, bylines, share lines, paywall notes: not read
    given, text = text, unwrap_soft_breaks(text, chrome)  # hard-wrapped lines read as one (same offsets)
    sentences = drop_chrome(split_sentences(text, 0, end), chrome)
    result = ExtractionResult(language=lang, language_confidence=confidence, sentences=sentences, body_end=end)
    if lang is None or not sentences:
        return result
    # a quote in another script ("This agreement opens..." in a Russian article) is read with
    # the lexicon and grammar of its own language; an ordinary article is one group
    groups = sentence_languages(text, lang, sentences)
    mentions = find_mentions(text, lang, sentences, end)
    figures: list[Figure] = []
    places = frozenset(m.end_char for m in mentions if m.entity_type in ("partner", "home", "route"))  # "до Росії 106 категорій", "Korytarzem Środkowym 412 pociągów"
    for group_lang, group in groups:
        if group_lang != lang:
            taken = {(m.entity_type, i) for m in mentions for i in range(m.start_char, m.end_char)}
            mentions += [m for m in find_mentions(text, group_lang, group, end)
                         if (m.entity_type, m.start_char) not in taken and (m.entity_type, m.end_char - 1) not in taken]
        dates = find_dates(text, group_lang, group, end, published=published)
        figures += dates + find_figures(text, group_lang, group, end, taken=[(f.start_char, f.end_char) for f in dates],
                                        places=places)
    # Kazakhstan itself and partners' state companies: never partner mentions, but the coder needs them
    home = [m for m in mentions if m.entity_type in _INTERNAL]
    result.mentions = sorted((m for m in mentions if m.entity_type not in _INTERNAL),
                             key=lambda m: (m.start_char, m.end_char))
    result.figures = sorted(figures, key=lambda f: (f.start_char, f.end_char))
    result.export_volumes = link_export_volumes(text, lang, sentences, result.figures, result.mentions)
    named = {m.entity_id for m in result.mentions if m.entity_type == "partner"}
    events = []
    for group_lang, group in groups:
        in_group = {s.index for s in group}
        events += code_events(text, group_lang, group, [m for m in result.mentions + home if m.sentence_index in in_group],
                              named)
    result.events = sorted(events, key=lambda e: (e.sentence_index, e.start_char)) if len(groups) > 1 else events
    if text is not given:
        restore_surfaces(given, result)
    return result
