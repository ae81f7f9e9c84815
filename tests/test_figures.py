"""Figures in real sentences: qualifiers, ranges, change, and what is not a figure."""
from __future__ import annotations

import pytest

from extract import extract
from extract.figures import find_figures
from extract.sentences import split_sentences


def figs(text: str, lang: str, taken=()):
    out = find_figures(text, lang, split_sentences(text), len(text), taken=list(taken))
    for f in out:
        assert text[f.start_char:f.end_char] == f.surface_text
        assert f.kind != "date"
    return out


def one(text: str, lang: str):
    out = figs(text, lang)
    assert len(out) == 1, [(f.kind, f.value, f.surface_text) for f in out]
    return out[0]


# --- qualifiers -------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,qualifier", [
    ("ru", "Шторм продлится не менее 3 суток.", "at_least"),
    ("ru", "Это около 80 процентов всего экспорта.", "approx"),
    ("ru", "Мощность терминала составит до 5 млн тонн в год.", "up_to"),
    ("pl", "Umowa przewiduje dostawę maksymalnie 4 tys. ton uranu.", "up_to"),
    ("pl", "Trafia tam ponad 80% kazachskiej ropy.", "more_than"),
    ("pl", "Pochodzi stamtąd blisko 90 proc. metali.", "approx"),
    ("bg", "Цената е с около 3 долара по-ниска.", "approx"),
    ("bg", "Времето може да падне под 15 дни.", "less_than"),
    ("bg", "Износът е над 250 хил. тона.", "more_than"),
    ("fr", "Les autorités espèrent en extraire jusqu'à 5 000 tonnes.", "up_to"),
    ("fr", "Le gisement recèlerait plus de 1 million de tonnes.", "more_than"),
    ("fr", "Cela réduit la capacité d'environ un tiers.", "approx"),
    ("en", "It will provide up to $1.1 billion in loans.", "up_to"),
    ("en", "China accounts for more than 80% of supply.", "more_than"),
    ("en", "Chevron added some 260,000 bpd this year.", "approx"),
    ("en", "Talks have lasted for over 7 years.", "more_than"),
    ("de", "Kasachstan exportierte rund 2,5 Mio. Tonnen Rohöl.", "approx"),
    ("uk", "Казахстан експортував щонайменше 3 млн тонн пшениці.", "at_least"),
])
def test_qualifier(lang, text, qualifier):
    assert one(text, lang).qualifier == qualifier


def test_to_after_a_verb_of_change_is_the_level_reached_not_a_ceiling():
    f = one("Dostawy mogą docelowo wzrosnąć do 20 mln ton.", "pl")
    assert (f.kind, f.value, f.qualifier, f.change) == ("mass", 20e6, "exact", "level")
    f = one("Цената на премията падна до 110 долара за тон.", "bg")
    assert (f.kind, f.value, f.qualifier) == ("money", 110, "exact")
    f = one("Może tam znajdować się do 1 mln ton tlenków.", "pl")
    assert f.qualifier == "up_to"


def test_over_before_a_duration_means_during():
    f = one("The financing will be disbursed over 7 years.", "en")
    assert (f.kind, f.value, f.unit, f.qualifier) == ("duration", 7, "year", "exact")
    assert one("China accounts for over 80% of supply.", "en").qualifier == "more_than"


# --- ranges -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,kind,value,value_max,unit", [
    ("ru", "НПЗ могут получать 10–12 млн тонн нефти.", "mass", 10e6, 12e6, "t"),
    ("en", "Margins could shrink by $10–15 a tonne.", "money", 10, 15, "USD"),
    ("fr", "Le transit prend de 18 à 23 jours.", "duration", 18, 23, "day"),
    ("en", "The number is between 20 and 30.", "number", 20, 30, None),
    ("ru", "Запасы оцениваются от 10 до 20 тыс. тонн.", "mass", 10e3, 20e3, "t"),
    ("pl", "Złoże zawiera od 5 do 7 mln ton rudy.", "mass", 5e6, 7e6, "t"),
    ("de", "Die Förderung soll 10 bis 12 Millionen Tonnen erreichen.", "mass", 10e6, 12e6, "t"),
])
def test_range_is_one_figure(lang, text, kind, value, value_max, unit):
    f = one(text, lang)
    assert (f.kind, f.value, f.value_max, f.unit) == (kind, value, value_max, unit)


