"""Export volumes: tonnages tied to a commodity in the same sentence, with route and partner."""
from __future__ import annotations

import pytest

from extract import extract
from extract.figures import find_figures
from extract.model import Mention
from extract.sentences import split_sentences
from extract.volumes import link_export_volumes


def mention(text: str, surface: str, etype: str, eid: str, sentences, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    sidx = next(s.index for s in sentences if s.start_char <= start < s.end_char)
    return Mention(etype, eid, "name", sidx, start, start + len(surface), surface)


def link(text: str, lang: str, marks: list[tuple[str, str, str]]):
    sentences = split_sentences(text)
    figures = find_figures(text, lang, sentences, len(text))
    mentions = [mention(text, s, t, i, sentences) for s, t, i in marks]
    return figures, link_export_volumes(text, lang, sentences, figures, mentions)


def test_route_after_two_tonnages_goes_to_the_nearer_one():
    text = ("Energy ministry data showed oil exports reached 6.1 million tonnes in August, of which "
            "5.3 million tonnes went through the Caspian Pipeline Consortium.")
    figures, vols = link(text, "en", [("oil", "commodity", "crude_oil"),
                                      ("Caspian Pipeline Consortium", "route", "cpc")])
    assert [(v.volume_tonnes, v.commodity_id, v.route_id) for v in vols] == [
        (6.1e6, "crude_oil", None), (5.3e6, "crude_oil", "cpc")]
    assert all(figures[v.figure_index].value == v.volume_tonnes for v in vols)


def test_route_before_tonnages_carries_to_each():
    text = ("По нефтепроводу Казахстан – Китай было поставлено 10,9 млн тонн нефти, включая транзит "
            "российской нефти в объеме 10 млн тонн.")
    _, vols = link(text, "ru", [("Казахстан – Китай", "route", "kazakhstan_china"),
                                ("нефти", "commodity", "crude_oil")])
    assert [(v.volume_tonnes, v.route_id) for v in vols] == [(10.9e6, "kazakhstan_china"), (10e6, "kazakhstan_china")]


def test_nearest_commodity_prefers_the_one_right_after_the_tonnage():
    text = "Зерно идет в Китай: Китай закупил 480 тыс. тонн казахстанской пшеницы."
    _, vols = link(text, "ru", [("Зерно", "commodity", "grain"), ("пшеницы", "commodity", "wheat")])
    assert [(v.commodity_id, v.volume_tonnes) for v in vols] == [("wheat", 480000)]


def test_qualifier_change_and_range_are_repeated():
    text = "Kazachstan zwiększy tranzyt ropy przez rurociąg BTC o 1,5 mln ton, a do Chin trafi 10–12 mln ton ropy."
    _, vols = link(text, "pl", [("ropy", "commodity", "crude_oil"), ("BTC", "route", "btc"),
                                ("Chin", "partner", "CN")])
    assert [(v.volume_tonnes, v.volume_tonnes_max, v.change, v.qualifier) for v in vols] == [
        (1.5e6, None, "increase", "exact"), (10e6, 12e6, "level", "exact")]
    assert vols[1].partner_id == "CN"


@pytest.mark.parametrize("text,lang,marks", [
    # no commodity in the sentence: cargo, storage capacity, an earlier sentence's commodity
    ("Tranzytem przewieziono 4,5 mln ton ładunków.", "pl", []),
    ("Wheat exports rose. A new terminal with 50,000 tonnes of storage capacity opened.", "en",
     [("Wheat", "commodity", "wheat")]),
    # gas in cubic metres is a number, not a tonnage
    ("Добыча газа составит 20 млрд кубометров.", "ru", [("газа", "commodity", "natural_gas")]),
    # a percentage next to a commodity is not a volume
    ("Oil makes up 70 percent of exports.", "en", [("Oil", "commodity", "crude_oil")]),
])
def test_no_volume(text, lang, marks):
    assert link(text, lang, marks)[1] == []


def test_end_to_end_with_the_lexicon():
    from extract import extract
    text = ("Казахстан за десять месяцев экспортировал почти 9 млн тонн зерна. "
            "Китай закупил 480 тыс. тонн казахстанской пшеницы.")
    r = extract(text, lang="ru")
    got = [(v.commodity_id, v.volume_tonnes, v.qualifier, v.change) for v in r.export_volumes]
    assert got == [("grain", 9e6, "approx", "level"), ("wheat", 480000, "exact", "level")]


def test_route_of_the_tonnage_own_clause_before_the_next_clause_route():
    text = ("По нефтепроводу Атырау — Самара в Россию ушло 9,1 млн тонн нефти, а в Китай по трубопроводу "
            "Атасу — Алашанькоу — порядка 1,1 млн т. Кроме того, экспорт угля составил 2,1 млн тонн.")
    _, vols = link(text, "ru", [("нефти", "commodity", "crude_oil"), ("угля", "commodity", "coal"),
                                ("Атырау — Самара", "route", "atyrau_samara"),
                                ("Атасу — Алашанькоу", "route", "kazakhstan_china")])
    # "млн т." before a capital ends the sentence: the coal sentence is another one
    assert [(v.volume_tonnes, v.commodity_id, v.route_id) for v in vols] == [
        (9.1e6, "crude_oil", "atyrau_samara"), (1.1e6, "crude_oil", "kazakhstan_china"), (2.1e6, "coal", None)]


def test_a_route_after_of_which_belongs_to_the_part():
    text = "Экспорт нефти в целом составил около 52 млн тонн, из них через КТК прошло около 80%."
    _, vols = link(text, "ru", [("нефти", "commodity", "crude_oil"), ("КТК", "route", "cpc")])
    assert [(v.volume_tonnes, v.route_id) for v in vols] == [(52e6, None)]


def test_a_dash_before_the_tonnage_is_its_is_and_while_opens_another_clause():
    text = "Экспорт составил: угля — 2 млн т, нефти — 5 млн т."
    _, vols = link(text, "ru", [("угля", "commodity", "coal"), ("нефти", "commodity", "crude_oil")])
    assert [(v.volume_tonnes, v.commodity_id) for v in vols] == [(2e6, "coal"), (5e6, "crude_oil")]
    text = "Uranium output was 21,000 tonnes while copper reached 500,000 tonnes."
    _, vols = link(text, "en", [("Uranium", "commodity", "uranium"), ("copper", "commodity", "copper")])
    assert [(v.volume_tonnes, v.commodity_id) for v in vols] == [(21e3, "uranium"), (5e5, "copper")]


@pytest.mark.parametrize("lang,text,route", [
    ("kk", "CNPC Атасу – Алашаңқай құбыры арқылы мұнай тасымалын жылына 20 млн тоннаға дейін арттыруға дайын.",
     "kazakhstan_china"),
    ("de", "Kasachstan lieferte über die Pipeline Atassu-Alaschankou 10 Mio. Tonnen Öl nach China.", "kazakhstan_china"),
    ("uk", "Казахстан планує відвантажити трубопроводом Баку – Тбілісі – Джейхан до 2,2 млн тонн нафти.", "btc"),
])
def test_a_route_spelled_out_in_the_article_language_names_the_volume_route(lang, text, route):
    r = extract(text)
    assert r.language == lang
    assert [v.route_id for v in r.export_volumes] == [route]


def test_a_commodity_after_a_colon_explains_and_does_not_name_the_tonnage_before():
    r = extract("Экспорт угля в Узбекистан вырос на 340 тыс. тонн и достиг 2,3 млн тонн: "
                "узбекские ТЭС переходят с газа на уголь.")
    assert [(v.commodity_id, v.volume_tonnes) for v in r.export_volumes] == [("coal", 340_000), ("coal", 2_300_000)]


@pytest.mark.parametrize("text", [
    "Kazachstan wyeksportował w ubiegłym roku 1,2 mln ton żelazochromu.",
    "Kasachstan exportierte 2025 rund 1,9 Mio. Tonnen Ferrochrom.",
    "Kazakhstan shipped 1.2 million tonnes of ferrochrome to China last year, the ministry said on Monday.",
    "Казахстан экспортировал 1,2 млн тонн феррохрома.",
])
def test_ferroalloys_by_name_are_other_metals(text):
    assert [v.commodity_id for v in extract(text).export_volumes] == ["metals_other"]


@pytest.mark.parametrize("text,expected", [
    ("The plant will process 5 billion cubic metres of gas a year and produce up to 600,000 tonnes of sulphur, "
     "the company said on Monday.", []),
    ("A new terminal with 19,280 tonnes of storage capacity opened in April for Kazakh wheat, the operator said.", []),
    ("Le contrat avec l'office algérien des céréales prévoit la livraison de 500 000 tonnes de blé d'ici à 2027.",
     [("wheat", 500_000)]),
    ("Le contrat avec l'office algérien prévoit la livraison de 500 000 tonnes d'ici à la fin de 2027, "
     "uniquement du blé kazakh.", [("wheat", 500_000)]),
])
def test_a_tonnage_of_something_else_is_no_volume_of_the_sentence_goods(text, expected):
    assert [(v.commodity_id, v.volume_tonnes) for v in extract(text).export_volumes] == expected


def test_aluminium_is_an_other_metal():
    r = extract("Kasachstan liefert 60.000 Tonnen Primäraluminium an einen deutschen Automobilzulieferer, teilte ERG mit.")
    assert [v.commodity_id for v in r.export_volumes] == ["metals_other"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Kazakhstan exported 40,000 tonnes of refined lead to China."),
    ("pl", "Kazachstan wyeksportował do Chin 40 tys. ton ołowiu."),
    ("ru", "Казахстан экспортировал в Китай 40 тыс. тонн свинца."),
    ("uk", "Казахстан експортував до Китаю 40 тис. тонн свинцю."),
    ("bg", "Казахстан изнесе за Китай 40 хил. тона рафинирано олово."),
    ("fr", "Le Kazakhstan a exporté 40 000 tonnes de plomb vers la Chine."),
    ("de", "Kasachstan exportierte 40.000 Tonnen Blei nach China."),
    ("kk", "Қазақстан Қытайға 40 мың тонна қорғасын экспорттады."),
])
def test_lead_is_a_metal_in_every_language(lang, text):
    from extract import extract

    vols = extract(text, lang=lang).export_volumes
    assert [(v.commodity_id, v.volume_tonnes) for v in vols] == [("metals_other", 40000.0)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Kazakhstan exported 1.2 million tonnes of steel and 3 million tonnes of iron ore to China."),
    ("pl", "Kazachstan wyeksportował do Chin 1,2 mln ton stali i 3 mln ton rudy żelaza."),
    ("ru", "Казахстан экспортировал в Китай 1,2 млн тонн стального проката и 3 млн тонн железной руды."),
    ("uk", "Казахстан експортував до Китаю 1,2 млн тонн сталі та 3 млн тонн залізної руди."),
    ("bg", "Казахстан изнесе за Китай 1,2 млн тона стомана и 3 млн тона желязна руда."),
    ("fr", "Le Kazakhstan a exporté 1,2 million de tonnes d'acier et 3 millions de tonnes de minerai de fer vers la Chine."),
    ("de", "Kasachstan exportierte 1,2 Millionen Tonnen Stahl und 3 Millionen Tonnen Eisenerz nach China."),
    ("kk", "Қазақстан Қытайға 1,2 млн тонна болат пен 3 млн тонна темір кенін экспорттады."),
])
def test_steel_and_iron_ore_are_other_metals_in_every_language(lang, text):
    vols = extract(text, lang=lang).export_volumes
    assert sorted((v.commodity_id, v.volume_tonnes) for v in vols) == [
        ("metals_other", 1200000.0), ("metals_other", 3000000.0)]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Поставки масла в Египет стали рекордными и достигли 96 тыс. тонн."),
    ("uk", "Бразилія стала ключовим ринком: торік вона закупила близько 500 тис. тонн добрив."),
])
def test_became_is_no_steel(lang, text):
    assert [v.commodity_id for v in extract(text, lang=lang).export_volumes if v.commodity_id == "metals_other"] == []


