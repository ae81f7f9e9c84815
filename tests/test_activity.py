"""Partner activity: one evidence per partner sentence × partner × activity type."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract import extract
from extract.partners import classify_activities, find_mentions
from extract.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "dbt_project" / "seeds"
SEED_000 = REPO.parent / "shared" / "seeds" / "000_afede05ea305446a.txt"
TAXONOMY = {"meeting", "agreement", "investment", "export_route", "trade", "sanctions", "energy", "nuclear",
            "minerals", "security"}


def activities(text: str, lang: str):
    sentences = split_sentences(text)
    return classify_activities(text, lang, sentences, find_mentions(text, lang, sentences, len(text)))


def pairs(text: str, lang: str) -> set[tuple[str, str]]:
    return {(a.partner_id, a.activity_type) for a in activities(text, lang)}


def test_polish_seed_article_expectations():
    if not SEED_000.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    got = {(a.partner_id, a.activity_type) for a in extract(SEED_000.read_text(encoding="utf-8"), "pl").activities}
    for expected in [("US", "agreement"), ("US", "minerals"), ("US", "investment"), ("TR", "meeting"),
                     ("SA", "meeting"), ("QA", "meeting"), ("AE", "meeting"), ("DE", "agreement"), ("DE", "energy"),
                     ("RU", "sanctions"), ("RU", "export_route")]:
        assert expected in got, expected
    assert ("TR", "sanctions") not in got


def test_one_evidence_per_sentence_partner_and_type():
    text = "Rosja i Chiny podpisały umowę i memorandum o dostawach ropy. Rosja podpisała kolejną umowę."
    acts = activities(text, "pl")
    keys = [(a.sentence_index, a.partner_id, a.activity_type) for a in acts]
    assert len(keys) == len(set(keys))
    assert (0, "RU", "agreement") in keys and (0, "CN", "agreement") in keys and (1, "RU", "agreement") in keys
    first = next(a for a in acts if a.sentence_index == 0 and a.activity_type == "agreement")
    assert first.trigger == "podpisały"  # the first trigger word of the sentence, as written
    assert (0, "RU", "energy") in keys and (0, "RU", "trade") in keys


def test_inflected_triggers_in_each_language():
    assert ("RU", "sanctions") in pairs("Sankcjami wobec Rosji objęto banki.", "pl")
    assert ("US", "investment") in pairs("США инвестируют в добычу вольфрама.", "ru")
    assert ("US", "minerals") in pairs("США инвестируют в добычу вольфрама.", "ru")
    assert ("TR", "meeting") in pairs("Министрите се срещнаха в Анкара.", "bg")
    assert ("UA", "security") in pairs("Moscou accuse l'Ukraine d'une attaque de drones.", "fr")
    assert ("JP", "nuclear") in pairs("Japan will buy uranium for its reactors.", "en")
    assert ("DE", "agreement") in pairs("Deutschland unterzeichnete ein Abkommen.", "de")
    assert ("CN", "export_route") in pairs("Нафта йде до Китаю трубопроводом.", "uk")
    assert ("CN", "trade") in pairs("Қытаймен сауда өсті.", "kk")


def test_no_activity_without_partner_or_trigger():
    assert activities("Kazachstan podpisał umowę o dostawach ropy.", "pl") == []  # Kazakhstan is no partner
    assert activities("Chiny są duże.", "pl") == []                              # no trigger word
    assert pairs("Seoul reports: the weather is fine. A deal was signed.", "en") == set()  # trigger in another sentence


def test_common_words_are_not_triggers():
    # "Z kolei" means "in turn", not the railway; "significant" is not "sign"
    assert ("US", "export_route") not in pairs("Z kolei Stany Zjednoczone zamierzają działać.", "pl")
    assert ("US", "agreement") not in pairs("The United States made significant progress.", "en")


def test_taxonomy_and_trigger_data():
    with open(SEEDS_DIR / "activity_types.csv", encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        assert r.fieldnames == ["activity_type", "description", "plover_or_cameo"]
        types = list(r)
    assert {t["activity_type"] for t in types} == TAXONOMY
    assert all(t["description"] and t["plover_or_cameo"] for t in types)
    with open(SEEDS_DIR / "activity_triggers.csv", encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        assert r.fieldnames == ["activity_type", "lang", "trigger"]
        triggers = list(r)
    assert {t["activity_type"] for t in triggers} == TAXONOMY
    for lang in ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk"):
        assert {t["activity_type"] for t in triggers if t["lang"] == lang} == TAXONOMY, lang