def test_from_to_after_a_verb_of_change_is_two_levels():
    out = figs("Стороны договорились о расширении пропускной способности с 20 до 25 млн тонн нефти в год.", "ru")
    assert [(f.kind, f.value, f.qualifier, f.change, f.surface_text) for f in out] == [
        ("mass", 20e6, "exact", "level", "с 20"),
        ("mass", 25e6, "exact", "level", "до 25 млн тонн"),
    ]
    out = figs("Port waiting times fell from 9 days to 4 days.", "en")
    assert [(f.kind, f.value) for f in out] == [("duration", 9), ("duration", 4)]


# --- change -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,change", [
    ("pl", "Kazachstan zwiększy w tym roku tranzyt ropy przez BTC o 1,5 mln ton.", "increase"),
    ("ru", "Поставки решено сократить на 0,7 млн тонн.", "decrease"),
    ("ru", "Поставки решено увеличить на 0,7 млн тонн.", "increase"),
    ("fr", "Les exportations pourraient baisser de 1,2 million de tonnes en décembre.", "decrease"),
    ("fr", "L'accord prévoit une hausse de la production d'uranium de 1 000 tonnes par an.", "increase"),
    ("bg", "Компанията планира да увеличи износа на цинк с още 40 хил. тона.", "increase"),
    ("en", "Exports were cut by 1.5 Mt.", "decrease"),
    ("de", "Die Exporte sollen um 1,5 Mio. Tonnen steigen.", "increase"),
    ("uk", "Експорт збільшать на 0,7 млн тонн.", "increase"),
    ("en", "Shipments rose to a record 1.2 million tonnes.", "level"),
    ("fr", "Une usine d'une capacité de traitement de 12 000 tonnes par an.", "level"),
])
def test_change_on_masses(lang, text, change):
    f = one(text, lang)
    assert f.kind == "mass" and f.change == change


def test_change_is_for_masses_only():
    f = one("Prices rose by 25%.", "en")
    assert f.kind == "percentage" and f.change is None


# --- kinds and units --------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,kind,value,unit", [
    ("en", "It exported 1,850 tonnes of tungsten.", "mass", 1850, "t"),
    ("fr", "Le taux atteint 4,800%.", "percentage", 4.8, "%"),
    ("pl", "Wysłano 1.700.000 ton ropy.", "mass", 1.7e6, "t"),
    ("fr", "KATCO a produit environ 2\u202f700 tonnes.", "mass", 2700, "t"),
    ("bg", "Танкер с близо 100\u00a0000 тона петрол.", "mass", 100000, "t"),
    ("ru", "Ветер достигал 25 метров в секунду.", "number", 25, "m/s"),
    ("ru", "Инвестиции оцениваются в 340 млрд тенге.", "money", 340e9, "KZT"),
    ("ru", "Цена составила 215 долларов за тонну.", "money", 215, "USD"),
    ("en", "Brent traded at $66.40 a barrel.", "money", 66.4, "USD"),
    ("en", "Kazakhstan pumped 2.2 million barrels per day.", "number", 2.2e6, "bbl/d"),
    ("ru", "Добыча газа составит 20 млрд кубометров.", "number", 20e9, "m3"),
    ("ru", "Вывезено полтора миллиона тонн пшеницы.", "mass", 1.5e6, "t"),
    ("fr", "Il est resté trois ans et demi.", "duration", 3.5, "year"),
    ("ru", "Соглашение продлено на полгода.", "duration", 0.5, "year"),
    ("ru", "Правительство продлило на 6 месяцев отмену ограничений.", "duration", 6, "month"),
    ("fr", "Le ministre doit se rendre à Bruxelles dans trois semaines.", "duration", 3, "week"),
    ("ru", "Казахстан за десять месяцев экспортировал зерно.", "duration", 10, "month"),
    ("en", "In the first nine months it exported more.", "duration", 9, "month"),
    ("bg", "За първите шест месеца на годината.", "duration", 6, "month"),
    ("en", "Roughly a third went to Japan.", "percentage", 33.33, "%"),
    ("pl", "BTC może przejąć jedną piątą eksportu.", "percentage", 20, "%"),
    ("bg", "Около една десета от износа.", "percentage", 10, "%"),
    ("fr", "Le pétrole représente les trois quarts des exportations.", "percentage", 75, "%"),
    ("ru", "Треть этого объема доставлена по железной дороге.", "percentage", 33.33, "%"),
    ("bg", "Казахстанският петрол покрива 80 на сто от нуждите.", "percentage", 80, "%"),
    ("en", "one and a half", "number", 1.5, None),
])
def test_kind_value_unit(lang, text, kind, value, unit):
    f = one(text, lang)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize("lang,text,value", [
    ("ru", "С начала года оттуда вышло 37 судов.", 37),
    ("ru", "Будут построены 2 новые насосные станции.", 2),
    ("bg", "В Бургас са пристигнали 14 танкера.", 14),
    ("pl", "Na liście znalazło się 12 przedsięwzięć.", 12),
    ("en", "A format that brings together the five Central Asian states.", 5),
    ("bg", "Документът е подписан от представители на шест държави.", 6),
    ("fr", "L'une des trois bouées d'amarrage a été endommagée.", 3),
    ("fr", "Air Astana a confirmé la commande de 15 Airbus A320neo.", 15),
    ("fr", "Le Kazakhstan, le pays de 20 millions d’habitants, a voté.", 20e6),
])
def test_count(lang, text, value):
    f = one(text, lang)
    assert (f.kind, f.value, f.unit) == ("count", value, None)


