"""Shared test settings: no telemetry, and paths to the shared corpora."""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
os.environ["DAGSTER_DISABLE_TELEMETRY"] = "1"
os.environ["DO_NOT_TRACK"] = "1"

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
SEEDS = REPO / "seeds"
EXAMPLES = REPO / "extract" / "examples"
LANGS = ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk")  # languages with example corpora


def example_texts(lang: str, kinds: tuple[str, ...] = ("dates", "figures")) -> list[str]:
    """The texts of extract/examples/<kind>_<lang>.jsonl, for the kinds that exist."""
    out = []
    for kind in kinds:
        path = EXAMPLES / f"{kind}_{lang}.jsonl"
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def cut_between_words(text: str, k: int) -> int:
    """The nearest position at or before k that is not inside a word: where a search may end in
    production (a sentence's or the body's end), never halfway through "четиринайсети"."""
    while 0 < k < len(text) and text[k - 1].isalnum() and text[k].isalnum():
        k -= 1
    return k


def glued_examples(examples: list[str], glue: list[str], n: int, seed: str) -> list[str]:
    """n texts of three examples each, every one after a random piece of `glue` and a fifth of them
    upper-cased: the examples' figures next to the characters a fast path treats specially."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = rnd.sample(examples, k=min(3, len(examples)))
        out.append("".join(rnd.choice(glue) + (p.upper() if rnd.random() < 0.2 else p) for p in parts))
    return out


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    return DEV_CORPUS


@pytest.fixture(autouse=True)
def main_module_kept():
    """Streamlit's AppTest runs a page as `__main__` and leaves it there; a worker process started
    later by spawn re-runs `__main__` first (tests/test_prewarm.py once died of a dashboard page
    opening a warehouse CI had not built). Every test gets back the `__main__` it started with."""
    import sys
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main