@pytest.mark.parametrize("lang,text", [
    ("pl", "Do Polski trafia też kazachska pszenica: od początku roku sprzedano tam 15,2 tys. ton tego zboża."),
    ("en", "Kazakhstan also sells wheat to Poland: 15,200 tonnes of this grain went there this year."),
    ("ru", "Казахстан продал Польше пшеницу: с начала года туда ушло 15,2 тыс. тонн этого зерна."),
    ("uk", "Казахстан продав Польщі пшеницю: з початку року туди пішло 15,2 тис. тонн цього зерна."),
    ("de", "Kasachstan verkauft auch Weizen nach Polen: seit Jahresbeginn gingen 15.200 Tonnen dieses Getreides dorthin."),
])
def test_this_grain_is_the_wheat_named_before(lang, text):
    # a generic word after a demonstrative stands for the goods just named; without one it stays generic
    assert [(v.commodity_id, v.volume_tonnes) for v in extract(text, lang).export_volumes] == [("wheat", 15200.0)]
    plain = text.split(": ", 1)[1].replace("tego ", "").replace("this ", "").replace("этого ", "").replace(
        "цього ", "").replace("dieses ", "des ")
    assert [v.commodity_id for v in extract(plain, lang).export_volumes] == ["grain"]


@pytest.mark.parametrize("text,lang", [
    ("Uzbekistan received 2.8 million tonnes of wheat, Afghanistan 1.6 million and Iran about 900,000 tonnes.", "en"),
    ("L'Ouzbékistan a reçu 2,8 millions de tonnes de blé, l'Afghanistan 1,6 million et l'Iran environ 900 000 tonnes.", "fr"),
    ("Usbekistan erhielt 2,8 Millionen Tonnen Weizen, Afghanistan 1,6 Millionen und Iran rund 900.000 Tonnen.", "de"),
])
def test_a_list_of_tonnages_gives_each_partner_its_own(text, lang):
    """The bare "1.6 million" between two tonnages is tonnes too, and each tonnage goes to the partner
    that heads its list item (not the next one: Afghanistan heads the 1.6 million)."""
    r = extract(text, lang=lang)
    got = [(v.partner_id, v.volume_tonnes) for v in r.export_volumes]
    assert got == [("UZ", 2_800_000), ("AF", 1_600_000), ("IR", 900_000)]