# --- not figures ------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "The announcement came on the sidelines of a C5+1 summit."),
    ("fr", "Air Astana a pris livraison d'un A320neo."),
    ("pl", "Część surowca trafi do reaktorów typu AP1000."),
    ("ru", "В Новороссийск вылетел самолет МЧС России Ил-76."),
    ("bg", "Рафинерията произвежда гориво по стандарт Евро 5 и снабдява пазарите."),
    ("ru", "Причиной стал ремонт выносного причального устройства ВПУ-2."),
    ("en", "Oil prices slip as OPEC+ weighs output."),
    ("ru", "Загрузка танкеров остановлена в 21:31 по времени Астаны."),
    ("en", "Brent crude traded higher at 11:05 GMT."),
    ("bg", "Нови преговори в Доха в 10:30 ч."),
    ("en", "The port operator has set up a hotline, +7 (7292) 60-70-80."),
    ("ru", "Соответствующий приказ № 412 опубликован на портале."),
    ("bg", "Отчетът е публикуван на с. 14 от годишния доклад."),
    ("en", "Kazakhstan overshot its quota for a 14th consecutive month."),
    ("fr", "L'attaque est la troisième depuis février."),
    ("pl", "Pierwsza dostawa ma wyjechać z Kazachstanu."),
    ("ru", "Первый танкер отправился в Турцию."),
    ("en", "Grain shipments rose in the first half of the year."),
    ("bg", "През първото полугодие те са закупили повече."),
    ("en", "Kazakhstan, one of the world's largest wheat exporters, aims higher."),
    ("fr", "Orano et Kazatomprom ont signé un accord."),
    ("pl", "Rząd podpisał porozumienie w sprawie budowy jednej z największych instalacji."),
    ("en", "The rest split between barley and flour, a third party said."),
    ("pl", "W ubiegłym roku Kazachstan wysłał więcej ropy."),
    ("en", "The share rose in 2024 and will rise further by 2030."),
    ("pl", "Pierwsze dostawy mogłyby ruszyć w 2028 roku."),
    ("ru", "Цель — довести объем до 2027 г."),
])
def test_not_a_figure(lang, text):
    assert figs(text, lang) == []


def test_taken_spans_are_left_to_the_dates_work():
    text = "Ранее, 19 марта 2024 года, погрузка уже останавливалась на 30 суток."
    s = text.index("19 марта")
    out = figs(text, "ru", taken=[(s, s + len("19 марта 2024 года"))])
    assert [(f.kind, f.value, f.unit) for f in out] == [("duration", 30, "day")]


def test_boilerplate_after_end_is_not_read():
    text = "Exports reached 5 million tonnes.\nLatest news\n09:14 Ukraine says it downed 40 drones"
    out = find_figures(text, "en", split_sentences(text, 0, 33), 33)
    assert [f.value for f in out] == [5e6]


def test_decimal_and_thousands_separators_follow_the_language():
    assert one("Exports were 1,850 tonnes.", "en").value == 1850
    assert one("La part est de 4,800%.", "fr").value == 4.8
    assert one("The ratio is 4.800 now.", "en").value == 4.8
    assert one("Eksport wyniósł 1,5 mln ton.", "pl").value == 1.5e6
    assert one("Le chiffre est de 6.700,54 euros.", "fr").value == 6700.54


def test_sorted_by_start():
    text = "Kazakhstan shipped 3 million tonnes of grain, about 70 percent of it by rail, over 9 days."
    out = figs(text, "en")
    assert [(f.kind, f.start_char) for f in out] == [("mass", 19), ("percentage", 46), ("duration", 83)]


def test_a_language_without_rows_still_reads_symbols_and_codes():
    text = "Eksport: 12 %, 5 kt, USD 40."
    out = find_figures(text, "kk", split_sentences(text), len(text))
    assert [(f.kind, f.value, f.unit) for f in out] == [("percentage", 12, "%"), ("mass", 5000, "t"), ("money", 40, "USD")]


