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


RU_WORDS = ["России", "Китаем", "Соединёнными", "Штатами", "нефти", "пшеницы", "урана", "Москвой", "американские"]


def test_cached_readings_give_the_keys_the_dictionary_gives(tmp_path, monkeypatch):
    from extract.partners.lemmas import PymorphyLemmatizer

    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path))
    first = PymorphyLemmatizer("ru")
    keep = {k for w in ["Россия", "Китай", "Соединённые", "Штаты", "нефть", "пшеница", "уран", "Москва"]
            for k in first.variants(w)}
    first.restrict(keep)
    expected = [first.key(w) for w in RU_WORDS]
    first.save_readings()
    files = list(tmp_path.glob("readings-ru-*.json"))
    assert len(files) == 1
    second = PymorphyLemmatizer("ru")  # starts from the readings file: no parse for the words it holds
    assert "Россия" in second._readings
    second.morph = None  # (a word the file holds must not reach the analyser)
    assert second.variants("Россия") == first.variants("Россия")
    second.morph = first.morph
    second.restrict(keep)
    assert [second.key(w) for w in RU_WORDS] == expected
    second.save_readings()  # read from a file: nothing new is written
    assert list(tmp_path.glob("readings-ru-*.json")) == files


def test_old_cache_files_are_pruned(tmp_path, monkeypatch):
    import os

    from extract.partners.lemmas import _CACHE_FILES_KEPT, _write_table_cache

    for i in range(_CACHE_FILES_KEPT + 3):
        p = tmp_path / f"lemmas-xx-{i:016d}.json"
        _write_table_cache(p, {"a": "b"})
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "lemmas-yy-0000000000000000.json").write_text("{}")  # another language's stays
    _write_table_cache(tmp_path / "lemmas-xx-newest.json", {"a": "b"})
    left = sorted(p.name for p in tmp_path.glob("lemmas-xx-*.json"))
    assert len(left) == _CACHE_FILES_KEPT and "lemmas-xx-newest.json" in left
    assert f"lemmas-xx-{_CACHE_FILES_KEPT + 2:016d}.json" in left and "lemmas-xx-0000000000000000.json" not in left
    assert (tmp_path / "lemmas-yy-0000000000000000.json").exists()
