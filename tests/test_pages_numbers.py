"""Numbers as pages print them: no-break and narrow no-break thousands separators, figures glued to
the word before by a lost space, four-digit amounts, magnitude abbreviations with and without a
dot, Kazakh and German hedges and durations, word fractions and counts in every language, figures
in the other script inside a sentence, and datelines naming two cities."""
from __future__ import annotations

import pytest

from extract import extract


def _figs(text, lang):
    return [(f.kind, f.value, f.unit, f.qualifier) for f in extract(text, lang=lang).figures if f.kind != "date"]


@pytest.mark.parametrize("lang,text,want", [
    ("ru", "Экспорт составил 1\u202f500 тонн нефти.", ("mass", 1500, "t", "exact")),
    ("ru", "Экспорт составил 1\u2009500 тонн нефти.", ("mass", 1500, "t", "exact")),
    ("en", "Kazakhstan exported 1\u00a0500 tonnes of oil.", ("mass", 1500, "t", "exact")),
    ("kk", "Экспорт 2,1 млн тонна немесе307,7 млн доллар болды.", ("money", 307.7e6, "USD", "exact")),
    ("ru", "Выручка составила порядка307,7 млн долларов.", ("money", 307.7e6, "USD", "approx")),
    ("de", "Kasachstan exportierte 6637 Tonnen Weizen.", ("mass", 6637, "t", "exact")),
    ("en", "Exports reached 2.5mn tonnes of oil.", ("mass", 2.5e6, "t", "exact")),
    ("en", "Exports reached 2.5 mln tonnes of oil.", ("mass", 2.5e6, "t", "exact")),
    ("en", "The loan is worth $1.2bn.", ("money", 1.2e9, "USD", "exact")),
    ("ru", "Инвестиции составили 1,2 млрд. долларов.", ("money", 1.2e9, "USD", "exact")),
    ("de", "Die Investitionen betrugen 1,2 Mrd. Euro.", ("money", 1.2e9, "EUR", "exact")),
    ("de", "Die Investitionen betrugen 1,2 Mrd Euro.", ("money", 1.2e9, "EUR", "exact")),
    ("de", "Geliefert wurden 2,5 Mio Tonnen Öl.", ("mass", 2.5e6, "t", "exact")),
    ("de", "Kasachstan lieferte rund 2 Millionen Tonnen Öl.", ("mass", 2e6, "t", "approx")),
    ("de", "Kasachstan lieferte höchstens 2 Millionen Tonnen Öl.", ("mass", 2e6, "t", "up_to")),
    ("kk", "Биыл алғашқы бес айында Қазақстан мұнай экспорттады.", ("duration", 5, "month", "exact")),
    ("kk", "Мұнай экспорты шамамен 72 миллион тонна болды.", ("mass", 72e6, "t", "approx")),
    ("kk", "Бұл яғни около 5 млрд долларов.", ("money", 5e9, "USD", "approx")),
    ("ru", "По итогам года экспорт нефти составил around 72 million tonnes, сообщили в министерстве.",
     ("mass", 72e6, "t", "approx")),
    ("uk", "Експорт склав близько 1,5 тис. тонн урану.", ("mass", 1500, "t", "approx")),
    ("bg", "Износът е една трета от общия.", ("percentage", 33.33, "%", "exact")),
    ("bg", "Износът е почти една трета от общия.", ("percentage", 33.33, "%", "approx")),
    ("uk", "Це майже третина експорту.", ("percentage", 33.33, "%", "approx")),
    ("kk", "Бұл экспорттың үштен бірі.", ("percentage", 33.33, "%", "exact")),
    ("bg", "Двете страни подписаха споразумение.", ("count", 2, None, "exact")),
    ("en", "The two countries signed a deal.", ("count", 2, None, "exact")),
    ("de", "Die beiden Länder unterzeichneten ein Abkommen.", ("count", 2, None, "exact")),
    ("fr", "Les deux pays ont signé un accord.", ("count", 2, None, "exact")),
    ("pl", "Dwa kraje podpisały umowę.", ("count", 2, None, "exact")),
    ("uk", "Дві країни підписали угоду.", ("count", 2, None, "exact")),
    ("kk", "Екі ел келісімге қол қойды.", ("count", 2, None, "exact")),
    # currencies of the partners' own money
    ("pl", "Bank udzieli kredytu w wysokości do 2,5 mld koron.", ("money", 2.5e9, "CZK", "up_to")),
    ("de", "Die Bank will 1,8 Mrd. Kronen bereitstellen.", ("money", 1.8e9, "CZK", "exact")),
    ("ru", "Инвестиции составят 40 млрд форинтов.", ("money", 4e10, "HUF", "exact")),
    ("kk", "Қаражаттың 1,5 млрд еуросы көлік бағытына жұмсалады.", ("money", 1.5e9, "EUR", "exact")),
    ("de", "Finanziert wird das Geschäft zu zwei Dritteln von der Exportbank.", ("percentage", 66.67, "%", "exact")),
])
def test_number_as_printed(lang, text, want):
    assert want in _figs(text, lang), _figs(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("pl", "Obie strony zamierzają podpisać umowę."),
    ("ru", "Оба центра будут принимать грузы."),
    ("uk", "Обидві сторони домовилися про транзит."),
    ("de", "Beide Seiten schlossen 2022 eine Partnerschaft."),
    ("de", "Der Absatz in beiden Ländern stieg."),
    ("en", "The minister will discuss both disputes."),
])
def test_both_is_no_count(lang, text):
    # "both" is no figure (the annotators count "the two countries", never "obie strony" or "beide Seiten")
    assert all(f[0] not in ("count", "number") for f in _figs(text, lang)), _figs(text, lang)


@pytest.mark.parametrize("text", ["A320 jets", "Ил-76 самолёты", "CO2 emissions"])
def test_codes_glued_to_digits_stay_codes(text):
    lang = "ru" if "Ил" in text else "en"
    assert all(f[0] not in ("count", "number") for f in _figs(text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "ASTANA/VIENNA, March 3 - Kazakhstan and OPEC agreed to keep output steady."),
    ("en", "Astana/Vienna, March 3 (Reuters) - Kazakhstan and OPEC agreed to keep output steady."),
    ("ru", "АСТАНА/ВЕНА, 3 марта — Казахстан и ОПЕК договорились сохранить добычу."),
])
def test_two_city_dateline_gives_no_partner(lang, text):
    r = extract(text, lang=lang)
    assert not [m for m in r.mentions if m.partner_id]


@pytest.mark.parametrize("lang,text,want", [
    ("kk", "Мұнай экспорты биыл около 5 процентов өсті.", ("percentage", 5, "%", "approx")),
    ("ru", "Экспорт составил 72 млн тонн, сообщил Reuters in September 2023.", None),
])
def test_russian_inside_kazakh_and_english_dates_inside_russian(lang, text, want):
    r = extract(text, lang=lang)
    if want:
        assert want in [(f.kind, f.value, f.unit, f.qualifier) for f in r.figures]
    else:
        assert [(f.date_year, f.date_month) for f in r.figures if f.kind == "date"] == [(2023, 9)]


def test_russian_commodity_in_a_kazakh_sentence_gives_a_volume():
    r = extract("Қазақстан 2024 жылы 1,2 млн тонн пшеницы экспорттады.", lang="kk")
    assert [(v.commodity_id, v.volume_tonnes) for v in r.export_volumes] == [("wheat", 1.2e6)]
