"""Language detection with a confidence, restricted to the configured languages.

Lingua decides among the languages listed in seeds/languages.csv. A text whose
letters are mostly outside the Latin and Cyrillic scripts (Chinese, Arabic...)
or that a detector over all languages assigns to an unconfigured language with
more confidence is reported as unsupported (language None, with the guess).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .reference import load_csv

_SAMPLE = 3000  # characters read for detection: plenty for news, bounded cost


def supported_languages() -> list[str]:
    return [r["lang"] for r in load_csv("languages")]


@lru_cache(maxsize=1)
def _detectors():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in supported_languages()]
    restricted = LanguageDetectorBuilder.from_languages(*langs).build()
    return restricted, LanguageDetectorBuilder, Language


@lru_cache(maxsize=1)
def _wide_detector():
    _, builder, _ = _detectors()
    return builder.from_all_languages().with_low_accuracy_mode().build()


def script_share(text: str) -> float:
    """Share of letters that are Latin or Cyrillic."""
    letters = ours = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            name = unicodedata.name(ch, "")
            if name.startswith(("LATIN", "CYRILLIC")):
                ours += 1
    return ours / letters if letters else 0.0


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0..1); code None when no configured language fits."""
    lang, conf, _ = detect_language_verbose(text)
    return lang, conf


def detect_language_verbose(text: str) -> tuple[str | None, float, str | None]:
    """(code or None, confidence, the guessed other language when unsupported)."""
    sample = text[:_SAMPLE]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None, 0.0, None
    if script_share(sample) < 0.5:
        guess = _wide_detector().detect_language_of(sample)
        return None, 0.0, guess.iso_code_639_1.name.lower() if guess else None
    restricted, _, _ = _detectors()
    values = restricted.compute_language_confidence_values(sample)
    if not values:
        return None, 0.0, None
    top = values[0]
    code, conf = top.language.iso_code_639_1.name.lower(), float(top.value)
    if conf < 0.9:
        # unsure among ours: ask whether it is another language altogether
        wide = _wide_detector().compute_language_confidence_values(sample)
        if wide and wide[0].language != top.language:
            other = wide[0].language.iso_code_639_1.name.lower()
            if other not in supported_languages() and wide[0].value > 0.5:
                return None, conf, other
    return code, round(conf, 4), None
