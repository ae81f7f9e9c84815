"""Articles that quote another language: each sentence is read with the lexicon and grammar of its own."""
from __future__ import annotations

from extract import extract
from extract.language import sentence_languages
from extract.sentences import split_sentences
from tests.conftest import SEEDS

MIXED = (
    "Казахстан и США подписали меморандум о критических минералах.\n\n"
    "АСТАНА, 5 ноября — Стороны договорились о сотрудничестве, сообщил МИД республики. "
    "Американские компании готовы вложить около $1 млрд в течение пяти лет.\n\n"
    '"Kazakhstan shipped 1.5 million tonnes of uranium to the U.S. last year, about 40 percent more '
    'than in 2022," a State Department official said. По его словам, ЕС также заинтересован в поставках.'
)


def test_an_english_quote_in_a_russian_article_keeps_its_figures_and_commodities():
    r = extract(MIXED)
    assert r.language == "ru"
    masses = [f for f in r.figures if f.kind == "mass"]
    assert [(f.value, f.qualifier, f.surface_text) for f in masses] == [(1_500_000, "exact", "1.5 million tonnes")]
    assert any(f.kind == "percentage" and f.value == 40 and f.qualifier == "approx" for f in r.figures)
    assert any(f.kind == "date" and f.date_year == 2022 for f in r.figures)
    assert any(f.kind == "money" and f.value == 1e9 and f.unit == "USD" for f in r.figures)  # the Russian part
    [vol] = r.export_volumes
    assert (vol.commodity_id, vol.volume_tonnes) == ("uranium", 1_500_000)
    assert {m.partner_id for m in r.partner_mentions} == {"US", "EU"}
    for m in r.mentions:
        assert MIXED[m.start_char:m.end_char] == m.surface_text


def test_an_ordinary_article_is_one_group():
    text = (SEEDS / "001_9cc73fe6376e6e9d.txt").read_text(encoding="utf-8")
    sents = split_sentences(text)
    groups = sentence_languages(text, "ru", sents)
    assert len(groups) == 1 and groups[0][0] == "ru" and groups[0][1] == sents


def test_a_commodity_named_in_a_quote_of_another_language_ties_its_tonnage():
    text = ("Аналитики оценивают экспорт угля.\n\n"
            "В отчёте Argus отмечается: «Kazakhstan could ship 9-10 mn t of coal to China in 2025, up by at "
            "least 15%». В казахскоязычных СМИ приводятся те же данные: «Қытайға 4,6 млн тонна көмір жөнелтілді».")
    r = extract(text, lang="ru")
    assert sorted((v.commodity_id, v.volume_tonnes) for v in r.export_volumes) == [("coal", 4_600_000), ("coal", 9_000_000)]
    assert any(f.kind == "percentage" and f.value == 15 and f.qualifier == "at_least" for f in r.figures)


def test_a_sentence_pointing_back_to_a_meeting_told_in_another_language_codes_nothing_and_does_not_fail():
    # "Оған ... қатысты" (took part in it) after an English sentence: that sentence is coded with the English
    # grammar, so the Kazakh one has no sentence before it in its own language to point back to
    text = ("Kazakhstan hosted the regional energy council meeting in Astana on Monday with delegations from five "
            "countries. Оған Қазақстан, Өзбекстан және Қырғызстан өкілдері қатысты, ал Түрікменстан қатыспады.")
    r = extract(text, lang="kk")
    assert not any(e.partner_id in ("UZ", "KG") for e in r.events)
    # the same meeting told in Kazakhstan's own sentence before: those who took part met
    kk = ("Өткен аптада Ташкентте энергожүйені үйлестіру кеңесінің отырысы өтті. "
          "Оған Қазақстан, Өзбекстан және Қырғызстан өкілдері қатысты, ал Түрікменстан қатыспады.")
    assert {(e.partner_id, e.activity_type) for e in extract(kk, lang="kk").events} >= {("KG", "consult")}
