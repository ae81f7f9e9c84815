"""Languages added by data only (German, Ukrainian, Kazakh), mixed-language text, and traps per language."""
from __future__ import annotations

import pytest

from extract.partners import find_mentions
from extract.sentences import split_sentences


def ids(text: str, lang: str, etype: str = "partner") -> set[str]:
    return {m.entity_id for m in find_mentions(text, lang, split_sentences(text), len(text)) if m.entity_type == etype}


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Kasachstan und Deutschland unterzeichneten in Berlin ein Abkommen.", {"DE"}),
    ("de", "Russlands Exporte nach Chinas Raffinerien und in die Türkei steigen.", {"RU", "CN", "TR"}),
    ("de", "Die US-amerikanischen Investoren und die EU-Kommission verhandeln mit den Vereinigten Staaten.", {"US", "EU"}),
    ("de", "Die russischen Behörden, die chinesische Seite und japanische Käufer; Moskau und Peking.", {"RU", "CN", "JP"}),
    # genitives of names in -stan: the stem of "Kirgisistan" is no key, its whole form is
    ("de", "Die Präsidenten Usbekistans, Kirgisistans, Tadschikistans und Turkmenistans nahmen teil.",
     {"UZ", "KG", "TJ", "TM"}),
    ("de", "Gespräche mit der Schweiz, Südkorea, Georgien und Aserbaidschan in Brüssel.", {"CH", "KR", "GE", "AZ", "EU"}),
    ("uk", "Казахстан і Китай підписали угоду з Європейським Союзом.", {"CN", "EU"}),
    ("uk", "Нафта йде в обхід Росії, Туреччиною та Німеччини; американські компанії та Вашингтон.", {"RU", "TR", "DE", "US"}),
    ("uk", "У Білому домі, у Києві та в Брюсселі обговорили турецької пропозиції щодо Сполучених Штатів.", {"US", "UA", "EU", "TR"}),
    ("kk", "Қазақстан мен Қытай келісімге қол қойды. Ресейдің санкциялары.", {"CN", "RU"}),
    ("kk", "Қытаймен сауда, АҚШ-пен кездесу, Түркияға мұнай, Германиядан инвестиция.", {"CN", "US", "TR", "DE"}),
    ("kk", "Америка Құрама Штаттарымен және Еуропалық Одақпен келіссөздер Мәскеуде өтті.", {"US", "EU", "RU"}),
])
def test_new_languages_find_inflected_partners(lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("de", "Kasachstan, kasachische Firmen und Astana; Europa und Zentralasien, die EAWU."),
    ("uk", "Казахстан, казахстанська нафта, Астана, Європа та Центральна Азія. Того ж дня вони мали зустріч."),
    ("kk", "Қазақстан, қазақстандық компаниялар, Астана және Орталық Азия."),
])
def test_new_languages_traps(lang, text):
    assert ids(text, lang) == set()


def test_new_languages_commodities_and_routes():
    assert ids("Rohöl und Weizen über den Mittleren Korridor und das Kaspische Pipeline-Konsortium.", "de", "commodity") == {"crude_oil", "wheat"}
    assert ids("Rohöl und Weizen über den Mittleren Korridor.", "de", "route") == {"middle_corridor"}
    assert ids("Експорт нафти та зерна через КТК і порт Актау.", "uk", "commodity") == {"crude_oil", "grain"}
    assert ids("Експорт нафти та зерна через КТК і порт Актау.", "uk", "route") == {"cpc", "aktau_port"}
    assert ids("Мұнай мен бидай Ақтау арқылы.", "kk", "commodity") == {"crude_oil", "wheat"}


def test_mixed_russian_english_article():
    text = ("Казахстан обсуждает с the U.S. и EU новые маршруты. По словам представителя State Department, "
            "United States готовы инвестировать. Russia's exports fell, а Китай закупил больше нефти.")
    assert ids(text, "ru") == {"US", "EU", "RU", "CN"}


