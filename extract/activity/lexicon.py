"""The activity grammar of one language, read from dbt_project/seeds/activity/.

activity_triggers.csv  words that state an act of a type (consult, agree, ...)
activity_cues.csv      words that frame it: negation(_after), comparison(_after), rival, modality(_after, _final),
                       via / via_after / via_weak (transit), onward / then (goods go on from a stop), line (a way that
                       leads somewhere, not a place; toward: "to", "nach", never "in"), bypass(_after), clause, clause_comma (after a comma), relative,
                       attendees ("with the participation of": they meet, they do not sign), superlative
                       ("the largest supplier ... remains": a ranking of others when no Kazakh side is named),
                       conditional, not_negation, hedge, backdrop, dependence, own, destination, title and
                       fixed (phrases whose trigger word states no act: "z udziałem", with ... taking part),
                       origin, between, arrival_from, kazakh_side, border_station (a Kazakh
                       border station, "Altynkol", "Достык": goods through it cross Kazakhstan), source ("according to": who says it),
                       quote_verb (after a closing quote or a dash: the speaker follows, no party),
                       not_clause ("а также" is no clause "а"), expire ("истекает": the agreement before it is an old one),
                       other_deal ("separate": another side's act of the kind), similar_deal ("similar": the same, except for talks about it), blame (an attack blamed on a partner is its attack: "blamed
                       Kyiv", "возложила ответственность ... на"), trade_if_goods (a verb that trades only when goods
                       are its object: "acquired 2 million tonnes of grain", not "acquired a stake"), fund_if_money (a supply
                       word that is finance when a sum follows: "fourniront 600 millions de dollars"), tighten and control_noun
                       ("tightened" is a sanction only near rules, controls or checks: "tightened import rules"), mishap
                       (a strike, flood or derailment that halts a flow: no sanction without a side that halts it), visit
                       (a foreign visitor's list of countries visited is a list of separate visits), unload (a ship
                       that docks or unloads goods in a partner's port delivers them there: no way), river (a river that
                       flows through countries moves no goods), reaction (a partner that welcomes, watches or
                       comments on an act is an onlooker, no side of it), aid (humanitarian goods sent are support:
                       cooperate, not trade), agent_prep
                       ("by", "par le": the doer of a passive supply, no way), than_after ("қарағанда":
                       "than" after the compared phrase, a partner inside it is compared),
                       port:XX / dest_port:XX / hub:XX (a port or rail hub that stands for XX only after "via" or
                       "from", or where works are invested in: "przez Małaszewicze", "a terminal in Varna"); a cue
                       starting with "-" is a case ending on the partner's word ("-ға": destination)
                       or an ending on the trigger (future_ending "-era", negative_ending "-майды") or on the
                       clause's last word after a passive_aux (infinitive_ending "-en": "wird ... liefern"),
                       or on a word right after a go_aux ("va", "vont": the future before an infinitive, no move)
                       or a modal_have ("ma", "mają": "is to" only before an infinitive
                       "-ć": "ma zostać podpisana" is planned, "ma udziały" is not);
                       alongside ("together with": partners after it are Kazakhstan's fellow sellers),
                       ranked_region (a region a ranking is made in: no Kazakh side), concern (who worries
                       about an act is an onlooker), project_noun (a project stopped is no sanction),
                       comparative (a way that "is cheaper" is compared), fund_noun (a fund a Kazakh name
                       names is Kazakhstan's side), own_place ("on its own coast": works at home),
                       conditional_first / comparison_if_ranked / relative_comma / clause_if_infinitive
                       (a word that is a condition, a comparison, a relative pronoun or a clause opener only
                       as the sentence's first word, after a rank, after a comma before a verb-final clause,
                       or before a zu-infinitive); biography (where a person studied or served before:
                       a partner a few words after it, in Kazakh before it, is no side); invest_place
                       ("in" before the country an investment is placed in: with no Kazakh side in the
                       clause, that country's project)
activity_sectors.csv   sector words (energy, nuclear, minerals, transport, security)
routes.csv (crosses)   the countries a named route crosses (CPC -> RU)
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..partners.lemmas import lemmatizer
from ..reference import CAPITALISED_NOUNS, load_csv
from ..word_trie import literal_trie
from .words import WordPatterns

_OWN_LISTS = ("that", "fund_noun", "invest_place", "anaphor", "anaphor_noun", "pair_anaphor", "pair_opener", "talk_opener", "attendee_opener", "coordination", "official", "company_word",
              "not_name", "separable_particle")  # cue roles kept apart from the word table


def _phrases(words: list[str]) -> re.Pattern | None:
    """One case-insensitive pattern for these phrases, as whole words, longest first; a "*" ends a
    word as a prefix ("саміт*")."""
    words = sorted((w.lower() for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(re.escape(x).replace(r"\*", r"\w*") for x in w.split())
                                             for w in words) + r")(?!\w)", re.I) if words else None


def _unit_heads(units: list[dict[str, str]], kind: str) -> tuple[str, ...]:
    """The first words, three letters or longer, of the figure grammar's units of one kind (or two
    letters that are no Latin word's start: "zł", "лв", "тг")."""
    return tuple(sorted({w.lower().rstrip("*.") for r in units if r["kind"] == kind
                         for w in r["surface"].split()[:1] if len(w.rstrip("*.")) > 2 or (
                             len(w.rstrip("*.")) == 2 and w.isalpha() and not w.isascii())}))