def test_a_number_word_after_the_tonnage_is_no_noun_of_it():
    # "deux" starts with "de" but is no "de" + noun: the tonnage still belongs to the sentence's wheat
    r = extract("Le Maroc a acheté 500 000 tonnes de blé kazakh, contre 200 000 tonnes deux ans plus tôt.", lang="fr")
    assert sorted((v.commodity_id, v.volume_tonnes) for v in r.export_volumes) == [
        ("wheat", 200000.0), ("wheat", 500000.0)]


def test_goods_before_a_colon_lead_in_to_the_goods_named_after_the_tonnage():
    r = extract("Italien kauft aus Kasachstan vor allem Rohöl und Metalle: Rund 2 Millionen Tonnen kasachisches "
                "Rohöl gingen 2024 nach Triest.", lang="de")
    assert [(v.commodity_id, v.volume_tonnes) for v in r.export_volumes] == [("crude_oil", 2000000.0)]


@pytest.mark.parametrize("lang, text, expected", [
    ("ru", "Главной статьей экспорта стала медь: в Китай было отгружено 45 тыс. тонн металла.", "copper"),
    ("en", "Zinc led the list: 45,000 tonnes of metal went to China.", "zinc"),
    # (grain stays grain: the generic word after wheat is the whole harvest's)
    ("ru", "Экспорт пшеницы вырос: всего вывезено 2 млн тонн зерна.", "grain"),
])
def test_the_generic_metal_right_after_a_tonnage_is_the_metal_named_before(lang, text, expected):
    assert [v.commodity_id for v in extract(text, lang=lang).export_volumes] == [expected]


