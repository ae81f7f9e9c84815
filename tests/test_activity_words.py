"""The activity word patterns (extract/activity/words.py): prefix, exact, lemma and compound-head words."""
from __future__ import annotations

from extract.activity.words import WordPatterns


def _table(*rows: tuple[str, str]) -> WordPatterns:
    return WordPatterns([(label, pattern) for label, pattern in rows], key=lambda w: w)


def _labels(table: WordPatterns, text: str) -> list[tuple[str, int, int]]:
    return sorted(table.find(text.lower().split()))


def test_prefix_word_covers_inflections_but_not_compounds():
    t = _table(("trade", "export*"))
    assert _labels(t, "exporte stiegen") == [("trade", 0, 1)]
    assert _labels(t, "getreideexporte stiegen") == []


def test_compound_head_is_found_inside_a_word():
    t = _table(("trade", "*export*"), ("agree", "*abkommen*"))
    assert _labels(t, "die getreideexporte und das handelsabkommens") == [("agree", 4, 5), ("trade", 1, 2)]


def test_compound_head_wins_over_the_words_of_its_first_part():
    # "Exportverbot" is a ban, "Handelsabkommen" an agreement, "Lieferverträge" contracts
    t = _table(("trade", "*export*"), ("trade", "handel*"), ("trade", "*liefer*"),
               ("sanction", "*verbot*"), ("agree", "*abkommen*"), ("agree", "*verträg*"))
    assert _labels(t, "exportverbot") == [("sanction", 0, 1)]
    assert _labels(t, "handelsabkommen") == [("agree", 0, 1)]
    assert _labels(t, "lieferverträge") == [("agree", 0, 1)]
    assert _labels(t, "lieferungen") == [("trade", 0, 1)]


def test_multi_word_pattern_with_a_head_in_its_second_word():
    t = _table(("sanction", "schwarze *liste*"))
    assert _labels(t, "auf die schwarze sanktionsliste gesetzt") == [("sanction", 2, 4)]
    assert _labels(t, "die schwarze farbe") == []


def test_irregular_forms_match_their_lemma_word():
    # the lemma of "bought" shares no letter with the word: looked up all the same
    lemmas = {"bought": "buy", "went": "go", "buys": "buy"}
    t = WordPatterns([("trade", "buy"), ("move", "go")], key=lambda w: lemmas.get(w, w))
    assert sorted(t.find("italy bought oil and it went east".split())) == [("move", 5, 6), ("trade", 1, 2)]


def test_the_english_grammar_reads_bought_as_trade():
    from extract.activity.lexicon import grammar

    found = grammar("en").words.find(["italy", "bought", "kazakh", "wheat"])
    assert (("trigger", "trade"), 1, 2) in found