def test_a_hedge_abbreviation_cut_off_by_the_splitter_still_counts():
    text = "Do Chin trafi ok. 3 mln ton ropy."
    out = figs(text, "pl")
    assert [(f.kind, f.value, f.qualifier) for f in out] == [("mass", 3e6, "approx")]
    out = figs("Wysłano wszystko. 3 mln ton ropy trafi do Chin.", "pl")
    assert [f.qualifier for f in out] == ["exact"]


def test_a_range_written_high_to_low_is_stored_low_to_high():
    [f] = [f for f in extract("Traders said margins could shrink by $15–10 a tonne.", lang="en").figures
           if f.kind == "money"]
    assert (f.value, f.value_max) == (10, 15)


@pytest.mark.parametrize("text,lang,value", [
    ("Уряд Казахстану заборонив з 1 грудня реекспорт до Росії 106 категорій товарів.", "uk", 106),
    ("В Китай 300 вагонов казахстанского зерна отправлено в октябре.", "ru", 300),
    ("Kazakhstan sent to China 40 trains of wheat last month.", "en", 40),
])
def test_a_count_right_after_a_country_is_no_model_number(text, lang, value):
    # "Boeing 737 jets" names a model; a country's name in front of a count does not ("до Росії 106 категорій")
    counts = [f for f in extract(text, lang).figures if f.kind == "count"]
    assert [f.value for f in counts] == [value]


def test_a_model_number_after_a_brand_stays_no_figure():
    assert [f.value for f in extract("Air Astana ordered two Boeing 737 jets.", "en").figures if f.kind == "count"] == [2]


def test_south_and_noon_are_no_half_day():
    # "південь" is пів + день to a glued-half reader; it means south ("на півдні": in the south)
    from extract import extract
    for text in ("Росія розвиває коридор «Північ — Південь» через Азербайджан.",
                 "На півдні країни зібрали 2 млн тонн зерна.", "В полдень груз прибыл в Актау."):
        assert not [f for f in extract(text).figures if f.kind == "duration"], text
    assert [f.value for f in extract("За півроку перевезено 1,1 млн тонн зерна.").figures
            if f.kind == "duration"] == [0.5]


# --- a sentence cut after a magnitude abbreviation ----------------------------------------

def test_figure_after_an_abbreviation_cut_is_read_once_and_not_across_a_blank_line():
    text = ("Турция е приела над 900 хил. гости от Казахстан, а Египет – близо 300 хил.\n\n"
            "Министърът обсъди рекламна кампания за 500 хил. евро.")
    out = figs(text, "bg")
    spans = [(f.start_char, f.end_char) for f in out]
    assert len(spans) == len(set(spans)), [(f.sentence_index, f.surface_text) for f in out]
    last = [f for f in out if f.value == 300_000]
    assert [f.surface_text for f in last] == ["близо 300 хил."]  # not "... хил.\n\nМинистърът"
    assert [f.kind for f in out if f.value == 500_000] == ["money"]


@pytest.mark.parametrize("lang,text,value", [
    # after a count in its sentence: the same things
    ("de", "Kasachstan produzierte 2025 rund 160.000 Autos, nach 98.000 im Jahr 2022.", 98_000),
    ("bg", "Турция е приела над 900 хил. гости от Казахстан, а Египет – близо 300 хил. души.", 300_000),
    ("en", "The port handled 1,200 ships last year, up from 950 in 2023.", 950),
    # after "the number of"
    ("kk", "Қытайдан келген туристер саны 1,2 миллионға жетті деп хабарлады министрлік бүгін Астанада.", 1_200_000),
    ("bg", "Броят на казахстанските туристи в България е нараснал с 35% до около 14 хил.", 14_000),
    ("en", "The number of Chinese visitors reached 1.2 million last year, the ministry said.", 1_200_000),
])
def test_a_bare_number_that_its_sentence_says_counts_is_a_count(lang, text, value):
    f = [x for x in figs(text, lang) if x.value == value]
    assert [x.kind for x in f] == ["count"], [(x.kind, x.surface_text) for x in figs(text, lang)]
    assert not f[0].surface_text.endswith(("last year", "жетті"))


def test_a_zero_padded_or_small_bare_number_stays_a_number():
    out = figs("The terminal has 12 cranes and berth 02 of the port.", "en")
    assert "count" not in {f.kind for f in out if f.surface_text == "02"}



