"""Commodities inside German compound words ("Rohölexporte"): mentions, volumes and event sectors."""
from __future__ import annotations

from extract import extract


def _commodities(text: str) -> list[tuple[str, str]]:
    r = extract(text, "de")
    for m in r.mentions:
        assert text[m.start_char:m.end_char] == m.surface_text
    return [(m.entity_id, m.surface_text) for m in r.mentions if m.entity_type == "commodity"]


def test_commodity_first_in_a_compound_is_a_mention_of_its_own_letters():
    assert _commodities("Kasachstan steigerte seine Rohölexporte deutlich.") == [("crude_oil", "Rohöl")]
    assert _commodities("Die Weizenausfuhren und die Uranproduktion wuchsen.") == [("wheat", "Weizen"), ("uranium", "Uran")]


def test_longest_modifier_and_whole_word_aliases_win():
    assert _commodities("Die Erdölexporte stiegen.") == [("crude_oil", "Erdöl")]
    assert _commodities("Die Ölprodukte wurden teurer.") == [("petroleum_products", "Ölprodukte")]


def test_words_that_only_begin_like_a_commodity_are_not_one():
    assert _commodities("Die Gastgeber sprachen über Kohlendioxid und den Gasthof.") == []


def test_compound_commodity_makes_a_volume_and_an_event_sector():
    r = extract("Kasachstan lieferte 2024 rund 1,2 Millionen Tonnen Rohöl nach Deutschland, "
                "und die Getreideexporte nach China erreichten 3 Millionen Tonnen.", "de")
    assert sorted((v.commodity_id, v.volume_tonnes) for v in r.export_volumes) == [
        ("crude_oil", 1_200_000.0), ("grain", 3_000_000.0)]
    r = extract("Japan plant eine Milliardeninvestition in den kasachischen Uranbergbau.", "de")
    assert [(e.partner_id, e.activity_type, e.sector) for e in r.events] == [("JP", "invest", "uranium")]


def test_a_compound_whose_head_is_the_commodity_names_it():
    # "Hartweizen" (durum wheat), "Kokskohle": the kind of the commodity before it, in one word
    assert _commodities("Italien kaufte mehr als 210.000 Tonnen kasachischen Hartweizen.") == [("wheat", "Hartweizen")]
    assert _commodities("Die Kokskohle ging nach China.") == [("coal", "Kokskohle")]
