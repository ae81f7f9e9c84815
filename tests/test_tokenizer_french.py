"""French words are split by spaCy's French punctuation rules without importing spacy.lang.fr, whose
tokenizer exceptions (built at import, 1.8 s of every worker's start) the tokenizer drops anyway
(extract/partners/lemmas.py)."""
from __future__ import annotations

import subprocess
import sys

import spacy

from extract.partners.lemmas import tokenizer

TEXTS = [
    "L'Union européenne et l'Iran ont signé jeudi, d'après l'AFP, un accord avec le Kazakhstan.",
    "Aujourd'hui, 12,5 % du pétrole kazakh (CPC Blend) transite par la Russie ; c'est-à-dire 1,5 Mt.",
    "Le sud-coréen KEPCO et l'émirien Masdar investiront jusqu'à 2 milliards d'euros — selon « Les Échos ».",
    "Les États-Unis, qu'Astana courtise, ont-ils proposé 3,4 Md$ ? Oui : « U.S. Steel » l'a confirmé.",
]


def _french_split(text: str) -> list[str]:
    """What spaCy's own French pipeline gives with the same changes (exceptions and token matchers
    off, hyphens between letters split)."""
    from spacy.util import compile_infix_regex
    nlp = spacy.blank("fr")
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + [
        r"(?<=[^\W\d_])[-‐‑–—](?=[^\W\d_])", r"(?<=[^\W\d_]\.)[-‐‑–—](?=[^\W\d_])"]).finditer
    nlp.tokenizer.rules = {}
    nlp.tokenizer.token_match = None
    nlp.tokenizer.url_match = None
    return [t.text for t in nlp.make_doc(text)]


def test_french_words_split_as_spacy_french_splits_them():
    nlp = tokenizer("fr")
    for text in TEXTS:
        assert [t.text for t in nlp.make_doc(text)] == _french_split(text)
    assert [t.text for t in nlp.make_doc("l'Iran d'Azerbaïdjan")] == ["l'", "Iran", "d'", "Azerbaïdjan"]


def test_the_french_tokenizer_does_not_import_spacy_french():
    code = ("import sys; from extract.partners.lemmas import tokenizer; tokenizer('fr'); "
            "print('spacy.lang.fr' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