def test_a_kazakh_counted_noun_stops_before_its_verb():
    f = one("Қытайдан 1,2 миллион адам келді деп хабарлады министрлік бүгін.", "kk")
    assert (f.kind, f.surface_text) == ("count", "1,2 миллион адам")


def test_a_kazakh_count_with_its_case_and_postposition_after_the_number_of():
    f = [x for x in figs("Сеул бағытындағы рейстер санын аптасына 14-ке дейін көбейтеді деп хабарлады министрлік.", "kk")
         if x.value == 14]
    assert [(x.kind, x.surface_text.startswith("14-ке дейін")) for x in f] == [("count", True)]
    g = one("Қазақстан аптасына 20-дан астам рейс ашады деп хабарлады министрлік бүгін.", "kk")
    assert (g.kind, g.qualifier, g.surface_text) == ("count", "more_than", "20-дан астам рейс")


def test_a_bare_amount_after_money_in_its_sentence_is_money_in_that_currency():
    out = figs("La BERD apporte 350 millions de dollars, aux côtés de la JBIC, qui prête jusqu'à 200 millions.", "fr")
    assert [(f.kind, f.unit, f.value, f.qualifier) for f in out] == [
        ("money", "USD", 350e6, "exact"), ("money", "USD", 200e6, "up_to")]


def test_a_qualified_bare_number_after_a_count_counts():
    out = figs("С Байконура стартовали 11 ракет, тогда как с космодрома Цзюцюань — более 20.", "ru")
    assert [(f.kind, f.value, f.qualifier) for f in out] == [("count", 11, "exact"), ("count", 20, "more_than")]


def test_a_figure_that_runs_into_a_date_ends_before_it():
    r = extract("Kasachstan will seine Exporte bis 2029 auf eine Milliarde Dollar steigern, "
                "nach 480 Millionen Dollar im Jahr 2024, teilte das Ministerium mit.")
    money = [(f.surface_text, f.value) for f in r.figures if f.kind == "money"]
    assert ("480 Millionen Dollar", 480e6) in money
    assert any(f.kind == "date" and f.date_year == 2024 for f in r.figures)


def test_a_french_rank_is_no_fraction():
    """"le cinquième investisseur étranger": the fifth investor, a rank; "le cinquième de la production"
    is a fifth of it."""
    from extract import extract
    rank = extract("La France reste le cinquième investisseur étranger au Kazakhstan.", "fr")
    part = extract("Le cinquième de la production part en Chine.", "fr")
    assert not [f for f in rank.figures if f.kind == "percentage"]
    assert [(f.kind, f.value) for f in part.figures] == [("percentage", 20.0)]


@pytest.mark.parametrize("lang, text, count", [
    ("pl", "KTZ wysłały Korytarzem Środkowym 412 pociągów kontenerowych.", 412),
    ("en", "KTZ sent via the Middle Corridor 380 container trains.", 380),
])
def test_a_count_right_after_a_route_name_is_no_model_number(lang, text, count):
    # "Boeing 737 jets" is a model; a named route before the number is where the trains went
    counts = [f for f in extract(text, lang=lang).figures if f.kind == "count"]
    assert [f.value for f in counts] == [count], [(f.kind, f.surface_text) for f in extract(text, lang=lang).figures]


def test_a_model_number_after_a_capitalised_name_is_still_no_count():
    assert not [f for f in extract("Air Astana ordered Boeing 737 jets.", lang="en").figures if f.kind == "count"]


def test_vague_plural_numbers_are_no_figures_and_counted_hundreds_still_are():
    """"Hundreds of trucks", "тысячи мигрантов": no number is stated; "two hundred trucks" states one."""
    from extract import extract
    for lang, text in [("en", "Hundreds of trucks queue at Khorgos."), ("en", "Thousands of workers left for Russia."),
                       ("ru", "Сотни грузовиков стоят в очереди."), ("fr", "Des centaines de camions attendent.")]:
        assert extract(text, lang=lang).figures == [], text
    [two] = extract("Two hundred trucks queue at Khorgos.", lang="en").figures
    assert (two.kind, two.value) == ("count", 200)


def test_times_in_a_period_are_a_count_and_a_multiplier_is_no_figure():
    # "three times a week" counts flights; "вырос в три раза" (threefold) is no quantity of anything
    def kinds(text, lang):
        return [(f.kind, f.value) for f in extract(text, lang).figures]
    assert kinds("Рейсы будут выполняться три раза в неделю по новому соглашению.", "ru") == [("count", 3.0)]
    assert kinds("Экспорт вырос в три раза за год.", "ru") == []
    assert kinds("Exports to China grew three times over the decade.", "en") == []
