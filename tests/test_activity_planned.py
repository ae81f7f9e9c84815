"""`planned` per event: what an agreement says will happen is planned, the agreement itself is done."""
from __future__ import annotations

import pytest

from extract import extract


@pytest.mark.parametrize("text", [
    "Astana and Beijing agreed to double trade by 2030.",
    "Астана и Пекин договорились удвоить товарооборот к 2030 году.",
    "Turkey and Kazakhstan agreed on Tuesday to lift bilateral trade to $10 billion a year.",
])
def test_the_agreement_is_done_and_its_content_planned(text):
    planned = {e.activity_type: e.planned for e in extract(text).events}
    assert planned == {"agree": False, "trade": True}


@pytest.mark.parametrize("text", [
    "France wants to buy more uranium from Kazakhstan in the coming years.",
    "Frankreich will in den kommenden Jahren mehr Uran aus Kasachstan beziehen.",
    "Kazachstan może zwiększyć dostawy zboża do Chin.",
])
def test_a_wish_or_a_possibility_is_planned(text):
    events = extract(text).events
    assert events and all(e.planned for e in events)


@pytest.mark.parametrize("text, planned", [
    ("Казахстан подписал соглашение с Турцией, по которому поставит 1 млн тонн пшеницы.", {"agree": False, "trade": True}),
    ("Україна підпише угоду з Казахстаном наступного тижня.", {"agree": True}),
    ("Казахстан поставил в Китай 2 млн тонн зерна.", {"trade": False}),
])
def test_a_perfective_verb_in_the_future_is_planned(text, planned):
    assert {e.activity_type: e.planned for e in extract(text).events} == planned


@pytest.mark.parametrize("text, planned", [
    # "wird" + infinitive at the clause's end is the future; "wird" + participle is the passive voice
    ("Kasachstan wird im kommenden Jahr Rohöl nach Deutschland liefern.", {"trade": True}),
    ("Ein Teil des kasachischen Zinks wird über georgische Häfen nach Italien versandt.",
     {"transit": False, "trade": False}),
    ("Kasachstan und Deutschland werden ein Abkommen unterzeichnen.", {"agree": True}),
    ("Das kasachische Getreide wird per Bahn nach Afghanistan transportiert.", {"trade": False}),
])
def test_german_werden_is_future_before_an_infinitive_and_passive_before_a_participle(text, planned):
    assert {e.activity_type: e.planned for e in extract(text, lang="de").events} == planned


@pytest.mark.parametrize("text, planned", [
    # Polish "ma"/"mają" is "is to" before an infinitive and "has" before a noun
    ("Umowa z Chinami ma zostać podpisana w marcu.", {"agree": True}),
    ("Do Chin mają trafić kolejne dostawy pszenicy z Kazachstanu.", {"trade": True}),
    ("Japońskie Sumitomo od 2010 roku ma udziały w zakładzie metali ziem rzadkich w Stepnogorsku.", {"invest": False}),
    ("Turcja ma już umowę z Kazachstanem o dostawach zboża.", {"agree": False, "trade": False}),
])
def test_polish_ma_is_planned_before_an_infinitive_only(text, planned):
    assert {e.activity_type: e.planned for e in extract(text, lang="pl").events} == planned


@pytest.mark.parametrize("text, planned", [
    # a Kazakh future participle on the verb of a two-word trigger ("сатып алатынын": that it will buy)
    ("Қытай Қазақстаннан бидай сатып алатынын мәлімдеді.", {"trade": True}),
    ("Еуропалық комиссия Қазақстандағы жобаларға 300 млн еуро бөлетінін мәлімдеді.", {"invest": True}),
    ("Қытай Қазақстаннан бидай сатып алды.", {"trade": False}),
])
def test_a_kazakh_future_participle_is_planned(text, planned):
    assert {e.activity_type: e.planned for e in extract(text, "kk").events} == planned
