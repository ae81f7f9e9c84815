#!/usr/bin/env python3
"""Build the date grammar seeds under dbt_project/seeds/grammar/ (offline, re-runnable).

    .venv/bin/python scripts/build_date_grammar.py

Month and weekday names start from CLDR (Babel): wide and abbreviated, format
(genitive in Slavic languages) and stand-alone (nominative). CLDR has no
locative, dative, accusative or instrumental forms, so those are listed here
("w listopadzie", "в июле", "к марту", "в пятницу", "у понеділок").

The `use` column says what a word needs around it to be read as a date:
  any          the word alone is a date ("lundi", "март", "w listopadzie")
  with_prep    needs a preposition, a day or a year: homographs such as en "may",
               pl "maja" (a first name), ru "среда" (also "environment")
  with_number  needs an attached day or year: abbreviations ("Nov", "Пт", "sie.")

The output is the committed CSVs; edit this file and re-run rather than editing them.
"""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from babel.dates import get_day_names, get_month_names

OUT = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "grammar"
LANGS = ("pl", "ru", "bg", "fr", "en", "de", "uk", "kk")
WEEKDAY_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# ---------------------------------------------------------------- months
# Case forms CLDR lacks, month 1..12 in order (several forms per month separated by "/").
MONTH_FORMS = {
    "pl": [  # locative / instrumental (+ genitive & nominative come from CLDR)
        "styczniu/styczniem", "lutym", "marcu/marcem", "kwietniu/kwietniem", "maju/majem",
        "czerwcu/czerwcem", "lipcu/lipcem", "sierpniu/sierpniem", "wrześniu/wrześniem",
        "październiku/październikiem", "listopadzie/listopadem", "grudniu/grudniem"],
    "ru": [  # prepositional / dative / instrumental
        "январе/январю/январём/январем", "феврале/февралю/февралём/февралем", "марте/марту/мартом",
        "апреле/апрелю/апрелем", "мае/маю/маем", "июне/июню/июнем", "июле/июлю/июлем",
        "августе/августу/августом", "сентябре/сентябрю/сентябрём/сентябрем",
        "октябре/октябрю/октябрём/октябрем", "ноябре/ноябрю/ноябрём/ноябрем",
        "декабре/декабрю/декабрём/декабрем"],
    "uk": [  # locative / dative / instrumental
        "січні/січню/січнем", "лютому/лютим", "березні/березню/березнем", "квітні/квітню/квітнем",
        "травні/травню/травнем", "червні/червню/червнем", "липні/липню/липнем",
        "серпні/серпню/серпнем", "вересні/вересню/вереснем", "жовтні/жовтню/жовтнем",
        "листопаді/листопаду/листопадом", "грудні/грудню/груднем"],
    "fr": ["", "fevrier", "", "", "", "", "", "aout", "", "", "", "decembre"],
    "de": ["Jänner/Januars", "Februars/Feber", "Märzes/Maerz", "Aprils", "", "", "",
           "Augusts", "Septembers", "Oktobers", "Novembers", "Dezembers"],
    "bg": ["", "", "", "", "", "", "", "", "", "", "", ""],
    "en": ["", "", "", "", "", "", "", "", "", "", "", ""],
    # kk: suffixes attach to the name, so list the case forms news uses: locative, genitive,
    # dative, ablative, accusative, possessive ("жылдың наурызы") and possessive + case
    # ("2024 жылдың наурызында"), with the -ғы/-гі adjective ("наурыздағы")
    "kk": [
        "қаңтарда/қаңтардың/қаңтарға/қаңтардан/қаңтарды/қаңтары/қаңтарында/қаңтарынан/қаңтарына/қаңтардағы",
        "ақпанда/ақпанның/ақпанға/ақпаннан/ақпанды/ақпаны/ақпанында/ақпанынан/ақпанына/ақпандағы",
        "наурызда/наурыздың/наурызға/наурыздан/наурызды/наурызы/наурызында/наурызынан/наурызына/наурыздағы",
        "сәуірде/сәуірдің/сәуірге/сәуірден/сәуірді/сәуірі/сәуірінде/сәуірінен/сәуіріне/сәуірдегі",
        "мамырда/мамырдың/мамырға/мамырдан/мамырды/мамыры/мамырында/мамырынан/мамырына/мамырдағы",
        "маусымда/маусымның/маусымға/маусымнан/маусымды/маусымы/маусымында/маусымынан/маусымына/маусымдағы",
        "шілдеде/шілденің/шілдеге/шілдеден/шілдені/шілдесі/шілдесінде/шілдесінен/шілдесіне/шілдедегі",
        "тамызда/тамыздың/тамызға/тамыздан/тамызды/тамызы/тамызында/тамызынан/тамызына/тамыздағы",
        "қыркүйекте/қыркүйектің/қыркүйекке/қыркүйектен/қыркүйекті/қыркүйегі/қыркүйегінде/қыркүйегінен/"
        "қыркүйегіне/қыркүйектегі",
        "қазанда/қазанның/қазанға/қазаннан/қазанды/қазаны/қазанында/қазанынан/қазанына/қазандағы",
        "қарашада/қарашаның/қарашаға/қарашадан/қарашаны/қарашасы/қарашасында/қарашасынан/қарашасына/қарашадағы",
        "желтоқсанда/желтоқсанның/желтоқсанға/желтоқсаннан/желтоқсанды/желтоқсаны/желтоқсанында/желтоқсанынан/"
        "желтоқсанына/желтоқсандағы"],
}
# Abbreviations besides CLDR's (all `with_number`).
MONTH_ABBR = {
    "pl": ["sty", "lut", "mar", "kwi", "", "cze", "lip", "sie/sierp", "wrz/wrze", "paź/paz/paźdz", "lis/list", "gru/grud"],
    "ru": ["янв", "фев/февр", "мар", "апр", "", "июн", "июл", "авг", "сен/сент", "окт", "ноя/нояб", "дек"],
    "bg": ["ян/яну", "фев/февр", "мар", "апр", "", "", "", "авг", "сеп/септ", "окт", "ное", "дек"],
    "fr": ["janv/jan", "févr/fév/fev/fevr", "", "avr", "", "", "juil", "", "sept/sep", "oct", "nov", "déc/dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Aug", "Sep/Sept", "Oct", "Nov", "Dec"],
    "de": ["Jan", "Feb", "Mär/Mrz", "Apr", "", "Jun", "Jul", "Aug", "Sep/Sept", "Okt", "Nov", "Dez"],
    "uk": ["січ", "лют", "бер", "квіт", "трав", "черв", "лип", "серп", "вер", "жовт", "лист", "груд"],
    "kk": ["", "", "", "", "", "", "", "", "", "", "", ""],  # CLDR's "қаң.", "ақп." ... suffice
}
# Homographs: a month only with a preposition, a day or a year.
MONTH_WITH_PREP = {
    "en": {"may"},            # modal verb, Theresa May
    "de": {"mais"},           # maize
    "pl": {"maja"},           # first name Maja
    "bg": {"май"},            # colloquial "apparently"
    "uk": {"лютий", "лютого", "лютим", "лютому"},  # adjective "fierce"
    # kk "маусым" is also "season" ("егін маусымы", "жылыту маусымында"): the forms that
    # read as "season" need a day, a year or a lead word ("биылғы маусымда" stays any)
    "kk": {"маусым", "маусымы", "маусымның", "маусымын", "маусымына", "маусымында", "маусымынан"},
}