def test_a_month_name_is_no_commodity_the_grain_of_the_same_key_still_is():
    """German "Mai" (May) and "Mais" (maize) share a lemma key: the month names no commodity, so a
    cotton tonnage "von Januar bis Mai" is no grain export; "Tonnen Mais" still is."""
    from extract import extract
    r = extract("Von Januar bis Mai gingen 41.000 Tonnen Baumwollfaser nach China.", lang="de")
    assert not any(m.entity_type == "commodity" for m in r.mentions) and r.export_volumes == []
    r = extract("Kasachstan exportierte im Mai 120.000 Tonnen Mais nach China.", lang="de")
    assert [m.surface_text for m in r.mentions if m.entity_type == "commodity"] == ["Mais"]
    assert [v.commodity_id for v in r.export_volumes] == ["grain"]


@pytest.mark.parametrize("lang, text, expected", [
    ("bg", "От тях 1,6 млн тона са пшеница, а около 520 хил. тона – фуражно зърно, предимно ечемик.",
     [("wheat", 1_600_000), ("grain", 520_000)]),
    ("ru", "Из них 1,6 млн тонн пшеницы, а 520 тыс. тонн — фуражное зерно.", [("wheat", 1_600_000), ("grain", 520_000)]),
    ("en", "Of this, 1.6 million tonnes was wheat and about 520,000 tonnes — feed grain.",
     [("wheat", 1_600_000), ("grain", 520_000)]),
])
def test_the_goods_a_dash_names_right_after_a_tonnage_are_its_own(lang, text, expected):
    # (the nearest commodity is the wheat before it; the dash says "that is" and names the tonnage's goods)
    vols = extract(text, lang=lang).export_volumes
    assert [(v.commodity_id, v.volume_tonnes) for v in vols] == expected