def test_latin_languages_also_read_english_abbreviations():
    assert ids("Kazachstan rozmawia z UK i UAE.", "pl") == {"GB", "AE"}
    assert ids("Le Kazakhstan et les USA, l'UE.", "fr") == {"US", "EU"}


@pytest.mark.parametrize("lang, text, expected", [
    ("pl", "W Egipcie, Indiach, Japonii, Korei Południowej, Wielkiej Brytanii, na Białorusi i Ukrainie.",
     {"EG", "IN", "JP", "KR", "GB", "BY", "UA"}),
    ("pl", "Katarem, w Katarze, z Iranem, Uzbekistanem, Afganistanu; Korei Północnej.", {"QA", "IR", "UZ", "AF", "KP"}),
    ("ru", "Соединёнными Штатами, Южной Кореей, Евросоюзом, в Вашингтоне, Лондоне, Токио, Тегеране и Эр-Рияде.",
     {"US", "KR", "EU", "GB", "JP", "IR", "SA"}),
    ("ru", "российско-китайские переговоры и американо-турецкий договор.", {"RU", "CN", "US", "TR"}),
    ("bg", "Турските заводи, германската компания, американските инвеститори, Южна Корея и Обединеното кралство.",
     {"TR", "DE", "US", "KR", "GB"}),
    ("fr", "Les autorités russes, chinoises, allemandes, britanniques et sud-coréennes ; l'Azerbaïdjan et la Géorgie.",
     {"RU", "CN", "DE", "GB", "KR", "AZ", "GE"}),
    ("en", "British, Swiss, German, Japanese and Turkish buyers met in Ankara, Tbilisi and Riyadh.",
     {"GB", "CH", "DE", "JP", "TR", "GE", "SA"}),
])
def test_many_countries_in_inflected_forms(lang, text, expected):
    assert ids(text, lang) == expected


def test_language_specific_false_friends_are_excluded():
    assert ids("Кроме того, Того же дня.", "ru") == set()        # "того" is a pronoun, not Togo
    assert ids("Maurice Dupont a signé le contrat.", "fr") == set()  # a first name, not Mauritius


@pytest.mark.parametrize("text,expected", [
    ("Американдық және канадалық компаниялар қазақстандық уранды сатып алады.", {"US", "CA"}),
    ("Әзербайжандық, кореялық және италиялық инвесторлар Астанаға келді.", {"AZ", "KR", "IT"}),
])
def test_kazakh_demonyms_in_their_common_spellings(text, expected):
    from extract import extract
    assert {m.partner_id for m in extract(text).mentions if m.partner_id} == expected


# the regular case forms of a Slavic demonym ("емирски" -> "емирската", "емирските"): every one is found
_ADJECTIVE_FORMS = {
    "bg": ("ски", ("ска", "ската", "ския", "ските", "ско")),
    "ru": ("ский", ("ская", "ской", "скую", "ские", "ских", "ского", "скому")),
    "uk": ("ький", ("ька", "ької", "ьку", "ькі", "ьких", "ького", "ькому")),
    "pl": ("ki", ("ka", "kiej", "kie", "kich", "kiego", "kim")),
}


@pytest.mark.parametrize("lang", sorted(_ADJECTIVE_FORMS))
def test_every_demonym_is_found_in_its_case_forms(lang):
    from extract.partners.matcher import HOME
    from extract.reference import load_csv

    base, endings = _ADJECTIVE_FORMS[lang]
    missed = []
    for r in load_csv("partner_aliases"):
        if r["lang"] != lang or r["mention_kind"] != "demonym" or not r["alias"].endswith(base) or " " in r["alias"]:
            continue
        for ending in endings:
            form = r["alias"][: -len(base)] + ending
            etype = "home" if r["partner_id"] == HOME else "partner"  # (Kazakhstan's own: Kazakh side)
            if r["partner_id"] not in ids(f"{form.capitalize()} {form}", lang, etype):
                missed.append((r["partner_id"], form))
    assert not missed, missed