# ---------------------------------------------------------------- weekdays
# monday..sunday; forms beyond CLDR's nominative.
WEEKDAY_FORMS = {
    "ru": ["понедельника/понедельнику/понедельником/понедельнике", "вторника/вторнику/вторником/вторнике",
           "среду/среды", "четверга/четвергу/четвергом/четверге", "пятницу/пятницы/пятнице/пятницей",
           "субботу/субботы/субботе/субботой", "воскресенья/воскресенью/воскресеньем"],
    "pl": ["poniedziałku/poniedziałkiem", "wtorku/wtorkiem", "środę/środy/środzie/środą",
           "czwartku/czwartkiem", "piątku/piątkiem", "sobotę/soboty/sobocie/sobotą",
           "niedzielę/niedzieli/niedzielą"],
    "bg": ["понеделника/понеделникът", "вторника/вторникът", "срядата", "четвъртъка/четвъртъкът",
           "петъка/петъкът", "съботата", "неделята"],
    "uk": ["понеділка/понеділку/понеділком", "вівторка/вівторку/вівторком", "середу/середи",
           "четверга/четвергу/четвергом", "пʼятницю/пʼятниці/пʼятницею", "суботу/суботи/суботою",
           "неділю/неділі/неділею"],
    # German writes the part of the day into the word: "am Montagabend"
    "de": ["/".join(d + p for p in ("abend", "morgen", "vormittag", "mittag", "nachmittag", "nacht"))
           + ("/Sonnabend" if d == "Samstag" else "")
           for d in ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")],
    "fr": ["", "", "", "", "", "", ""],
    "en": ["", "", "", "", "", "", ""],
    # kk: case forms, and "күні"/"күнгі" ("сәрсенбі күні" = on Wednesday) so the span holds both
    "kk": ["/".join(d + e for e in ("де", "ге", "ден", "нің", "ні", " күні", " күнгі"))
           for d in ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі")]
          + ["жұмада/жұмаға/жұмадан/жұманың/жұма күні/жұма күнгі"]
          + ["/".join(d + e for e in ("де", "ге", "ден", "нің", "ні", " күні", " күнгі"))
             for d in ("сенбі", "жексенбі")],
}
WEEKDAY_ABBR = {  # with_number unless listed in WEEKDAY_ABBR_ANY
    "ru": ["пн/пнд", "вт/втр", "ср/срд", "чт/чтв", "пт/птн", "сб/сбт", "вс/вск"],
    "pl": ["pon/pn", "wt/wto", "śr/śro/sr", "czw/cz", "pt/pią/pia", "sob/sb", "niedz/nd"],
    "bg": ["пн/пон", "вт", "ср", "чт/чет", "пт/пет", "сб/съб", "нд/нед"],
    "uk": ["пн", "вт", "ср", "чт", "пт", "сб", "нд"],
    "fr": ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"],
    "en": ["Mon", "Tue/Tues", "Wed", "Thu/Thur/Thurs", "Fri", "Sat", "Sun"],
    "de": ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
    "kk": ["дс", "сс", "ср", "бс", "жм", "сб", "жс"],
}
WEEKDAY_ABBR_ANY = {"bg": {"пон.", "нед.", "съб."}}  # unambiguous with their dot
WEEKDAY_WITH_PREP = {
    "ru": {"среда", "среду", "среды"},   # also "environment"
    "uk": {"середа", "середу", "середи"},  # also "milieu"
    "kk": {"жұма"},  # also a first name and "week"; "жұма күні", "жұмада" stay any
}

# ---------------------------------------------------------------- ordinals (spelled days)
# (value, stem-or-forms); endings are added per language below.
RU_ORD = {1: "перв", 2: "втор", 4: "четверт/четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
          9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат",
          14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат",
          19: "девятнадцат", 20: "двадцат", 30: "тридцат"}
UK_ORD = {1: "перш", 2: "друг", 3: "трет", 4: "четверт", 5: "пʼят/п'ят/п’ят", 6: "шост", 7: "сьом",
          8: "восьм", 9: "девʼят/дев'ят/дев’ят", 10: "десят", 11: "одинадцят", 12: "дванадцят",
          13: "тринадцят", 14: "чотирнадцят", 15: "пʼятнадцят/п'ятнадцят/п’ятнадцят",
          16: "шістнадцят", 17: "сімнадцят", 18: "вісімнадцят", 19: "девʼятнадцят/дев'ятнадцят/дев’ятнадцят",
          20: "двадцят", 30: "тридцят"}
PL_ORD = {1: "pierwsz", 4: "czwart", 5: "piąt", 6: "szóst", 7: "siódm", 8: "ósm", 9: "dziewiąt",
          10: "dziesiąt", 11: "jedenast", 12: "dwunast", 13: "trzynast", 14: "czternast", 15: "piętnast",
          16: "szesnast", 17: "siedemnast", 18: "osiemnast", 19: "dziewiętnast", 20: "dwudziest",
          30: "trzydziest"}
BG_ORD = {1: "първ", 2: "втор", 3: "трет", 4: "четвърт", 5: "пет", 6: "шест", 7: "седм", 8: "осм",
          9: "девет", 10: "десет", 11: "единадесет/единайсет", 12: "дванадесет/дванайсет",
          13: "тринадесет/тринайсет", 14: "четиринадесет/четиринайсет", 15: "петнадесет/петнайсет",
          16: "шестнадесет/шестнайсет", 17: "седемнадесет/седемнайсет", 18: "осемнадесет/осемнайсет",
          19: "деветнадесет/деветнайсет", 20: "двадесет/двайсет", 30: "тридесет/трийсет"}
EN_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
          8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
          14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
          19: "nineteenth", 20: "twentieth", 30: "thirtieth"}
DE_ORD = {1: "erst", 2: "zweit", 3: "dritt", 4: "viert", 5: "fünft", 6: "sechst", 7: "siebt", 8: "acht",
          9: "neunt", 10: "zehnt", 11: "elft", 12: "zwölft", 13: "dreizehnt", 14: "vierzehnt",
          15: "fünfzehnt", 16: "sechzehnt", 17: "siebzehnt", 18: "achtzehnt", 19: "neunzehnt",
          20: "zwanzigst", 30: "dreißigst"}
DE_UNITS = {1: "einund", 2: "zweiund", 3: "dreiund", 4: "vierund", 5: "fünfund", 6: "sechsund",
            7: "siebenund", 8: "achtund", 9: "neunund"}
KK_ORD = {1: "бірінші", 2: "екінші", 3: "үшінші", 4: "төртінші", 5: "бесінші", 6: "алтыншы",
          7: "жетінші", 8: "сегізінші", 9: "тоғызыншы", 10: "оныншы", 11: "он бірінші", 12: "он екінші",
          13: "он үшінші", 14: "он төртінші", 15: "он бесінші", 16: "он алтыншы", 17: "он жетінші",
          18: "он сегізінші", 19: "он тоғызыншы", 20: "жиырмасыншы", 30: "отызыншы"}
FR_DAYS = {1: "premier", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit",
           9: "neuf", 10: "dix", 11: "onze", 12: "douze", 13: "treize", 14: "quatorze", 15: "quinze",
           16: "seize", 17: "dix-sept", 18: "dix-huit", 19: "dix-neuf", 20: "vingt", 21: "vingt et un",
           22: "vingt-deux", 23: "vingt-trois", 24: "vingt-quatre", 25: "vingt-cinq", 26: "vingt-six",
           27: "vingt-sept", 28: "vingt-huit", 29: "vingt-neuf", 30: "trente", 31: "trente et un"}
# Cardinal tens that precede a unit ordinal: "двадцать первое", "twenty-first", "dwudziestego pierwszego".
TENS = {"ru": {20: "двадцать", 30: "тридцать"}, "uk": {20: "двадцять", 30: "тридцять"},
        "bg": {20: "двадесет и/двайсет и", 30: "тридесет и/трийсет и"},
        "en": {20: "twenty", 30: "thirty"},
        "pl": {20: "dwudziesty/dwudziestego/dwudziestym", 30: "trzydziesty/trzydziestego/trzydziestym"}}
# Ordinal suffixes written after digits ("3-его", "18tego", "1er", "15th", "3.", "1-ви").
SUFFIXES = {
    "ru": "-го/-его/-ого/-е/-ое/-ье/-й/-му/го/его/ого",
    "uk": "-го/-е/-му/-ого/го",
    "pl": "-go/-ego/-tego/-ty/-szy/-ci/-gi/-ym/go/ego/tego/ty/szy/ci/gi",
    "bg": "-ви/-ри/-ти/-ми/-и/ви/ри/ти/ми",
    "fr": "er/re/e/ème",
    "en": "st/nd/rd/th",
    "de": ".",
}

# ---------------------------------------------------------------- years
YEAR_WORDS = {  # after the year; `before` rows precede it ("im Jahr 2030", "en l'an 2000")
    "ru": ("году/года/год/годом/годе/годах/годы/годов/гг./г./г", ""),
    "uk": ("році/року/рік/роком/роках/роки/рр./р./р", ""),
    "pl": ("roku/rok/rokiem/r./r/latach", "w latach/lata/latach"),
    "bg": ("година/годината/години/г./г/гг.", "година"),
    "fr": ("", "l'an/l’an/l'année/l’année/année/an"),
    "en": ("", "year/the year/fiscal year/FY"),
    "de": ("", "Jahr/Jahre/Jahres/Jahren"),
    # kk: the case forms of "жыл" after the year, also hyphenated ("2024-жылы")
    "kk": ("жылы/жылғы/жылға/жылдан/жылдың/жылда/жылдағы/жылды/жылдары/жылдарда/жылдардағы/жылдарға/"
           "жылдардан/жыл/жж./ж./ж/-жылы/-жылғы/-жылға/-жылдан/-жылдың/-жылда/-жыл", ""),
}

# ---------------------------------------------------------------- prepositions and context
P = {}
P["en"] = {
    "year": "in/by/since/from/until/till/through/as early as/as late as/as of/before/after/during/between/"
            "in early/in late/in mid/by early/by mid/by late/by the end of/at the end of/the end of/end of/"
            "the start of/start of/the beginning of/beginning of/the middle of/early/late/mid/mid-/throughout/"
            "for/in the year/around",
    "month": "in/in the/since/from/until/till/by/through/during/early/late/mid/mid-/in early/in late/in mid/"
             "by the end of/end of/the end of/at the end of/beginning of/the beginning of/start of/"
             "the start of/before/after/as of/of/for",
    "day": "on/by/from/since/until/till/before/after/as of/the/on the/from the/of",
    "weekday": "on/by/until/till/since/from/before/after/early on/late on/last/this",
    "range_to": "-/–/—/to/through/until/till",
    "link": "of/in",
    "day_article": "the/on the",
}
P["ru"] = {
    "year": "в/во/к/с/со/до/от/по/после/перед/начиная с/с начала/до конца/к концу/в конце/в начале/"
            "в середине/в течение/на протяжении/за",
    "month": "в/во/к/с/со/до/от/по/после/перед/начиная с/с начала/до конца/к концу/в конце/в начале/"
             "в середине/к середине/до середины/с середины/в течение/за",
    "day": "с/со/до/к/по/на/от/после/перед/начиная с",
    "weekday": "в/во/до/к/с/со/на/после/перед/в ночь на",
    "range_to": "-/–/—/по/до",
    "link": "в",
    "day_article": "",
}
P["uk"] = {
    "year": "у/в/до/з/із/від/після/перед/на початку/наприкінці/в кінці/у кінці/до кінця/з початку/"
            "протягом/упродовж/за/по",
    "month": "у/в/до/з/із/від/після/перед/на початку/наприкінці/в кінці/у кінці/до кінця/з початку/"
             "в середині/у середині/протягом/упродовж/за",
    "day": "з/із/до/від/на/після/перед/по/станом на",
    "weekday": "у/в/до/з/із/від/після/перед/на",
    "range_to": "-/–/—/по/до",
    "link": "у/в",
    "day_article": "",
}
P["pl"] = {
    "year": "w/we/do/od/z/przed/po/na/do końca/od początku/na początku/pod koniec/w połowie/w ciągu/"
            "na przełomie/począwszy od/latach/w latach/za",
    "month": "w/we/do/od/z/przed/po/na początku/pod koniec/w połowie/do końca/od początku/na przełomie/"
             "w ciągu/za/z początkiem/z końcem",
    "day": "do/od/z/na/po/przed/dnia/dniu/w dniu/z dniem",
    "weekday": "w/we/do/od/przed/po/na",
    "range_to": "-/–/—/do",
    "link": "",
    "day_article": "",
}
P["bg"] = {
    "year": "в/във/през/до/от/след/преди/за/към/в началото на/в края на/до края на/от началото на/"
            "в средата на/по време на/началото на/края на",
    "month": "в/във/през/до/от/след/преди/за/към/в началото на/в края на/до края на/от началото на/"
             "в средата на/по време на/началото на/края на/средата на",
    "day": "на/до/от/след/преди/към",
    "weekday": "в/във/до/от/след/преди/на",
    "range_to": "-/–/—/до",
    "link": "",
    "day_article": "на",
}
P["fr"] = {
    "year": "en/depuis/à partir de/jusqu'en/jusqu’en/jusqu'à/jusqu’à/d'ici/d’ici/d'ici à/d’ici à/avant/après/dès/"
            "pour/vers/fin/début/mi-/courant/au cours de/à l'horizon/à l’horizon/entre/de",
    "month": "en/depuis/dès/à partir de/jusqu'en/jusqu’en/jusqu'à/jusqu’à/avant/après/début/fin/mi-/courant/"
             "d'ici/d’ici/au mois de/pour/au cours du mois de",
    "day": "le/du/au/depuis le/jusqu'au/jusqu’au/à partir du/d'ici au/d’ici au/dès le/avant le/après le/ce",
    "weekday": "le/ce/dès/depuis/jusqu'à/jusqu’à/avant/après/d'ici/d’ici/dès ce",
    "range_to": "-/–/—/au",
    "link": "de",
    "day_article": "le",
}
P["de"] = {
    "year": "im/in/bis/seit/ab/vor/nach/bis Ende/Ende/Anfang/Mitte/für/von/bis zum Jahr/im Laufe des/"
            "zwischen/Anfang des/Ende des/Mitte des",
    "month": "im/in/bis/seit/ab/vor/nach/Ende/Anfang/Mitte/bis Ende/seit Anfang/bis Anfang/bis Mitte/"
             "seit Ende/seit Mitte/für",
    "day": "am/vom/bis/bis zum/seit/ab/vor/nach/zum/den/seit dem",
    "weekday": "am/bis/seit/ab/vor/nach/bis zum/seit dem/vom",
    "range_to": "-/–/—/bis/bis zum",
    "link": "",
    "day_article": "am",
}
P["kk"] = {
    "month": "биыл/былтыр/биылғы/былтырғы/өткен жылғы/осы жылғы/ағымдағы жылғы/келесі жылғы/келер жылғы/"
             "алдағы жылғы/жылдың/осы жылдың/өткен жылдың/келесі жылдың",
    "day": "биылғы/былтырғы/өткен жылғы/осы жылғы/ағымдағы жылғы/келесі жылғы/келер жылғы",
    "weekday": "осы/өткен/келесі/алдағы/келер",
    "range_to": "-/–/—",
}
# Words that make a preceding number a quantity rather than a year or a day ("2024 tonnes",
# "July 15 ships"). Short entries (3 letters or fewer) must be the whole word; longer ones
# are prefixes.
NOT_AFTER = {
    "en": "t/tonnes/tons/ton/kg/km/mln/bn/billion/million/thousand/barrel/bbl/cubic/MW/GW/kW/TEU/%/percent/"
          "per cent/dollars/euros/USD/EUR/people/workers/wagons/cars/units/ships/vessels/tankers/companies/"
          "jobs/hectares/ha/megawatt/mile/metre/meter/sq/m3/acres/shares/head",
    "ru": "т/тонн/тонна/тыс/млн/млрд/кг/км/баррел/кубо/куб/МВт/ГВт/кВт/%/процент/долл/евро/руб/тенге/"
          "человек/вагон/единиц/судов/танкер/компани/предприят/рабоч/мест/гектар/га/шт/штук/кв/"
          "контейнер/TEU/ДФЭ/голов/сотрудник/специалист",
    "uk": "т/тонн/тис/млн/млрд/кг/км/барел/куб/МВт/ГВт/%/відсот/долар/євро/грив/тенге/осіб/людей/вагон/"
          "одиниц/суден/компан/підприєм/робоч/місць/гектар/га/шт/штук",
    "pl": "t/ton/tony/tys/mln/mld/kg/km/baryłek/bbl/MW/GW/%/proc/procent/dolar/euro/USD/EUR/zł/złotych/"
          "osób/ludzi/pracownik/wagon/statk/firm/spółek/miejsc/hektar/ha/sztuk/szt/kontener/TEU",
    "bg": "т/тона/тон/хил/млн/млрд/кг/км/барел/куб/МВт/ГВт/%/процент/на сто/долар/евро/лв/лева/души/"
          "работни/вагон/кораб/компани/фирми/места/хектар/ха/бр/броя/контейнер",
    "fr": "t/tonnes/tonne/kg/km/mds/md/millions/million/milliards/milliard/mille/barils/baril/MW/GW/%/"
          "pour cent/dollars/euros/personnes/salariés/emplois/wagons/navires/sociétés/entreprises/hectares/"
          "ha/unités/conteneurs/EVP",
    "de": "t/Tonnen/Tonne/kg/km/Mio/Mrd/Millionen/Milliarden/Tausend/Barrel/MW/GW/%/Prozent/Dollar/Euro/"
          "Menschen/Personen/Mitarbeiter/Beschäftigte/Waggons/Schiffe/Unternehmen/Firmen/Arbeitsplätze/"
          "Hektar/ha/Stück/Container",
    "kk": "т/тонна/тонн/мың/мыңнан/мыңға/мыңы/млн/млрд/трлн/миллион/миллиард/кг/км/шақырым/баррель/текше/"
          "МВт/ГВт/%/пайыз/доллар/еуро/евро/рубль/теңге/тенге/юань/адам/вагон/кеме/танкер/компания/"
          "кәсіпорын/жұмыс/гектар/га/дана/контейнер/TEU/бас/қызметкер/маман/ел/есе",
}


def fold(word: str) -> str:
    """Polish words without diacritics ("piatek", "Pietnastego"), as typed online."""
    word = word.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def split(s: str) -> list[str]:
    return [x for x in s.split("/") if x]


def build_months() -> list[tuple]:
    rows: dict[tuple[str, str], tuple] = {}
    rank = {"any": 0, "with_prep": 1, "with_number": 2}

    def add(lang, name, month, use):
        name = name.strip()
        if not name:
            return
        if name.lower() in MONTH_WITH_PREP.get(lang, set()) and use == "any":
            use = "with_prep"
        key = (lang, name.lower().rstrip("."))
        if key in rows and rank[rows[key][3]] <= rank[use]:
            return
        rows[key] = (lang, name.rstrip("."), month, use)

    for lang in LANGS:
        for ctx in ("format", "stand-alone"):
            for m, n in get_month_names("wide", context=ctx, locale=lang).items():
                add(lang, n, m, "any")
        for m, forms in enumerate(MONTH_FORMS[lang], 1):
            for f in split(forms):
                add(lang, f, m, "any")
        for ctx in ("format", "stand-alone"):
            for m, n in get_month_names("abbreviated", context=ctx, locale=lang).items():
                add(lang, n, m, "with_number")
        for m, forms in enumerate(MONTH_ABBR[lang], 1):
            for f in split(forms):
                add(lang, f, m, "with_number")
        if lang == "pl":
            for (lg, _), (_, name, m, use) in list(rows.items()):
                if lg == "pl" and fold(name) != name:
                    add("pl", fold(name), m, use)
    return sorted(rows.values(), key=lambda r: (LANGS.index(r[0]), r[2], r[3], r[1].lower()))


def build_weekdays() -> list[tuple]:
    rows: dict[tuple[str, str], tuple] = {}
    rank = {"any": 0, "with_prep": 1, "with_number": 2}

    def add(lang, name, wd, use):
        if not name:
            return
        if name.lower() in WEEKDAY_WITH_PREP.get(lang, set()):
            use = "with_prep"
        key = (lang, name.lower().rstrip("."))
        if key in rows and rank[rows[key][3]] <= rank[use]:
            return
        rows[key] = (lang, name, wd, use)

    for lang in LANGS:
        wide = get_day_names("wide", context="format", locale=lang)
        for i, n in wide.items():  # babel: 0 = monday
            add(lang, n, WEEKDAY_EN[i], "any")
            if "ʼ" in n:  # Ukrainian apostrophe: CLDR writes U+02BC, news mostly ' or ’
                for ap in ("'", "’"):
                    add(lang, n.replace("ʼ", ap), WEEKDAY_EN[i], "any")
        for i, forms in enumerate(WEEKDAY_FORMS[lang]):
            for f in split(forms):
                add(lang, f, WEEKDAY_EN[i], "any")
                if "ʼ" in f:
                    for ap in ("'", "’"):
                        add(lang, f.replace("ʼ", ap), WEEKDAY_EN[i], "any")
        for i, forms in enumerate(WEEKDAY_ABBR[lang]):
            for f in split(forms):
                any_ok = f + "." in WEEKDAY_ABBR_ANY.get(lang, set())
                add(lang, f + "." if any_ok else f, WEEKDAY_EN[i], "any" if any_ok else "with_number")
        if lang == "pl":
            for (lg, _), (_, name, wd, use) in list(rows.items()):
                if lg == "pl" and fold(name) != name:
                    add("pl", fold(name), wd, use)
    return sorted(rows.values(), key=lambda r: (LANGS.index(r[0]), WEEKDAY_EN.index(r[2]), r[3], r[1].lower()))


def build_ordinals() -> list[tuple]:
    out: list[tuple] = []

    def add(lang, word, value, role="ordinal"):
        out.append((lang, word, value, role))
        if lang == "pl" and fold(word) != word:
            out.append((lang, fold(word), value, role))

    for v, stems in RU_ORD.items():
        for st in split(stems):
            hard = v in (2, 6, 7, 8)  # второй, шестой, седьмой, восьмой
            for e in ("ое", "ого", "ому", "ым", "ом", "ой" if hard else "ый"):
                add("ru", st + e, v)
    for f in ("третье", "третьего", "третьему", "третьим", "третий"):
        add("ru", f, 3)
    for v, stems in UK_ORD.items():
        for st in split(stems):
            for e in ("е", "ого", "ому", "им", "ий"):
                add("uk", st + e, v)
    for v, st in PL_ORD.items():
        for e in ("y", "ego", "ym"):
            add("pl", st + e, v)
    for f in ("drugi", "drugiego", "drugim"):
        add("pl", f, 2)
    for f in ("trzeci", "trzeciego", "trzecim"):
        add("pl", f, 3)
    for v, stems in BG_ORD.items():
        for st in split(stems):
            for e in ("и", "ия", "ият", "о"):
                add("bg", st + e, v)
    for v, w in EN_ORD.items():
        add("en", w, v)
    for v, st in DE_ORD.items():
        for e in ("e", "en", "er", "es"):
            add("de", st + e, v)
    for u, pre in DE_UNITS.items():
        for t, tw in ((20, "zwanzigst"), (30, "dreißigst")):
            if t + u <= 31:
                for e in ("e", "en", "er", "es"):
                    add("de", pre + tw + e, t + u)
    for v, words in FR_DAYS.items():
        for w in split(words):
            add("fr", w, v)
    for lang, tens in TENS.items():
        for v, words in tens.items():
            for w in split(words):
                add(lang, w, v, "tens")
    for lang, sufs in SUFFIXES.items():
        for s in split(sufs):
            add(lang, s, 0, "suffix")
    for v, w in KK_ORD.items():  # last, so that adding kk left the other rows as they were
        add("kk", w, v)
    for v, w in ((20, "жиырма"), (30, "отыз")):
        add("kk", w, v, "tens")
    # keep order, drop duplicates
    seen, rows = set(), []
    for r in out:
        if r not in seen:
            seen.add(r)
            rows.append(r)
    return rows


# Ordinal endings written after a year with a hyphen ("в 2024-м году", "з 2024-го").
YEAR_SUFFIXES = {"ru": "м/го/й/ом", "uk": "й/го/му/ому", "bg": "а/та", "pl": "", "fr": "", "en": "", "de": "",
                 "kk": ""}


def build_year_words() -> list[tuple]:
    rows = []
    for lang in LANGS:
        after, before = YEAR_WORDS[lang]
        rows += [(lang, w, "after") for w in split(after)]
        rows += [(lang, w, "before") for w in split(before)]
        rows += [(lang, w, "suffix") for w in split(YEAR_SUFFIXES[lang])]
    return rows


def build_prepositions() -> list[tuple]:
    rows = []
    for lang in LANGS:
        for role, phrases in P[lang].items():
            rows += [(lang, p, role) for p in split(phrases)]
        rows += [(lang, w, "not_after_number") for w in split(NOT_AFTER[lang])]
    return rows


def write(name: str, header: tuple, rows: list[tuple]) -> None:
    path = OUT / f"{name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{path.relative_to(OUT.parent.parent.parent)}: {len(rows)} rows")


def main() -> None:
    write("months", ("lang", "name", "month", "use"), build_months())
    write("weekdays", ("lang", "name", "weekday", "use"), build_weekdays())
    write("ordinal_words", ("lang", "word", "value", "role"), build_ordinals())
    write("year_words", ("lang", "word", "position"), build_year_words())
    write("date_prepositions", ("lang", "phrase", "role"), build_prepositions())


if __name__ == "__main__":
    main()