@pytest.mark.parametrize("lang, text", [
    ("bg", "Находището може да осигури до 50 хил. тона графитен концентрат, а друго – около 15 хил. тона ванадиев пентоксид."),
    ("ru", "Месторождение даст 50 тыс. тонн графитового концентрата, а другое — 15 тыс. тонн пентоксида ванадия."),
    ("uk", "Родовище дасть 50 тис. тонн графітового концентрату, а інше — 15 тис. тонн ванадію."),
    ("pl", "Złoże da 50 tys. ton koncentratu grafitowego, a drugie 15 tys. ton wanadu."),
    ("de", "Die Mine soll 50.000 Tonnen Graphitkonzentrat liefern, das Vanadiumprojekt 15.000 Tonnen Vanadiumpentoxid."),
    ("en", "The mine will supply 50,000 tonnes of graphite concentrate, the other project 15,000 tonnes of vanadium."),
])
def test_graphite_by_its_adjective_and_vanadium_are_volumes(lang, text):
    vols = extract(text, lang=lang).export_volumes
    assert [(v.commodity_id, v.volume_tonnes) for v in vols] == [("graphite", 50_000), ("metals_other", 15_000)]


def test_a_tonnage_beside_electricity_and_other_goods_is_the_goods():
    text = ("Kazatomprom a signé trois contrats de fourniture de concentré d'uranium avec des compagnies "
            "d'électricité américaines, pour un volume total allant jusqu'à 6 500 tonnes d'ici 2033.")
    assert [(v.commodity_id, v.volume_tonnes) for v in extract(text, lang="fr").export_volumes] == [("uranium", 6500)]


@pytest.mark.parametrize("text, lang, want", [
    # a tonnage of cargo in general is no volume of the goods its sentence lists after it
    ("Przez port Aktau przewieziono w tym roku 3,1 mln ton ładunków, w tym ponad 700 tys. ton zboża i 420 tys. "
     "ton produktów naftowych.", "pl", [("grain", 700000.0), ("petroleum_products", 420000.0)]),
    ("Торік Середнім коридором пройшло 1,3 млн тонн казахстанських вантажів, зокрема 410 тис. тонн зерна та "
     "150 тис. тонн міді.", "uk", [("grain", 410000.0), ("copper", 150000.0)]),
    ("Экспорт составил 2 млн тонн пшеницы и других грузов.", "ru", [("wheat", 2000000.0)]),
])
def test_a_tonnage_of_cargo_is_no_volume_of_the_listed_goods(text, lang, want):
    assert [(v.commodity_id, v.volume_tonnes) for v in extract(text, lang).export_volumes] == want


@pytest.mark.parametrize("text, lang, want", [
    # goods right after a measure of another unit are what it measures, not a tonnage's goods
    ("Zakład ma zużywać ok. 1 mld m3 gazu rocznie i produkować do 1 mln ton mocznika oraz 660 tys. ton amoniaku.",
     "pl", []),
    ("The plant will use 5 bcm of gas and produce 2 million tonnes of gas condensate.", "en", [("crude_oil", 2000000.0)]),
    # a concentrate or ore of the commodity named in the sentence is that commodity
    ("Tau-Ken Samruk will develop two tungsten deposits, with planned output of 8,000–10,000 tonnes of concentrate "
     "a year.", "en", [("tungsten", 8000.0)]),
])
def test_a_measure_owns_the_goods_after_it_and_a_concentrate_is_its_commodity(text, lang, want):
    assert [(v.commodity_id, v.volume_tonnes) for v in extract(text, lang).export_volumes] == want
