#!/usr/bin/env python3
"""A deterministic synthetic corpus for benchmarks: real sentences of the seed and dev articles,
recombined into 2–3 kB articles per language, with their numbers varied.

    python scripts/synth_corpus.py OUT_DIR N [--seed 7]

The extractor does real work on every article (partners, figures, dates and
volumes are all there) and the output can be checked: every article is made of
sentences whose figures are known to parse.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.cleaning import clean_text  # noqa: E402
from extract.language import detect_language  # noqa: E402
from extract.sentences import split_sentences  # noqa: E402

SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "dev"]
_DIGITS = re.compile(r"\d+")


def sentence_pool() -> dict[str, list[str]]:
    """Body sentences of every source article, by language (boilerplate already cut)."""
    pool: dict[str, list[str]] = {}
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            body = clean_text(path.read_text(encoding="utf-8")).body_text
            lang, _ = detect_language(body)
            if lang is None:
                continue
            sents = [body[s.start_char:s.end_char] for s in split_sentences(body)]
            pool.setdefault(lang, []).extend(s for s in sents if len(s) > 30)
    return pool


def _vary_numbers(sentence: str, rng: random.Random) -> str:
    def repl(m: re.Match) -> str:
        s = m.group(0)
        if len(s) == 4 and s.startswith(("19", "20")):
            return str(rng.randint(2015, 2035))  # keep years looking like years
        first = str(rng.randint(1, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in s[1:])
    return _DIGITS.sub(repl, sentence)


def make_article(pool: list[str], rng: random.Random, target: int) -> str:
    head = rng.choice(pool).rstrip(".")
    paragraphs, cur, size = [], [], len(head)
    while size < target:
        s = _vary_numbers(rng.choice(pool), rng)
        cur.append(s)
        size += len(s) + 1
        if len(cur) >= rng.randint(2, 4):
            paragraphs.append(" ".join(cur))
            cur = []
    if cur:
        paragraphs.append(" ".join(cur))
    return head + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(out: Path, n: int, seed: int = 7, start: int = 0) -> list[Path]:
    """Write articles start..start+n-1 into out/<lang>/<nnnnnn>.txt; same seed, same files."""
    pool = sentence_pool()
    langs = sorted(pool)
    paths = []
    for i in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + i)
        lang = langs[i % len(langs)]
        text = make_article(pool[lang], rng, rng.randint(2000, 3000))
        p = out / lang / f"{i:07d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--start", type=int, default=0)
    a = ap.parse_args()
    generate(a.out, a.n, a.seed, a.start)
    print(f"wrote {a.n} articles to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
