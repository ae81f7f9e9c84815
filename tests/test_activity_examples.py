"""Every sentence of extract/examples/activity_<lang>.jsonl must code to exactly the events it lists.

The corpora hold the traps of ACTIVITY.md next to the acts: negations, comparisons, third-party
dealings, topics without an act, questions, conditionals, bypassed countries and rivals must
give no event (or only the real ones), in every language. Adding a language means rows in
dbt_project/seeds/activity/*.csv and a corpus here, no code.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract import extract

EXAMPLES = Path(__file__).resolve().parent.parent / "extract" / "examples"
LANGS = ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk")
TRAPS = ("negation", "comparison", "third_party", "topic", "question", "conditional", "bypass", "rival")


def _state_companies() -> dict[str, list[str]]:
    from extract.reference import load_csv
    out: dict[str, list[str]] = {}
    for r in [*load_csv("state_companies"), *load_csv("partner_officials")]:  # (companies and leaders)
        out.setdefault(r["partner_id"], []).append(r["alias"])
    return out


def _corpus(lang: str) -> list[dict]:
    path = EXAMPLES / f"activity_{lang}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _cases():
    for lang in LANGS:
        for n, case in enumerate(_corpus(lang)):
            # a line with "gap" is a known limit of a coder without a parser: it must keep failing
            # (strict), so that a fix shows up and the mark is removed
            marks = [pytest.mark.xfail(reason=case["gap"], strict=True)] if case.get("gap") else []
            yield pytest.param(lang, case, id=f"{lang}-{n:02d}-{case['text'][:40]}", marks=marks)


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_example_codes_its_events(lang, case):
    r = extract(case["text"], lang)
    got = {(e.partner_id, e.activity_type) for e in r.events}
    assert got == {tuple(x) for x in case["events"]}, [(e.partner_id, e.activity_type, e.surface_text) for e in r.events]
    for e in r.events:  # provenance: the stating words sit at their offsets
        assert case["text"][e.start_char:e.end_char] == e.surface_text
    if "planned" in case:
        assert all(e.planned == case["planned"] for e in r.events)


@pytest.mark.parametrize("lang", LANGS)
def test_every_trap_has_examples(lang):
    corpus = _corpus(lang)
    assert corpus, f"no activity_{lang}.jsonl"
    traps = {c.get("trap") for c in corpus}
    assert set(TRAPS) <= traps, sorted(set(TRAPS) - traps)
    for c in corpus:  # a trap sentence codes nothing of its own
        if c.get("trap") in ("negation", "third_party", "topic", "question", "conditional", "rival"):
            assert c["events"] == [], c["text"]
    assert {t for c in corpus for _, t in c["events"]} >= {"consult", "agree", "invest", "trade", "transit",
                                                            "sanction", "conflict", "cooperate"}


def test_gaps_are_few():
    cases = [c for lang in LANGS for c in _corpus(lang)]
    gaps = [c for c in cases if c.get("gap")]
    assert len(cases) >= 150 and len(gaps) <= len(cases) // 20


@pytest.mark.parametrize("lang,text,pair,sector", [
    ("en", "Chinese buyers took half of Kazakhstan's uranium output this year.", ("CN", "trade"), "uranium"),
    ("ru", "Казахстан и Китай подписали соглашение о поставках нефти.", ("CN", "agree"), "crude_oil"),
    ("pl", "Stany Zjednoczone zamierzają inwestować w poszukiwanie minerałów w Kazachstanie.", ("US", "invest"),
     "minerals"),
])
def test_events_carry_the_sector_of_their_sentence(lang, text, pair, sector):
    events = {(e.partner_id, e.activity_type): e for e in extract(text, lang).events}
    assert events[pair].sector == sector


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev")
                                        .glob("*.txt")) if (Path(__file__).resolve().parent.parent.parent / "shared"
                                                            ).exists() else [])
def test_events_point_at_their_words_in_real_articles(path):
    text = path.read_text(encoding="utf-8")
    r = extract(text)
    assert r.events
    for e in r.events:
        assert text[e.start_char:e.end_char] == e.surface_text
        s = r.sentences[e.sentence_index]
        assert s.start_char <= e.start_char < e.end_char <= s.end_char
        if e.partner_start_char is not None:
            partner_ids = {m.partner_id for m in r.mentions if m.start_char == e.partner_start_char}
            if e.partner_id not in partner_ids:  # else the partner's state company acts ("Orano", "Росатомом")
                span = text[e.partner_start_char:e.partner_end_char].lower()
                assert any(span.startswith(a.lower()[:max(3, len(a) - 2)]) for a in _state_companies()[e.partner_id])
                assert e.partner_id in {m.partner_id for m in r.mentions}  # named elsewhere in the article
