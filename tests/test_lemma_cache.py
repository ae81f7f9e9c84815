"""The on-disk cache of restricted lemma tables gives the same keys as the full dictionary."""
from __future__ import annotations

from extract.partners.lemmas import SpacyLookupLemmatizer

WORDS = ["Niemczech", "Niemiec", "Stanami", "Zjednoczonymi", "Rosji", "rosyjskiej", "Chinami", "ropy", "pszenicy",
         "uranu", "Brukseli", "Waszyngtonie", "amerykańskie", "Kazachstanu", "kontrakt"]


def test_cached_table_reads_words_like_the_full_dictionary(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path))
    first = SpacyLookupLemmatizer("pl")
    keep = {k for w in ["Niemcy", "Stany", "Zjednoczone", "Rosja", "rosyjski", "Chiny", "ropa", "pszenica", "uran",
                        "Bruksela", "Waszyngton", "amerykański"] for k in first.variants(w)}
    first.restrict(keep)
    cache_files = list(tmp_path.glob("lemmas-pl-*.json"))
    assert len(cache_files) == 1
    second = SpacyLookupLemmatizer("pl")  # starts from the cache file
    assert len(second.table) < 100_000 < 1_000_000
    assert [second.variants(w) for w in ["Niemcy", "Rosja"]] == [first.variants(w) for w in ["Niemcy", "Rosja"]]
    second.restrict(keep)
    assert [second.key(w) for w in WORDS] == [first.key(w) for w in WORDS]


def test_caching_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACT_CACHE_DIR", "off")
    lem = SpacyLookupLemmatizer("en")
    lem.restrict({"china"})
    assert not list(tmp_path.iterdir())
