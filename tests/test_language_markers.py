"""The marker-word pre-check decides most documents without lingua; it must never decide
differently from lingua, and never claim a language we do not read."""
from __future__ import annotations

import pytest

from extract.language import _detectors, detect_language_verbose, dominant_script, language_by_markers

from conftest import SEEDS

# Paragraphs in languages we do not read, several close to ours (Slavic, Romance, Germanic)
FOREIGN = {
    "es": "El gobierno de Kazajistán firmó ayer un acuerdo con la Unión Europea para aumentar las exportaciones "
          "de petróleo por la ruta del Caspio, según informó el ministerio de energía en un comunicado.",
    "it": "Il governo del Kazakistan ha firmato ieri un accordo con la Cina per aumentare le esportazioni di grano "
          "attraverso il porto di Aktau, secondo quanto riferito dal ministero che ha parlato di nuovi volumi.",
    "pt": "O governo do Cazaquistão assinou ontem um acordo com a China para aumentar as exportações de trigo "
          "através do porto de Aktau, segundo informou o ministério, que não revelou os volumes previstos.",
    "nl": "De regering van Kazachstan heeft gisteren een akkoord getekend met China om de export van graan via "
          "de haven van Aktau te verhogen, zo meldde het ministerie, dat geen cijfers wilde noemen voor dit jaar.",
    "cs": "Vláda Kazachstánu včera podepsala dohodu s Čínou o zvýšení vývozu obilí přes přístav Aktau, uvedlo "
          "ministerstvo, které však neuvedlo žádné objemy ani termíny, kdy má být první zásilka odeslána.",
    "sr": "Влада Казахстана јуче је потписала споразум са Кином о повећању извоза жита преко луке Актау, саопштило "
          "је министарство, које није навело количине нити рокове за прву пошиљку која треба да буде послата.",
    "mk": "Владата на Казахстан вчера потпиша договор со Кина за зголемување на извозот на жито преку пристаништето "
          "Актау, соопшти министерството, кое не ги наведе количините ниту рокот кога ќе биде испратена пратката.",
    "be": "Урад Казахстана ўчора падпісаў пагадненне з Кітаем аб павелічэнні экспарту збожжа праз порт Актау, паведаміла "
          "міністэрства, якое не назвала аб'ёмаў і тэрмінаў, калі будзе адпраўлена першая партыя груза.",
    "ro": "Guvernul Kazahstanului a semnat ieri un acord cu China pentru creșterea exporturilor de cereale prin portul "
          "Aktau, a anunțat ministerul, care nu a precizat volumele și nici termenele pentru primul transport.",
    "tr": "Kazakistan hükümeti dün Çin ile Aktau limanı üzerinden tahıl ihracatını artırmak için bir anlaşma imzaladı, "
          "bakanlık açıklamasında ilk sevkiyatın ne zaman yapılacağına dair bir tarih vermedi ve hacimleri belirtmedi.",
}


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_markers_never_claim_a_language_we_do_not_read(lang):
    assert language_by_markers(FOREIGN[lang]) is None


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_a_close_neighbour_comes_out_unsupported_and_named(lang):
    # lingua restricted to our languages reads Spanish as Polish and Czech as German with
    # confidence 1.0: the foreign letters and words send these to the detector of all languages
    found, _, guess = detect_language_verbose(FOREIGN[lang])
    assert found is None and guess == lang


def _windows(text: str, size: int = 300, step: int = 120):
    for off in range(0, max(1, len(text) - size), step):
        yield text[off:off + size]


def _lingua(sample: str) -> str:
    top = _detectors(dominant_script(sample))[0].compute_language_confidence_values(sample)[0]
    return top.language.iso_code_639_1.name.lower()


def _articles(dev_corpus):
    return sorted(dev_corpus.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


def test_markers_agree_with_lingua_wherever_they_decide(dev_corpus):
    decided = 0
    for path in _articles(dev_corpus):
        for sample in _windows(path.read_text(encoding="utf-8")):
            quick = language_by_markers(sample)
            if quick is not None:
                decided += 1
                assert quick == _lingua(sample), (path.name, sample[:80])
    assert decided > 100  # they decide most samples, or they would not save anything


def test_markers_decide_only_with_a_clear_majority_and_no_foreign_letter():
    pl = "Kazachstan zwiększył eksport ropy przez Gruzję, a rurociąg jest już gotowy do dalszej pracy w tym roku."
    assert language_by_markers(pl) == "pl"
    assert language_by_markers(pl + " The deal was signed.") == "pl"         # a short English quote
    en = "The deal was signed by the ministers, and the pipeline will carry more oil than it did last year."
    assert language_by_markers(en) == "en"
    assert language_by_markers(pl + " " + en) is None                        # two languages at par
    assert language_by_markers(pl.replace("Gruzję", "Kraków i Köln")) is None  # a German letter
    assert language_by_markers("Казахстан экспортирует нефть через Грузию.") is None  # too few markers


def test_russian_letters_vouch_for_russian_but_kazakh_letters_veto_it():
    ru = "Для этого на участке будут построены новые насосные станции, а инвестиции оцениваются в тенге."
    assert language_by_markers(ru) == "ru"
    assert language_by_markers(ru + " Қазақстан мұнайы") is None


# a Ukrainian lead full of "і", the letter Ukrainian shares with Kazakh (lingua read it as Kazakh, 1.0)
UK_LEAD = ("Розслідування: як казахстанські компанії постачали Росії деталі для дронів\n\nОлена Коваль\n\n"
           "Журналісти проаналізували митні дані й встановили, що в січні–серпні 2024 року щонайменше 9 "
           "казахстанських компаній поставили до Росії електронні компоненти для безпілотників на суму понад "
           "35 млн доларів. Ці товари підпадають під експортний контроль ЄС і США, запроваджений проти Росії.")


def test_a_ukrainian_lead_with_the_letter_it_shares_with_kazakh_is_ukrainian():
    from extract.language import _SAMPLE, _lingua_values

    assert detect_language_verbose(UK_LEAD)[0] == "uk"
    assert language_by_markers(UK_LEAD) == "uk"  # "і" is Ukrainian too: it no longer vetoes Ukrainian
    # and where lingua decides, a full sample without a letter only Kazakh writes is asked again without Kazakh
    sample = UK_LEAD[:_SAMPLE]
    first = _detectors(dominant_script(sample))[0].compute_language_confidence_values(sample)[0]
    assert first.language.iso_code_639_1.name.lower() == "kk"  # (what lingua alone says)
    assert _lingua_values(sample)[0].language.iso_code_639_1.name.lower() == "uk"
    kk = ("Қазақстан биыл Қытайға 1,5 млн тонна бидай жөнелтті, деп хабарлады Ауыл шаруашылығы министрлігі. "
          "Бұл өткен жылмен салыстырғанда 12 пайызға көп, ал Өзбекстанға жөнелтілген астық көлемі де өсті.") * 2
    assert detect_language_verbose(kk)[0] == "kk"
