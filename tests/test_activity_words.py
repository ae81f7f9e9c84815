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


def _joined(text: str, known: set[str]) -> list[str]:
    from extract.activity.tokens import _words, join_separable
    lows, starts, ends = _words(text, 0, len(text))
    return join_separable(text, lows, starts, ends, frozenset({"ein", "aus", "teil"}), known.__contains__)


def test_a_clause_final_particle_joins_its_verb():
    known = {"einführt", "ausführte", "teilnahmen"}
    assert "einführt" in _joined("Kasachstan führt aus China vor allem Weizen ein, sagte er.", known)
    # a dot of an abbreviation and a decimal comma do not end the clause
    assert "ausführte" in _joined("Kasachstan führte rund 2,5 Mio. Tonnen Weizen nach Italien aus.", known)
    assert "teilnahmen" in _joined("Vertreter Chinas nahmen an dem Gipfel in Astana teil.", known)


def test_a_particle_mid_clause_or_after_a_clause_break_joins_nothing():
    known = {"einführt", "ausführt"}
    words = "kasachstan führt aus china weizen".split()
    assert _joined("Kasachstan führt aus China Weizen.", known) == words  # "aus" is a preposition here
    # the verb stands in the clause before the comma: the particle cannot reach it
    text = "Kasachstan kauft Weizen, den Russland liefert, ein."
    assert _joined(text, {"einliefert", "einkauft"}) == "kasachstan kauft weizen den russland liefert ein".split()
    # a capitalised word is a noun, never the verb
    assert _joined("Das Land schickt Delegationen ein.", {"eindelegationen", "einland"}) == \
        "das land schickt delegationen ein".split()