class ActivityGrammar:
    def __init__(self, lang: str):
        key = lemmatizer(lang).key
        triggers = [(("trigger", r["activity_type"]), r["trigger"]) for r in load_csv("activity/activity_triggers")
                    if r["lang"] == lang]
        cues = [r for r in load_csv("activity/activity_cues") if r["lang"] == lang]
        # cue words are function words and fixed phrases: matched as written (or as prefixes),
        # so they need no lemma keys (keeping "to", "в", "na" in the shared lemma table slows
        # the mention matcher by a fifth)
        cue_words = [(("cue", r["role"]), " ".join(w if w.endswith("*") or w.startswith("=") else "=" + w
                                                   for w in r["cue"].split()))
                     for r in cues if not r["cue"].startswith("-") and r["role"] not in _OWN_LISTS]
        # "-ға" (Kazakh dative): a case ending on the partner's own word says its role
        endings = sorted(((r["cue"][1:].lower(), r["role"]) for r in cues if r["cue"].startswith("-")),
                         key=lambda x: -len(x[0]))
        self.case_endings = [(e, role) for e, role in endings
                             if role not in ("future_ending", "negative_ending", "infinitive_ending")]
        self.destination_endings = tuple(e for e, role in self.case_endings if role == "destination")
        self.origin_endings = tuple(e for e, role in self.case_endings if role == "origin")
        self.role_endings = tuple(e for e, _ in self.case_endings)
        # "Өзбекстан", "Ауғанстан": a name that ends like a case ending ("-тан": from) in its own form
        self.bare_names = frozenset(r["alias"].lower() for r in load_csv("partner_aliases")
                                    if r["lang"] == lang and " " not in r["alias"]) if self.case_endings else frozenset()
        # "нарығына" (to the market): the noun after a demonym that carries the demonym's case
        self.market_nouns = tuple(r["cue"].lower().rstrip("*") for r in cues if r["role"] == "market_noun")
        # "-era" (French future) on the trigger itself: the act is planned
        self.future_endings = tuple(e for e, role in endings if role == "future_ending")
        # "поставит", "підпише": a perfective verb's present form is its future, the act is planned
        # (where the lemmatizer reads verb tenses: pymorphy3 for Russian and Ukrainian)
        self.future_verb = getattr(lemmatizer(lang), "future", None)
        # "-майды", "-маған" (Kazakh negative verb) on the trigger itself: the act is denied
        self.negative_endings = tuple(e for e, role in endings if role == "negative_ending")
        # "-en" (German infinitive): after "wird"/"werden" (passive_aux) a clause that ends in an
        # infinitive is future ("wird ... liefern"), one that ends in a participle is passive ("wird ... versandt")
        self.infinitive_endings = tuple(e for e, role in endings if role == "infinitive_ending")
        # "He", "Она", "jego kraj": a sentence about the partner named just before (coreference)
        anaphors = [tuple(r["cue"].lower().split()) for r in cues if r["role"] == "anaphor"]
        self.anaphors = {a[0] for a in anaphors if len(a) == 1}
        # ... and "the company", "spółki", "компания": the partner's company named just before, anywhere
        nouns = [tuple(r["cue"].lower().split()) for r in cues if r["role"] == "anaphor_noun"]
        self.anaphor_phrases = [" " + " ".join(a) + " " for a in [a for a in anaphors if len(a) > 1] + nouns]
        self.anaphor_starts = tuple(a.capitalize() for a in self.anaphors)  # how a sentence opens with one
        # "both sides", "обе стороны", "екі тарап": Kazakhstan and the one partner named just before
        # ("стороны", "the sides": only as the sentence's first words, "со стороны России" is no pair)
        self.pair_anaphors = _phrases([r["cue"] for r in cues if r["role"] == "pair_anaphor"])
        # "the three countries": Kazakhstan and the partners the sentence before named with it
        self.group_anaphors = _phrases([r["cue"] for r in cues if r["role"] == "group_anaphor"])
        # (their words, to skip the search in a sentence that has none of them)
        self.pair_heads = frozenset(r["cue"].lower().split()[-1] for r in cues if r["role"] == "pair_anaphor")
        self.pair_openers = _phrases([r["cue"] for r in cues if r["role"] == "pair_opener"])
        # "After the meeting, the sides signed", "После встречи стороны": a short lead that the pair may follow
        self.after_leads = frozenset(r["cue"].lower() for r in cues if r["role"] == "after_lead")
        self.pair_starts = _phrases([r["cue"] for r in cues if r["role"] in ("pair_anaphor", "pair_opener")])
        # "The talks lasted ten years", "Переговори тривали": the talks of the sentence just before
        self.talk_openers = _phrases([r["cue"] for r in cues if r["role"] == "talk_opener"])
        # "Among the participants were ...", "Серед учасників були ...": those who attended the meeting
        # that Kazakhstan's side held in the sentence just before
        self.attendee_openers = _phrases([r["cue"] for r in cues if r["role"] == "attendee_opener"])
        # "summit", "саміт*": a meeting word, looked for in a sentence after one at Kazakhstan's meeting
        self.summit_words = _phrases([r["cue"] for r in cues if r["role"] == "summit"])
        # "through Poti", "a terminal in Małaszewicze": a partner's port or hub, which speaks for a partner
        # the document names even where the sentence names no country (looked for in such sentences only)
        # (a prefilter: the first word of each, as a prefix, in one trie; the word table decides)
        firsts = {r["cue"].lower().lstrip("=").split()[0] for r in cues if r["role"].startswith(("port:", "dest_port:", "hub:"))}
        stems = sorted(w.rstrip("*") for w in firsts if w.endswith("*"))
        exact = sorted(w for w in firsts if not w.endswith("*"))
        alts = ([literal_trie(stems)] if stems else []) + ([literal_trie(exact) + r"(?!\w)"] if exact else [])
        self.port_words = re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.I) if alts else None
        # "and", "и", "et" (a second predicate) and "minister", "вицепремиер" (a person who arrives):
        # looked up only where needed, not in the one table every word passes through
        self.coordinators = frozenset(r["cue"].lower() for r in cues if r["role"] == "coordination")
        # ", and" / ", und": after a comma, another statement may begin (German "und" is no coordinator
        # of predicates above: its verbs come last, "für Energie und Verkehr vereinbart")
        self.comma_and = self.coordinators | {r["cue"].lower() for r in cues if r["role"] == "comma_and"}
        # "that", "что", "że": what may stand between a speech verb and what it reports
        self.that_words = frozenset(r["cue"].lower() for r in cues if r["role"] == "that")
        self.officials = tuple(r["cue"].lower().rstrip("*") for r in cues if r["role"] == "official")
        # "Polski Asseco", "China's state company CNPC": what may stand between a nationality and the
        # company it gives, and the capitalised words that are titles, not names ("President")
        # what a number counts when it is no goods ("received 300 million dollars", "for 3 years"): the
        # figure grammar's money, share and time units; and its magnitude words, which a count skips
        units = [r for r in load_csv("grammar/units") if r["lang"] in (lang, "*")]
        self.not_goods = tuple(sorted({w.lower().rstrip("*.") for r in units if r["kind"] in ("money", "percentage", "duration")
                                       for w in r["surface"].split()[:1] if w.rstrip("*.")}, key=len, reverse=True))
        self.magnitudes = frozenset(r["word"].lower().rstrip(".") for r in load_csv("grammar/magnitude_words")
                                    if r["lang"] == lang)
        self.blames = any(r["role"] == "blame" for r in cues)
        self.summit_anaphors = any(r["role"] == "summit_anaphor" for r in cues)
        # the first words of the figure grammar's money units ("доллар", "euro", "tenge"): a sum named
        self.money_words = _unit_heads(units, "money")
        # the figure grammar's one-word qualifiers before a number ("about", "около", "rund")
        self.qualifier_words = frozenset(r["phrase"].lower() for r in load_csv("grammar/qualifier_words")
                                         if r["lang"] == lang and r["position"] == "before" and " " not in r["phrase"])
        # what follows a number that makes it a share ("18 Prozent", "40 пайызы"; "%" is read from the text)
        self.percent_words = _unit_heads(units, "percentage")
        self.company_words = frozenset(r["cue"].lower() for r in cues if r["role"] == "company_word"
                                       and not r["cue"].startswith("*"))
        # "фонд", "fund": a fund that a Kazakh name names is Kazakhstan's side (words as written, lower case)
        self.fund_words = frozenset(r["cue"].lower() for r in cues if r["role"] == "fund_noun")
        # (own list: "in", "в", "w" are in most sentences, and only an investment asks about them)
        self.invest_place_words = frozenset(r["cue"].lower() for r in cues if r["role"] == "invest_place")
        # "*konzern": the end of a compound that names a company ("der österreichische Stahlkonzern Voestalpine")
        self.company_suffixes = tuple(r["cue"][1:].lower() for r in cues
                                      if r["role"] == "company_word" and r["cue"].startswith("*"))
        # "führt ... ein", "nahmen ... teil": a verb's particle at its clause's end (German separable verbs)
        self.separable_particles = frozenset(r["cue"].lower() for r in cues if r["role"] == "separable_particle")
        self.capitalised_nouns = lang in CAPITALISED_NOUNS  # (German: a capital letter says nothing of a name)
        self.not_names = self.officials + tuple(r["cue"].lower().rstrip("*") for r in cues if r["role"] == "not_name")
        # "Russia's Krasnodar region", "Turkey's Mersin port": a place's noun after a name in the genitive
        self.place_nouns = tuple(sorted({r["cue"].lower().lstrip("=").rstrip("*") for r in cues if r["role"] in (
            "region", "territory", "line", "river") and " " not in r["cue"]}))
        sectors = [(("sector", r["sector"]), r["word"]) for r in load_csv("activity/activity_sectors")
                   if r["lang"] == lang]
        # one table, one pass over a document's words: labels are (kind, label)
        self.words = WordPatterns(triggers + cue_words + sectors, key)

    def keys(self) -> set[str]:
        return self.words.keys()


@lru_cache(maxsize=None)
def grammar(lang: str) -> ActivityGrammar:
    return ActivityGrammar(lang)


@lru_cache(maxsize=None)
def route_crossings() -> dict[str, tuple[str, ...]]:
    """route_id -> partner ids of the countries the route crosses."""
    return {r["route_id"]: tuple((r.get("crosses") or "").split()) for r in load_csv("routes")}
