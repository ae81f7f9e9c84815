"""A company whose nationality the text gives once speaks for that partner where it is named bare
(extract/activity/companies.py): ACTIVITY.md counts a company for the country the text gives it."""
from __future__ import annotations

from extract import extract


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.partner_id, e.activity_type) for e in extract(text).events}


def test_a_company_named_bare_after_its_nationality_acts_for_the_partner():
    text = ("Polski Asseco otworzy w Astanie centrum programistyczne.\n\n"
            "Asseco zainwestuje w projekt około 25 mln euro, poinformował prezes spółki w czwartek.")
    assert ("PL", "invest") in _pairs(text)
    # the same sentence without the nationality given anywhere: no partner to act for
    assert not _pairs(text.replace("Polski Asseco", "Nowe centrum"))


def test_the_company_refers_back_to_the_partner_company_named_before():
    text = ("Chinese carmaker Chery opened a plant in Kostanay in March.\n\n"
            "Chery will invest another 200 million dollars in the plant by 2027. "
            "The company also signed a supply contract with KTZ.")
    pairs = _pairs(text)
    assert ("CN", "invest") in pairs and ("CN", "agree") in pairs


def test_a_title_after_a_nationality_is_no_company():
    text = ("Chinese President Xi Jinping arrived in Astana on Monday.\n\n"
            "President Tokayev signed a decree on grain exports to Uzbekistan.")
    assert ("CN", "agree") not in _pairs(text)


def test_a_name_given_no_nationality_stays_nobody():
    text = ("Kazakhstan's Kazatomprom and Orano extended their joint venture.\n\n"
            "Orano will invest 50 million euros in the mine.")
    assert not any(p == "FR" for p, _ in _pairs(text))



def test_a_noun_of_an_act_after_a_nationality_is_no_company():
    # German capitalises nouns: "russische Lieferungen" (Russian supplies) names no company
    # "Lieferungen" whose every later mention would speak for Russia
    text = ("Kasachisches Öl für Schwedt: Lieferungen über Druschba gestiegen\n\n"
            "Seit 2023 bezieht Schwedt kasachisches Öl, nachdem Deutschland auf russische Lieferungen verzichtet hat.")
    assert ("RU", "trade") not in _pairs(text)
    # a name after the nationality still is one
    text = ("Die russische Lukoil kauft kasachisches Öl.\n\n"
            "Lukoil will die Lieferungen 2026 verdoppeln.")
    assert ("RU", "trade") in _pairs(text)


def test_a_common_noun_abbreviation_after_a_nationality_is_no_company():
    # "китайские АЭС" are Chinese nuclear plants, not a Chinese company "АЭС" that signs every memorandum
    text = ("Совместное предприятие поставляет сборки на китайские АЭС.\n\n"
            "Еще в 2014 году Москва и Астана подписали меморандум о сотрудничестве в строительстве АЭС.")
    assert {p for p, t in _pairs(text) if t == "agree"} == {"RU"}


def test_a_company_named_by_its_abbreviation_in_brackets_acts_for_its_partner():
    text = ("Saudi Agricultural and Livestock Investment Co (SALIC) signed a deal with Kazbeef Export on Tuesday.\n\n"
            "SALIC itself already owns stakes in Brazil's Minerva Foods. SALIC will invest 40 million dollars in Kostanay.")
    pairs = _pairs(text)
    assert ("SA", "invest") in pairs
    # the Saudi company's stake in a Brazilian one is their business, no Kazakh side
    assert not any(p == "BR" for p, _ in pairs)


def test_the_company_followed_by_a_name_introduces_another_company():
    # "компания Alstom" names a company of its own: not the Chinese one of the sentence before
    text = ("Китайская CRRC в тендере не участвовала. Сервисное обслуживание локомотивов КТЖ по-прежнему "
            "обеспечивает компания Alstom.")
    assert not any(p == "CN" for p, _ in _pairs(text))


def test_a_company_after_a_genitive_name_acts_for_its_partner_but_a_place_does_not():
    text = ("Qatar's QAFCO will invest 1.1 billion dollars in a urea plant in Atyrau.\n\n"
            "QAFCO already ships urea to India and Brazil.")
    pairs = _pairs(text)
    assert ("QA", "invest") in pairs
    assert not any(p in ("IN", "BR") for p, _ in pairs)  # the Qatari company's own customers
    # "Russia's Krasnodar region" is a place, no Russian company that exports
    struck = "Ukrainian drones struck a CPC pumping station in Russia's Krasnodar region, disrupting Kazakh oil exports."
    assert ("RU", "trade") not in _pairs(struck)


def test_a_plain_name_after_a_genitive_acts_for_its_partner_where_it_stands_alone():
    # "Canada's Cameco, which ...": a name of its own (a mark follows it); its later mentions are Canada's,
    # so what Cameco buys from Uzbekistan is their business, no Kazakh side
    text = ("Canada's Cameco, which holds a 40% stake in the Inkai joint venture with Kazatomprom, will market "
            "part of that mine's output. Cameco also buys uranium from Uzbekistan's state miner Navoiyuran.")
    pairs = _pairs(text)
    assert ("CA", "invest") in pairs
    assert not any(p == "UZ" for p, _ in pairs)


def test_a_name_after_an_abbreviation_acts_for_its_partner_but_not_across_a_sentence_end():
    # "the U.S. Treasury": its later bare mentions ("A Treasury delegation") are the United States'
    text = ("The U.S. Treasury warned foreign lenders about Russia. A Treasury delegation held talks with "
            "Kazakhstan's financial regulator in Astana last week.")
    assert ("US", "consult") in _pairs(text)
    # "... in the U.S. The financing": the next sentence's first word names no company
    text = ("The summit brings together the five Central Asian states and the U.S. The project is led by Kazakh "
            "miners.\n\nThe financing will be disbursed over seven years.")
    assert ("US", "invest") not in _pairs(text)
