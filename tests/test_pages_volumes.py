"""Which commodity a tonnage belongs to when a sentence names several: the one of the figure's own
clause, else the nearest ("Експорт нафти склав 1 500 тонн, а зерна — 2 млн т")."""
from __future__ import annotations

import pytest

from extract import extract


@pytest.mark.parametrize("lang,text,want", [
    ("uk", "Експорт нафти склав близько 1 500 тонн, а зерна — 2 млн т.", [("crude_oil", 1500), ("grain", 2e6)]),
    ("en", "Oil exports reached 1.5 million tonnes, while grain shipments totalled 2 million tonnes.",
     [("crude_oil", 1.5e6), ("grain", 2e6)]),
    ("ru", "Экспорт нефти составил 1,5 млн тонн, угля — 3,4 млн тонн.", [("crude_oil", 1.5e6), ("coal", 3.4e6)]),
    ("en", "Kazakhstan exported 2,345 thousand tons of wheat and flour in grain equivalent to Uzbekistan.",
     [("wheat", 2.345e6)]),
    ("en", "The country shipped 2.3 million tons of grain, including 1.9 million tons of wheat.",
     [("grain", 2.3e6), ("wheat", 1.9e6)]),
    ("en", "Oil exports, which rose 5% last year, reached 1.5 million tonnes.", [("crude_oil", 1.5e6)]),
    # the goods right before "with" and their tonnage
    ("de", "Den größten Anteil hatten Weizen mit etwa 900.000 Tonnen und Ferrolegierungen mit 310.000 Tonnen.",
     [("wheat", 9e5), ("metals_other", 3.1e5)]),
    # an association named after goods names none ("Астық одағы": the Grain Union)
    ("kk", "Астық одағы маркетингтік жыл соңына дейін ұн экспорты кемінде 2 млн тоннаға жетеді деп күтеді.", []),
    ("ru", "Зерновой союз ожидает экспорт пшеницы в 10 млн тонн.", [("wheat", 1e7)]),
    ("uk", "Комбінат у 2024 році експортував близько 22 тис. тонн титанової губки та злитків.", [("metals_other", 22000)]),
    # goods right before another tonnage are that one's, not the nearest for the tonnage before them
    ("fr", "Les céréales représentaient 640 000 tonnes et les produits pétroliers 310 000 tonnes.",
     [("grain", 640000), ("petroleum_products", 310000)]),
    ("en", "Grain accounted for 640,000 tonnes and oil products 310,000 tonnes.",
     [("grain", 640000), ("petroleum_products", 310000)]),
])
def test_commodity_of_the_clause(lang, text, want):
    r = extract(text, lang=lang)
    assert [(v.commodity_id, v.volume_tonnes) for v in r.export_volumes] == want


@pytest.mark.parametrize("text,lang,commodity,tonnes", [
    ("Kazakhmys dostarczył w okresie styczeń–sierpień 2025 r. blisko 38 tys. ton katod\nmiedzianych do krajów UE.",
     "pl", "copper", 38000),
    ("Завод выпустил 40 тыс. тонн медных катодов.", "ru", "copper", 40000),
    ("Заводът произведе 40 хил. тона медни катоди.", "bg", "copper", 40000),
    ("Huta wyprodukowała 12 tys. ton blachy cynkowej.", "pl", "zinc", 12000),
    ("Казахстан е изнесъл 1,85 млн тона пшенично брашно.", "bg", "wheat", 1.85e6),
    ("Казахстан экспортировал 1,85 млн тонн пшеничной муки.", "ru", "wheat", 1.85e6),
    ("Kazachstan wyeksportował 1,85 mln ton mąki pszennej.", "pl", "wheat", 1.85e6),
    ("The plant will turn out up to 3,000 tonnes of ammonium paratungstate a year.", "en", "tungsten", 3000),
])
def test_commodity_named_by_its_adjective(text, lang, commodity, tonnes):
    # holdout_p pl_01: 'katod miedzianych' names copper
    from extract import extract as _extract
    r = _extract(text, lang=lang)
    assert [(v.commodity_id, v.volume_tonnes) for v in r.export_volumes] == [(commodity, tonnes)]


@pytest.mark.parametrize("lang,text", [
    ("kk", "Иран тарапы бір тонна бидай үшін шамамен 260 доллар төлейді."),
    ("ru", "За одну тонну пшеницы Иран платит около 260 долларов."),
    ("en", "Iran pays about 260 dollars for one tonne of wheat."),
    ("pl", "Za jedną tonę pszenicy Iran płaci 260 dolarów."),
])
def test_one_tonne_beside_a_price_is_what_the_price_is_per(lang, text):
    """A unit price names one tonne: no mass and no export volume of 1 t, the money stays."""
    r = extract(text, lang=lang)
    assert [f.kind for f in r.figures] == ["money"]
    assert r.export_volumes == []


@pytest.mark.parametrize("lang,text,tonnes", [
    ("en", "Kazakhstan shipped one tonne of wheat to Iran as a sample.", 1),
    ("en", "Kazakhstan shipped 1 million tonnes of wheat worth 300 million dollars.", 1e6),
])
def test_quantities_that_are_not_unit_prices_stay(lang, text, tonnes):
    r = extract(text, lang=lang)
    assert [v.volume_tonnes for v in r.export_volumes] == [tonnes]
