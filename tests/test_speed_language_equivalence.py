"""The language checks have fast paths (marker words and letters found by table-lookup patterns, a
table-lookup skip before the other-letter test, one regex call for "20 letters" and for "40 letters of
the other script"): each must give what the plain computation below gives."""
from __future__ import annotations

import json
import random
import sys

import pytest

from extract import language as L

from conftest import DEV_CORPUS, EXAMPLES, SEEDS


# ---- the plain computations (the code before the fast paths) ------------------------------------------

def plain_language_by_markers(sample: str) -> str | None:
    """The same decision from every distinct word and every character of the sample."""
    low = sample.lower()
    return L.decide_by_markers(set(L._WORD.findall(low)), set(low))


def plain_script_share(text: str) -> float:
    if not L._OTHER_LETTER.search(text):
        return 1.0 if L._LETTER.search(text) else 0.0
    letters = len(L._LETTER.findall(text))
    return len(L._LATIN_OR_CYRILLIC.findall(text)) / letters if letters else 0.0


def plain_has_20_letters(sample: str) -> bool:
    return sum(1 for _ in zip(range(20), L._LETTER.finditer(sample))) >= 20


def plain_single_group(text: str, lang: str) -> bool:
    script = L._script_of(lang)
    other = L._LATIN if script == "cyrillic" else L._CYRILLIC if script == "latin" else None
    return other is None or len(other.findall(text)) < 40


# ---- texts ------------------------------------------------------------------------------------------

FOREIGN = [
    "El gobierno de Kazajistán firmó ayer un acuerdo con la Unión Europea para aumentar las exportaciones.",
    "De regering van Kazachstan heeft gisteren een akkoord getekend met China om de export van graan te verhogen.",
    "Влада Казахстана јуче је потписала споразум са Кином о повећању извоза жита преко луке Актау.",
    "Kazakistan hükümeti dün Çin ile Aktau limanı üzerinden tahıl ihracatını artırmak için bir anlaşma imzaladı.",
    "Қазақстан үкіметі кеше Қытаймен астық экспортын арттыру туралы келісімге қол қойды және бұл туралы хабарлады.",
    "哈萨克斯坦政府昨天与中国签署了一项协议。 Kazakhstan signed the deal, and the ministry said that it was ready.",
]


def _real_texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for p in sorted(EXAMPLES.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts + FOREIGN


def _samples() -> list[str]:
    """300-character windows (the sample detection reads), and shorter and joined ones."""
    out = []
    for text in _real_texts():
        out += [text[off:off + 300] for off in range(0, max(1, len(text) - 100), 70)]
        out.append(text[:120])
    out += [a[:150] + " " + b[:150] for a, b in zip(out[::7], out[3::7])]  # two languages in one sample
    return out


def _fuzz_samples(n: int, seed: int) -> list[str]:
    """Marker words glued to odd letters, digits and punctuation, in any case."""
    rnd = random.Random(seed)
    words, _, _, _ = L._markers()
    pool = sorted(words) + ["x²", "the²", "²the", "thé", "ñand", "andñ", "Ⅻ", "и", "_the", "the_", "1the", "ḁnd",
                            "ǅ", "ß", "İ", "ё", "ґ", "қ", "中文", "ελλάδα"]
    seps = [" ", ", ", ".", "-", "'", "’", "«", "»", "\n", "", "", "_", "1", "²", "ᵃ", "ḁ", "中", "\u00a0", "q"]
    out = []
    for _ in range(n):
        s = "".join(rnd.choice(pool) + rnd.choice(seps) for _ in range(rnd.randint(0, 40)))
        r = rnd.random()
        out.append(s.upper() if r < 0.15 else s.title() if r < 0.3 else s)
    return out


# ---- tests ------------------------------------------------------------------------------------------

def test_marker_decision_is_the_plain_one_on_real_samples():
    samples = _samples()
    decided = 0
    for sample in samples:
        quick = L.language_by_markers(sample)
        assert quick == plain_language_by_markers(sample), sample[:100]
        decided += quick is not None
    assert decided > 100


@pytest.mark.parametrize("seed", range(3))
def test_marker_decision_is_the_plain_one_on_random_samples(seed):
    for sample in _fuzz_samples(3000, seed):
        assert L.language_by_markers(sample) == plain_language_by_markers(sample), sample


def test_marker_words_are_the_words_that_are_markers():
    marker_words, plain_words, marker_letters = L._marker_scan()
    for sample in _samples() + _fuzz_samples(2000, 9):
        low = sample.lower()
        assert marker_words.intersection(plain_words.findall(low)) == marker_words.intersection(L._WORD.findall(low))
        _, evidence, conflicts, other = L._markers()
        letters = set(other).union(*evidence.values(), *conflicts.values())
        assert set(marker_letters.findall(low)) == set(low) & letters


def test_the_other_letter_search_finds_what_the_plain_one_does_at_every_code_point():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    fast = L._other_letter_fast()
    assert [m.start() for m in fast.finditer(every)] == [m.start() for m in L._OTHER_LETTER.finditer(every)]
    for sample in _samples():
        assert L.script_share(sample) == plain_script_share(sample)


def test_letter_counts_are_the_plain_ones():
    texts = _real_texts() + _samples() + _fuzz_samples(1000, 4)
    texts += ["a1 " * k for k in range(15, 25)] + ["ж" * k + "z" * k for k in range(35, 45)]
    for text in texts:
        assert (L._TWENTY_LETTERS.match(text) is not None) == plain_has_20_letters(text), text[:100]
        for lang in ("en", "ru", "kk", "xx"):
            quoted = L._QUOTE_IN.get(L._script_of(lang))
            assert (quoted is None or quoted.match(text) is None) == plain_single_group(text, lang), (lang, text[:100])
