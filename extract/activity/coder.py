"""Event coding: who does what with Kazakhstan, one event per stated act (ACTIVITY.md).

Per sentence that names a partner (or a route that crosses one), in the tradition of
the CAMEO/PLOVER coders but with shallow structure instead of a parser:

* triggers (words of a type) are found with their positions; a question states no act;
* the sentence is cut into clauses at ";" and at contrast/clause words ("but", "а",
  "natomiast"); a trigger codes only partners of its own clause;
* a trigger right after a negation word ("not", "не", "nie", "pas") codes nothing,
  and one in a conditional clause ("if", "если") neither;
* a partner right after a comparison word ("after Russia", "unlike China") or next to
  a rival word ("Russia, the biggest competitor") is background, not a party;
* transit needs the partner on the way: after a via word ("through Georgia", "через
  Россию", "Ресей арқылы"), or crossed by a route named in the sentence (CPC -> RU);
  a partner after a bypass word ("bypassing Russia") is not on the way;
* `planned`: a modality word before the trigger in its clause ("will", "планирует");
* `sector`: the commodity named nearest the trigger, else the nearest sector word;
* one statement gives its most specific type: `cooperate` is dropped where the same
  clause gives the partner another type.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from ..cleaning import lowered
from ..model import ActivityEvent, Mention, Sentence
from ..partners.matcher import HOME
from ..reference import load_csv
from .companies import named_companies
from .lexicon import ActivityGrammar, grammar, route_crossings
from .words import _APOS_PAIRS, norm

# Words; an apostrophe splits ("l’interdiction" -> l, interdiction) but English n't stays on its verb
# (the same as \w+n't\b|\w+ without backing off through every word to look for an "n't")
# (the apostrophe is tried before the look-behind: most words have none after them)
_WORD = re.compile(r"\w+(?:['’](?<=\wn['’])t\b)?")
_WORD_SPLIT = re.compile(r"(\w+(?:['’](?<=\wn['’])t\b)?)")
_CLAUSE_MARK = re.compile(r"[;()]")
_GLOSS_WORDS = 4  # a bracketed aside this short glosses the name before it: "(AFD)", "(Kazakhstan Temir Scholy)"
_GLOSS = re.compile(r"\((?=[^()\n]{1,60}\))(?:[^\W\d_][\w.&'’-]*(?:\s+|(?=\)))){1,%d}\)" % _GLOSS_WORDS)
_COLON_CLAUSE = re.compile(r":[ \t\u00a0]+(?=[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐӘҒҚҢӨҰҮҺĄĆĘŁŃŚŹŻ])")
_DASH = re.compile("[-–—‑]")
_NEGATION_REACH = 3     # a negation word governs this many following words ("has not yet signed")
_VERSUS_REACH = 14  # words from "wobec ponad" (against more than) to the partners of its quantity
_WRAPPED_NEGATION = 6  # words between "ne" and its "pas" ("n'a en revanche importé aucune")
_APPOSITION_WORDS = 7  # words of an apposition that describes a partner ("gros acheteur de blé russe")
_RANKED_IN = 3  # words from a ranked trade noun to the market it ranks in ("dostawcą wołowiny do Wietnamu")
_CONTRAST_REACH = 4  # words from "not through" to its "but" ("nie przez Rosję, lecz przez")
_ONE_STATEMENT = 4  # a cooperation word this close to a specific act of the same partner is that act's ("маманды оқытуға 15 млн доллар бөледі")
_VERB_FINAL_REACH = 6  # ... and a trigger that ends the clause this far after it
_CLOSING_REACH = 5  # a negation after the act ("transit through Russia is impossible", "unterzeichnete ... nicht") reaches back this far
_OBJECT_NEGATION_REACH = 8  # a negated object denies the verb this far before it ("liefert ... seit 2022 kein Zink")
_COMPARISON_REACH = 1   # a comparison word is right before the partner
_SPECULATOR_REACH = 3  # Kazakhstan's side right before "could" speaks of its own plan
_VERB_REACH = 8  # a noun trigger and the verb of the same act after it ("delegation from Uzbekistan will visit")
_COMPARED_REACH = 5  # ... or before the act compared and its partner ("than overland transit through Russia")
_QUANTITY_REACH = 6      # "received about 260,000 tonnes": the unit this many words after a receiving verb
_FINAL_STOP_REACH = 8   # "die Einfuhr von Rindfleisch aus zwei Regionen ausgesetzt": a clause-final stop this far after
_RIVAL_REACH = 5        # "Russia, the biggest competitor," : rival word within this many words after
_VIA_REACH = 3          # "through Azerbaijan and Georgia" : via word this many words before
_COPULA_SPAN = 5  # words between a copula and the trade noun it says the subject is ("remains Kazakhstan's largest uranium customer")
_TRADE_REACH = 4        # a buyer or seller stands this close before the trade word ...
_TRADE_ROLE_REACH = 2   # ... or right after "to" / "from" ("went to Iran", "z Chin")
_CONTENT_REACH = 6      # "agreed on Tuesday to lift trade": the agreement's subject follows it this close
_ABOUT_THEM_REACH = 9      # a cooperation word this close to its partner's agreement or talks is what they are about
_TRADE_ROLE_SPAN = 12   # ... and then at most this many words from the trade word, no partner between
_THIRD_PARTY_REACH = 6  # the other party of a third-party deal stands this close after the trigger
_DEMONYM_REACH = 9      # "Turkish steel mills became a key buyer"
_BRACKET_SPAN = 15      # a verb bracket's partner and the trade word closing it: at most this many words apart
_MOVING = ("trade", "transit", "move")  # triggers that say goods move (a via word or a route makes them transit)
# "move" triggers (went, идет, trafia) say that something goes somewhere: trade towards a
# partner after "to", transit through a partner after "through"
_LIST_WORDS = {"and", "i", "oraz", "и", "и", "et", "und", "та", "і", "й", "және", "мен", "or", "lub", "или", "ou", "oder", "або"}
_GENITIVE_OF = {"of", "de", "du", "d", "на", "von"}  # "supplier of China", "fournisseur de", "доставчик на"
_LIST_FILLERS = ("article", "origin", "destination")  # what may stand before each member of a list
# words that make the partner after them an object or a place, not the subject ("with", "to", "через")
_QUOTE_ENDS = "\"»”“«–—"  # what ends a quoted statement before its verb of saying ('," said', "», — дейді", "– ocenia")
_SPEAKER_REACH = 14  # words after that verb that describe the speaker ("Piotr Lis, były attaché ... ambasady Niemiec")
_LEGS = frozenset(("onward", "via", "then", "via_weak"))  # cues that say goods go on from a place
_ROLE_CUES = ("destination", "origin", "between", "via", "via_weak", "arrival_from", "comparison", "bypass")
_NEEDS_HOME = ("sanction", "conflict")
_NEGATING = frozenset(("negation", "hedge", "negation_after", "negation_object", "speculation", "denial", "failed",
                        "negation_open"))  # cues _negated reads first
# acts that a talk can be about ("talks on oil supplies", "will discuss the attack", "обсудили санкции")
_TOPICS = ("trade", "move", "transit", "invest", "sanction", "conflict")
_HOSTILE = frozenset(("sanction", "conflict"))
_OPEN_QUOTES = ("«", "„", "“")
_CASE_ROLES = ("destination", "origin", "place", "with")
_CLOSE_QUOTES = {"«": ("»",), "„": ("“", "”"), "“": ("”",)}
_TOPIC_REACH = 3  # words between the talk and its topic ("talks on gas supplies")  # ACTIVITY.md: only what the text ties to Kazakhstan
_ABOUT_REACH = 10  # ... or this many after "about" ("talks with Azerbaijan about laying a cable ... to export")


def code_events(text: str, lang: str, sentences: list[Sentence], mentions: list[Mention],
                document_partners: set[str]) -> list[ActivityEvent]:
    """Events of these sentences; document_partners are the partners named anywhere in
    the document (a route implies only partners the document names)."""
    if not lang or not sentences:
        return []
    g = grammar(lang)
    mentions = mentions + named_companies(text, sentences, mentions, g.company_words, g.not_names,
                                          lambda w: any(kind == "trigger" for (kind, _), _i, _j in g.words.find([w.lower()])),
                                          g.company_suffixes)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.entity_type == "company":
            if m.entity_id not in document_partners:
                continue  # a state company speaks for a partner that the article names
            m = Mention("partner", m.entity_id, m.mention_kind, m.sentence_index, m.start_char, m.end_char,
                        m.surface_text)
        if m.entity_type in ("partner", "commodity", "route", "home"):
            by_sentence.setdefault(m.sentence_index, []).append(m)
    if g.anaphors or g.pair_anaphors or g.attendee_openers:
        _resolve_anaphors(text, g, sentences, by_sentence)
    crossings = route_crossings()
    relevant = []
    for s in sentences:
        if (s.index in by_sentence and _has_party(by_sentence[s.index], crossings)) or (
                g.port_words is not None and g.port_words.search(text, s.start_char, s.end_char)):
            by_sentence.setdefault(s.index, [])  # (or a partner's port or hub alone: "Kazakh grain will go through Poti")
            relevant.append(s)
    if not relevant:
        return []
    out: list[ActivityEvent] = []
    # (the sentence before each, where an attack may be told before it is blamed on someone)
    sentence_before = {b.index: a for a, b in zip(sentences, sentences[1:])} if g.blames else {}
    for s in relevant:
        lows, starts, ends = _words(text, s.start_char, s.end_char)
        hits, cues, sectors = [], [], []
        for (kind, label), i, j in g.words.find(lows):
            (hits if kind == "trigger" else cues if kind == "cue" else sectors).append((label, i, j))
        # (the rules below that look for one cue role run only where the sentence has it)
        roles = {c[0] for c in cues}
        if "build" in roles:
            hits = _built_works(cues, hits)
        if "hold" in roles:
            hits = _held_stakes(cues, hits, text, lows, ends, g.percent_words)
        if "allocate" in roles:
            hits = _allocated(cues, hits, text, s, lows, g.money_words)
        if "go_aux" in roles and hits and g.infinitive_endings:  # "va accorder", "vont livrer": "go" before an infinitive
            going = {i for role, i, _j in cues if role == "go_aux"}  # is the future, no move
            hits = [h for h in hits if not (h[0] == "move" and h[1] in going and any(
                lows[k].endswith(g.infinitive_endings) for k in range(h[2], min(h[2] + 2, len(lows)))))]
        if "fund_if_money" in roles:
            hits = _funded(cues, hits, text, starts, lows, g.money_words)
        if "transit_if_via" in roles and ("via" in roles or "via_weak" in roles):
            # "links China to Europe via Kazakhstan, the Caspian Sea, Azerbaijan and Georgia", "relie la Chine à
            # l'Europe en passant par": a line that joins places through others is a way
            ways = [i for role, i, _j in cues if role in ("via", "via_weak")]
            extra = [("transit", i, j) for role, i, j in cues if role == "transit_if_via" and any(
                j <= k <= j + _LINKED_VIA for k in ways) and not any(h[1] == i for h in hits)]
            hits = _with(hits, extra)
        if "river" in roles and hits:  # "Syrdaria płynie przez Kirgistan": a river flows through countries, no goods
            rivers = [i for role, i, _j in cues if role == "river"]
            hits = [h for h in hits if not (h[0] in ("move", "transit") and any(r < h[1] for r in rivers))]
        if "aid" in roles:  # "отправил на Украину 16 гуманитарных конвоев": aid sent is support, no sale
            # ("a envoyé ... des convois humanitaires": a verb that sends only goods sends the aid)
            sent = [("cooperate", i, j) for role, i, j in cues if role == "trade_if_goods" and not any(h[1] == i for h in hits)]
            hits = _with([("cooperate", i, j) if t in ("trade", "move") else (t, i, j) for t, i, j in hits], sent)
        if "topic_about" in roles and len(hits) > 1 and lang != "kk":  # (Kazakh puts "туралы" before the deal it is about)
            # "is in talks with KazMunayGas on a term deal", "ведут переговоры о контракте": a deal the talks
            # are about is no deal yet
            abouts = [i for role, i, _j in cues if role == "topic_about"]
            talks = [j for t, _i, j in hits if t == "consult"]
            if talks:
                # (not a deal already named: "Talks on the deal began on March 19")
                hits = [h for h in hits if not (h[0] == "agree" and lows[h[1] - 1] not in ("the", "this") and any(
                    0 < h[1] - a <= _TALKED_DEAL and any(0 <= a - c <= _TALKED_DEAL * 2 for c in talks) for a in abouts))]
        if "tighten" in roles and "control_noun" in roles:
            hits = _tightened(cues, hits)
        if "trade_if_goods" in roles:
            hits = _goods_supplied(cues, hits, by_sentence[s.index] if s.index in by_sentence else (), starts)
        if hits and g.pair_anaphors and not g.pair_heads.isdisjoint(lows):
            _pair_in_sentence(text, g, s, by_sentence)
        if "blame" in roles and s.index in by_sentence:
            out += _blamed(text, g, s, cues, hits, starts, ends, by_sentence[s.index], sentence_before.get(s.index))
        if hits:
            coded = _Sentence(text, s, by_sentence[s.index], g, starts, ends, lows, hits, cues, sectors)
            coded.doc_mentions = mentions
            out += coded.events(crossings, document_partners)
    return out


_FIRST_WORD = re.compile(r"\W*(\w+)")
_GAPPED_QUANTITY = re.compile(r"[ \t\u00a0]*(?:[—–-][ \t\u00a0]+)?(?:[^\W\d]+[ \t\u00a0]+)?\d")  # " — 55", " about 55"
_GAP_DASH = re.compile(r"\s[—–-]\s")  # a dash that stands for a left-out verb ("а зерно — в Иран")
_GRADE = re.compile(r"[\s\u00a0]*[Бб]ленд|[\s\u00a0]*[Bb]lend", re.UNICODE)
_APPOSITION = 4  # characters between "both countries" and the names that spell the pair out (" — ")
_PAIR_REACH = 2  # "both sides" stands for the partner named at most this many sentences back
_ANAPHOR_REACH = 5  # the antecedent opens the sentence before: "Вицепремиерът на Грузия пристигна ..."


_TALKED_DEAL = 3  # "in talks with KazMunayGas on a term deal": "on" to the deal word (and twice that, talks to "on")
_REACTION_REACH = 4  # "verfolgten das Treffen aufmerksam": the reaction's last word to the act it is about
_APPOSED_RANK = 3  # "Russia, still the largest supplier": the comma after the partner to the superlative
_PROHIBIT_REACH = 6  # "dürfen nicht aus Kasachstan nach Russland weiterverkauft werden": the modal's end to the verb
_BACKDROP_NP = 5  # "на фоне введённых санкций против России": the frame's last word to a partner in its phrase
_ATTENDEE_TITLE = 3  # "en présence du ministre délégué français": the attendee word to the attendee
_WORKS_PLACE = 4  # "a terminal in the Georgian port": the works to the place they stand in
_WORKS_INVESTED = 6  # "invest $60 million in a new grain terminal": the invest word to the works
_BRIDGED_BEFORE = 2  # "у переговорах участі не бере": the act before the participation word
_WORLD_SHARE_REACH = 8  # "liefern zusammen mehr als die Hälfte des global gehandelten ...": the verb to "global"
_COMPARED_NP = 5  # "Ресей арқылы өтетін теміржол бағытына қарағанда": the partner to "than" after the phrase
_EXPIRE_REACH = 3  # "контракт с Россией истекает": the agreement word to its running out
_HUB_REACH = 3  # "przez terminal w Małaszewiczach": the via word to the hub
_PORT_WORKS_REACH = 8  # "invest $60 million in a new grain terminal in Poti": the invest word to the port
_WORKS_AFTER, _WORKS_BEFORE = 4, 10  # "build a new assembly plant", "ein Montagewerk ... errichten" (verb last)


def _built_works(cues: list, hits: list) -> list:
    """A plant, factory or mill that a side builds or sets up is an investment ("Volvo will build an
    assembly plant in Kostanai", "planuje zbudować tłocznię", "ein Werk errichten"), and so is a
    deposit or field that it develops ("is developing a lithium deposit", "разрабатывает
    месторождение", "кен орнын игеру"): the building verb is an invest trigger when a works word
    stands right after it (or before it, verb last)."""
    builds = [(i, j) for role, i, j in cues if role == "build"]
    if not builds:
        return hits
    works = [i for role, i, _j in cues if role == "works"]
    return _invest_beside(hits, builds, works, _WORKS_AFTER, _WORKS_BEFORE, _WORKS_BEFORE)


def _with(hits: list, extra: list) -> list:
    """The sentence's triggers with the extra ones a cue role made, in word order."""
    return sorted(hits + extra, key=lambda h: h[1]) if extra else hits


def _invest_beside(hits: list, verbs: list, anchors: list, after: int, before: int, own: int) -> list:
    """Each verb with an anchor at most `after` words after it or `before` words before it is an invest
    trigger, unless one stands within `own` words of it already."""
    extra = [("invest", i, j) for i, j in verbs if any(j <= a <= j + after or i - before <= a < i for a in anchors)
             and not any(t == "invest" and abs(k - i) <= own for t, k, _ in hits)]
    return _with(hits, extra)


_STAKE_REACH, _STAKE_BEFORE = 4, 6  # "holds 50% of", "40 пайызы канадалық Cameco компаниясына тиесілі" (verb last)
_MARKET_REACH = 6  # "30% of the Kazakh fuel market"


def _held_stakes(cues: list, hits: list, text: str, lows: list[str], ends: list[int], percent_words: tuple) -> list:
    """A share that a side holds in a company or project is its stake, an investment ("Chevron holds
    50% of Tengizchevroil", "Eni hält 29,25 Prozent am Konsortium", "Кәсіпорынның 40 пайызы Cameco-ға
    тиесілі"): the holding verb is an invest trigger when a percentage stands within four words of it,
    unless the share is of a market ("holds 30% of the market" is a rank, no stake)."""
    holds = [(i, j) for role, i, j in cues if role == "hold"]
    if not holds:
        return hits
    n = len(lows)
    shares = [k for k in range(n) if lows[k][:1].isdigit() and (
        text[ends[k]:ends[k] + 2].lstrip(" \u00a0\u202f").startswith("%")
        or (k + 1 < n and lows[k + 1].startswith(percent_words)))] if percent_words else []
    if not shares:
        return hits
    markets = [i for role, i, _j in cues if role in ("market", "world")]
    shares = [k for k in shares if not any(k < a <= k + _MARKET_REACH for a in markets)]
    return _invest_beside(hits, holds, shares, _STAKE_REACH, _STAKE_BEFORE, _STAKE_REACH)


@lru_cache(maxsize=None)
def _one_side(pid: str) -> frozenset[str]:
    """A partner with its bloc and the bloc's members: "The European Union, whose refiners in Italy ...
    buy" is one side, no deal between two."""
    rows = load_csv("bloc_members")
    blocs = {r["bloc_id"] for r in rows if r["partner_id"] == pid} | {pid}
    return frozenset({pid, *blocs, *(r["partner_id"] for r in rows if r["bloc_id"] in blocs)})


_CURRENCY_SIGNS = frozenset("$€£¥₸₽")


def _allocated(cues: list, hits: list, text: str, s: Sentence, lows: list[str], money_words: tuple) -> list:
    """Allocating is investing only when a sum is allocated ("выделит 300 млн долларов"); a site, land
    or a berth allocated to the other side is cooperation ("Ісламабад пообіцяв виділити казахстанським
    компаніям майданчик у порту Гвадар")."""
    allocating = {i for role, i, _j in cues if role == "allocate"}
    if not allocating or not any(t == "invest" and i in allocating for t, i, _j in hits):
        return hits
    if any(w.startswith(money_words) for w in lows) or not _CURRENCY_SIGNS.isdisjoint(text[s.start_char:s.end_char]):
        return hits
    return [("cooperate", i, j) if t == "invest" and i in allocating else (t, i, j) for t, i, j in hits]


_BLAMED_REACH = 8  # "возложила ответственность за удар на Украину": the blame word to the one blamed


def _blamed(text: str, g, s: Sentence, cues: list, hits: list, starts: list[int], ends: list[int], mentions,
            before: Sentence | None) -> list[ActivityEvent]:
    """An attack blamed on a partner is that partner's attack ("Moscow blamed Kyiv for the attack",
    "Российская сторона возложила ответственность за удар на Украину", "attributed to North Korean
    hackers", "шабуылды Украинаға жапты"): with an attack word in this sentence or the one before, the
    partner a blame word points to (the first after it, or in a verb-last sentence the nearest before it)
    is a party to a conflict; the one who blames is none."""
    blames = [(i, j) for role, i, j in cues if role == "blame"]
    if not blames:
        return []
    attack = any(t == "conflict" for t, _i, _j in hits)
    if not attack and before is not None:
        words, _s, _e = _words(text, before.start_char, before.end_char)
        attack = any(kind == "trigger" and label == "conflict" for (kind, label), _i, _j in g.words.find(words))
    if not attack:
        return []
    partners = sorted((bisect_right(starts, m.start_char) - 1, m) for m in mentions if m.entity_type == "partner")
    out = []
    for i, j in blames:
        after = [(k, m) for k, m in partners if j <= k < j + _BLAMED_REACH]
        blamed = after[:1] or [(k, m) for k, m in partners if i - _BLAMED_REACH <= k < i][-1:]
        for _k, m in blamed:
            if not any(e.partner_id == m.entity_id for e in out):
                a, b = starts[i], ends[j - 1]
                out.append(ActivityEvent(m.entity_id, "conflict", None, False, s.index, a, b, text[a:b],
                                         m.start_char, m.end_char))
    return out


_LINKED_VIA = 8  # "links China to Europe via Kazakhstan": the linking verb to the via word
_GOODS_AFTER, _GOODS_BEFORE = 6, 6  # "acquired 2 million tonnes of Kazakh grain", "астық жіберді" (verb last)


_TIGHTENED_AFTER, _TIGHTENED_BEFORE = 4, 8  # "tightened the rules for", "die Regeln für ... verschärft" (verb last)


def _tightened(cues: list, hits: list) -> list:
    """Rules, controls or checks that a side tightens are a restriction ("Moscow tightened the rules
    for importing cars from Kazakhstan", "посилила фітосанітарний контроль", "verschärfte die
    Exportkontrollen"): the tightening word is a sanction trigger when a control word stands near it;
    "tightened cooperation" or "ужесточила позицию" restrict nothing."""
    nouns = [i for role, i, _j in cues if role == "control_noun"]
    taken = {h[1] for h in hits}
    extra = [("sanction", i, j) for role, i, j in cues if role == "tighten" and i not in taken and any(
        j <= k <= j + _TIGHTENED_AFTER or i - _TIGHTENED_BEFORE <= k < i for k in nouns)]
    return _with(hits, extra)


def _goods_supplied(cues: list, hits: list, mentions, starts: list[int]) -> list:
    """A verb that moves goods only when goods are its object ("acquired 2 million tonnes of grain", "provides
    China with uranium", "a envoyé du blé", "астық жіберді"; not "acquired a stake", "provided assistance",
    "l'envoyé spécial"): a cue "trade_if_goods" is a trade trigger when a commodity is named at most six
    words after it (or before it, verb last)."""
    verbs = [(i, j) for role, i, j in cues if role == "trade_if_goods"]
    goods = [bisect_right(starts, m.start_char) - 1 for m in mentions if m.entity_type == "commodity"] if verbs else ()
    extra = [("trade", i, j) for i, j in verbs if any(j <= k < j + _GOODS_AFTER or i - _GOODS_BEFORE <= k < i for k in goods)
             and not any(t in ("trade", "invest") and k == i for t, k, _ in hits)]
    return _with(hits, extra)


_FUNDED_REACH = 8  # "fourniront à elles deux jusqu'à 600 millions de dollars": the verb to the number


def _funded(cues: list, hits: list, text: str, starts: list[int], lows: list[str], money_words: tuple) -> list:
    """A sum supplied is finance, not a sale ("la BERD et l'AFD fourniront jusqu'à 600 millions de
    dollars"), and a sum poured or injected is an investment ("will pour $1 billion into"): a supply
    word (cue "fund_if_money") with a number at most eight words after it, and a currency word or sign
    right after the number, states an investment."""
    supplying = {i: j for role, i, j in cues if role == "fund_if_money"}
    if not supplying:
        return hits
    n = len(lows)

    def sum_after(i: int) -> bool:
        for k in range(i + 1, min(i + 1 + _FUNDED_REACH, n)):
            if lows[k][:1].isdigit():
                # (the currency within three words: "600 millions de dollars", "$600 million")
                if not _CURRENCY_SIGNS.isdisjoint(text[max(0, starts[k] - 2):starts[k]]) or any(
                        lows[m].startswith(money_words) or lows[m][:1] in _CURRENCY_SIGNS for m in range(k + 1, min(k + 4, n))):
                    return True
        return False
    # (a word that states no act of its own, "pour", "injectera", "ulokuje", is one with a sum after it)
    at = {i for _t, i, _j in hits}
    extra = [("invest", i, j) for i, j in supplying.items() if i not in at and sum_after(i)]
    return sorted([("invest", i, j) if t in ("trade", "move") and i in supplying and sum_after(i) else (t, i, j)
                   for t, i, j in hits] + extra, key=lambda h: h[1])


def _main_partner(by_sentence: dict[int, list[Mention]], before: int) -> str | None:
    """The partner the text so far is about: named at least three times, twice as often as any other."""
    counts: dict[str, int] = {}
    for k, ms in by_sentence.items():
        if k < before:
            for m in ms:
                if m.entity_type == "partner" and m.mention_kind != "anaphor":
                    counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 3 or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(counts, key=counts.get)


def _pair(pid: str, k: int, m: re.Match) -> list[Mention]:
    """"Both countries": the partner and Kazakhstan, in the same words (the sentence is no third-party deal)."""
    return [Mention("partner", pid, "anaphor", k, m.start(), m.end(), m.group()),
            Mention("home", HOME, "anaphor", k, m.start(), m.end(), m.group())]


def _partner_ids(mentions: list[Mention]) -> set[str]:
    return {q.entity_id for q in mentions if q.entity_type == "partner"}


def _each_with_home(by_sentence: dict[int, list[Mention]], last: int, k: int, m: re.Match) -> bool:
    """Each partner that sentence `last` names beside Kazakhstan is paired with it in sentence k (at a
    meeting Kazakhstan held with several partners, what was agreed there is each one's); False when
    that sentence names fewer than two partners or no Kazakh side."""
    ids = _partner_ids(by_sentence[last])
    if len(ids) < 2 or not any(q.entity_type == "home" for q in by_sentence[last]):
        return False
    for pid in sorted(ids):
        by_sentence.setdefault(k, []).extend(_pair(pid, k, m))
    return True


def _pair_ids(by_sentence: dict[int, list[Mention]], last: int, k: int) -> set[str]:
    """Whom "both sides" in sentence k pairs with Kazakhstan: the partners of the last sentence that
    names one, or, in an article about one partner, that partner."""
    main = _main_partner(by_sentence, k)
    if main:
        return {main}
    # "Сторони обговорили підготовку до саміту ... в азербайджанській Габалі. ... лідери домовилися ...
    # між двома країнами": a pair goes on being the pair the sentence before stood for
    ms = by_sentence[last]
    paired = {q.entity_id for q in ms if q.entity_type == "partner" and q.mention_kind == "anaphor" and any(
        h.entity_type == "home" and h.start_char == q.start_char for h in ms)}
    return paired or _partner_ids(ms)


def _resolve_anaphors(text: str, g, sentences: list[Sentence], by_sentence: dict[int, list[Mention]]) -> None:
    """A sentence that names no partner and opens with a personal pronoun ("He also promised to
    finance", "Той подписа") or says "his country", right after a sentence whose subject is the
    only partner it names ("Turkish Transport Minister ... stayed in Astana"): the pronoun stands
    for that partner."""
    named = {m.sentence_index for ms in by_sentence.values() for m in ms if m.entity_type == "partner"}
    pairs, openers, talks = g.pair_anaphors, g.pair_openers, g.talk_openers
    last = None  # the last sentence that names a partner (or stands for one)
    attendees = g.attendee_openers
    summits = g.summit_words
    for k, s in enumerate(sentences):
        if s.index in named:
            first = _first_letter(text, s)
            if attendees and s.index - 1 in by_sentence and any(
                    q.entity_type == "home" for q in by_sentence[s.index - 1]):
                a = attendees.match(text, first, s.end_char)
                if a:  # "Серед учасників були віцепрем'єри Туреччини": Kazakhstan's forum, just told
                    by_sentence[s.index].append(Mention("home", HOME, "anaphor", s.index, a.start(), a.end(), a.group()))
            # "... arrived in Astana for the OTS summit. Hungary and Turkmenistan are represented at the
            # summit as observers": the summit just told of, Kazakhstan's meeting
            # (not a summit elsewhere: "... held their own summit in Budapest")
            if summits and k and s.index - 1 in by_sentence and not any(
                    q.entity_type == "home" or q.mention_kind == "capital" for q in by_sentence[s.index]) and any(
                    q.entity_type == "home" for q in by_sentence[s.index - 1]):
                prev = sentences[k - 1]
                a = summits.search(text, s.start_char, s.end_char)
                if a and prev.index == s.index - 1 and summits.search(text, prev.start_char, prev.end_char):
                    by_sentence[s.index].append(Mention("home", HOME, "anaphor", s.index, a.start(), a.end(), a.group()))
            # "Oba kraje rozmawiają także o tranzycie ... przez polskie porty", "Көшбасшылар ... растады":
            # a sentence that opens with the pair is about the pair, whatever partner it names further on
            m = g.pair_starts.match(text, first, s.end_char) if g.pair_starts and last is not None and (
                s.index - last <= _PAIR_REACH) else None
            if m and _named_right_there(m, by_sentence[s.index]):
                m = None  # "Дві країни — Казахстан і Азербайджан — домовилися": the pair is named right there
            ids = _pair_ids(by_sentence, last, s.index) if m else ()
            if ids and len(ids) == 1:  # "Тараптар ... қазақ-түрік тауар айналымын": the pair its own words spell
                own = _hyphen_pair(text, by_sentence[s.index])
                ids = {own} if own else ids
            if m is None and pairs and text.find(";", s.start_char, s.end_char) >= 0:  # "...met Prime Minister Bektenov; both sides said ...": the pair
                # after a semicolon is Kazakhstan and the one partner named before it in the sentence
                m = next((x for x in pairs.finditer(text, s.start_char, s.end_char)
                          if text[s.start_char:x.start()].rstrip().endswith(";")), None)
                ids = {q.entity_id for q in by_sentence[s.index] if q.entity_type == "partner"
                       and q.start_char < m.start()} if m else ()
            if len(ids) == 1:
                by_sentence[s.index] += _pair(next(iter(ids)), s.index, m)
            last = s.index
            continue
        if (pairs or openers or talks) and last is not None and s.index - last <= _PAIR_REACH:
            # "Both sides also pledged to deepen cooperation" after "Kazakhstan and Azerbaijan signed ...":
            # the pair is Kazakhstan and the one partner named last
            m = (pairs.search(text, s.start_char, s.end_char) if pairs else None) or (
                openers.match(text, s.start_char, s.end_char) if openers else None)
            ids = _pair_ids(by_sentence, last, s.index) if m else ()
            if m is None and g.group_anaphors and s.index - last == 1:
                # "Ministers of Kazakhstan, Azerbaijan and Georgia met in Baku. The three countries agreed"
                m = g.group_anaphors.search(text, s.start_char, s.end_char)
                if m and _each_with_home(by_sentence, last, s.index, m):
                    named.add(s.index)
                    last = s.index
                    continue
                m = None
            if m is None and talks and s.index - last == 1:
                m = talks.match(text, s.start_char, s.end_char)
                # "Қазақстан, Өзбекстан және Қырғызстан ... кездесу өткізді. Онда ... уағдаласылды"
                if m and _each_with_home(by_sentence, last, s.index, m):
                    named.add(s.index)
                    last = s.index
                    continue
                ids = _partner_ids(by_sentence[last]) if m else ()
            if len(ids) == 1:
                by_sentence.setdefault(s.index, []).extend(_pair(next(iter(ids)), s.index, m))
                named.add(s.index)
                last = s.index
                continue
        if not g.anaphors or s.index - 1 not in named:
            continue
        m = _FIRST_WORD.match(text, s.start_char, s.end_char) if text.startswith(
            g.anaphor_starts, s.start_char) or not text[s.start_char:s.start_char + 1].isalpha() else None
        span = m.span(1) if m and m.group(1).lower() in g.anaphors else None
        if span is None and g.anaphor_phrases:
            span = _anaphor_phrase(text, s, g.anaphor_phrases)
        pid = _antecedent(text, sentences, by_sentence, s.index - 1, [
            m for m in by_sentence[s.index - 1] if m.entity_type == "partner"]) if span else None
        if pid:
            by_sentence.setdefault(s.index, []).append(Mention(
                "partner", pid, "anaphor", s.index, span[0], span[1], text[span[0]:span[1]]))
            named.add(s.index)
            last = s.index


def _pair_in_sentence(text: str, g, s: Sentence, by_sentence: dict[int, list[Mention]]) -> None:
    """"Детали обсудят министры ... двух стран 18 ноября в Бишкеке": the pair of a sentence that
    names one partner (and no pair yet) is that partner and Kazakhstan."""
    mentions = by_sentence[s.index]
    ids = _partner_ids(mentions)
    if len(ids) != 1 or any(q.mention_kind == "anaphor" and q.entity_type == "home" for q in mentions):
        return
    m = g.pair_anaphors.search(text, s.start_char, s.end_char)
    if m is None or _named_right_there(m, mentions):
        return
    mentions += _pair(next(iter(ids)), s.index, m)


def _hyphen_pair(text: str, mentions: list[Mention]) -> str | None:
    """The partner joined to Kazakhstan by a hyphen in the sentence ("қазақ-түрік", "Kazakh-Turkish",
    "казахстанско-турецкий"), when there is one."""
    homes = [m for m in mentions if m.entity_type == "home"]
    found = {p.entity_id for p in mentions if p.entity_type == "partner" and p.mention_kind != "anaphor" and any(
        text[h.end_char:p.start_char] in _HYPHENS or text[p.end_char:h.start_char] in _HYPHENS for h in homes)}
    return next(iter(found)) if len(found) == 1 else None


_HYPHENS = ("-", "‐", "–", "—")


def _named_right_there(m: re.Match, mentions: list[Mention]) -> bool:
    """"Дві країни — Казахстан і Азербайджан —": the pair is spelled out right after its words."""
    return any(0 <= q.start_char - m.end() <= _APPOSITION for q in mentions)


def _first_letter(text: str, s: Sentence) -> int:
    """Where the sentence's words begin: after an opening quote or dash ("« Nos pays coopèrent")."""
    k = s.start_char
    while k < s.end_char and not text[k].isalnum():
        k += 1
    return k


def _anaphor_phrase(text: str, s: Sentence, phrases: list[str]) -> tuple[int, int] | None:
    """Where the sentence says "his country", "the company", "Das Unternehmen", "l'entreprise"."""
    a, b = s.start_char, s.end_char
    low = lowered(text)  # (the article's lowercase, made once for the figure readers)
    if len(low) == len(text) and low.find("'", a, b) < 0 and low.find("’", a, b) < 0:
        for phrase in phrases:
            k = low.find(phrase, a, b)
            if k >= 0:
                return k + 1, k + len(phrase) - 1
            if (a > 0 and low.startswith(phrase, a - 1)) or low.startswith(phrase[1:], a):
                return a, a + len(phrase) - 2
        return None
    low = " " + text[s.start_char:s.end_char].lower().replace("'", " ").replace("’", " ")
    if len(low) != s.end_char - s.start_char + 1:
        return None  # (a letter whose lowercase is longer: offsets would shift)
    for phrase in phrases:
        k = low.find(phrase)
        if k >= 0:  # (low[k] is the space before the phrase: text[s.start_char + k] is its first letter)
            return s.start_char + k, s.start_char + k + len(phrase) - 2
    return None


def _antecedent(text: str, sentences: list[Sentence], by_sentence: dict[int, list[Mention]], k: int,
                partners: list[Mention]) -> str | None:
    """The partner that sentence k opens with as its subject, when it names only that one."""
    if len({m.entity_id for m in partners}) != 1:
        return None
    first = min(partners, key=lambda m: m.start_char)
    start = next((s.start_char for s in sentences if s.index == k), None)
    if start is None or len(_WORD.findall(text, start, first.start_char)) > _ANAPHOR_REACH or any(
            m.entity_type == "home" and m.start_char < first.start_char for m in by_sentence.get(k, ())):
        return None
    return first.entity_id


def _has_party(mentions: list[Mention], crossings: dict[str, tuple[str, ...]]) -> bool:
    """A partner, or a route that crosses one."""
    for m in mentions:
        if m.entity_type == "partner" or (m.entity_type == "route" and crossings.get(m.entity_id)):
            return True
    return False


def _words(text: str, a: int, b: int) -> tuple[list[str], list[int], list[int]]:
    """The lowercased words of text[a:b] with their start and end offsets, cut in C (str.lower,
    re.split, accumulate): per-word Python calls would cost more than the coding itself."""
    sentence = text[a:b]
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a letter whose lowercase is longer ("İ"): word by word
        spans = [m.span() for m in _WORD.finditer(text, a, b)]
        return [norm(text[x:y]) for x, y in spans], [x for x, _ in spans], [y for _, y in spans]
    for x, y in _APOS_PAIRS:
        if x in lowered:
            lowered = lowered.replace(x, y)
    parts = _WORD_SPLIT.split(lowered)  # separator, word, separator, ..., word, separator
    offsets = list(accumulate(map(len, parts), initial=a))
    n = len(parts) - 1
    return parts[1::2], offsets[1:n:2], offsets[2:n + 1:2]


class _Sentence:
    """One sentence's words (indices local to it), its trigger and cue hits, and its mentions."""

    doc_mentions: list[Mention] = []  # every mention of the document (whose a person named before is)

    def __init__(self, text: str, s: Sentence, mentions: list[Mention], g: ActivityGrammar,
                 starts: list[int], ends: list[int], lows: list[str], hits: list, cues: list, sectors: list):
        self.text, self.s, self.g = text, s, g
        self.starts, self.ends, self.lows, self.hits, self.cue_hits, self._sector_words = (
            starts, ends, lows, hits, cues, sectors)
        by_type: dict[str, list[Mention]] = {"partner": [], "commodity": [], "route": [], "home": []}
        for m in mentions:  # (one pass: most sentences have few mentions)
            by_type[m.entity_type].append(m)
        self.partners, self.commodities, self.routes, self.home = (
            by_type["partner"], by_type["commodity"], by_type["route"], by_type["home"])
        if self.routes:  # "CPC Blend" is a grade of oil, not the pipeline it is named after
            self.routes = [r for r in self.routes if not _GRADE.match(text, r.end_char)]
        self._suffix_role: dict[int, str] = {}  # (case endings: filled in events())
        self._comma_opens: set[int] = set()  # ", а": where a conjunction after a comma opened a clause
        self._time_opens: set[int] = set()  # "after U.S. blacklists": where "after" opened a clause
        self._denied_at: set[int] = set()  # tokens a negation after them denies (filled in by _negated)

    def _named_antecedent_of(self, relative_of: dict[int, int], me: int) -> int | None:
        """The relative clause a partner's company heads: "Saudi Arabia's ACWA Power, which is
        investing ...": after the partner only its genitive, capitalised name words and a comma."""
        for k in range(me, min(me + 5, len(self.lows))):
            if k in relative_of:
                between = self.text[self.ends[me - 1]:self.starts[k]]
                words = between.replace("’s", " ").replace("'s", " ").replace(",", " ").split()
                return relative_of[k] if between.rstrip().endswith(",") and all(w[:1].isupper() for w in words) else None
        return None

    def _from_home_port(self, cues, clause, mi: int) -> bool:
        """Kazakhstan's side before token mi in its clause as where the goods leave from: after "from", with
        an origin ending ("Ақтаудан"), or before "via" after it ("Ақтау порты арқылы")."""
        via_after = [a for a, _ in cues.get("via_after", ())]
        for k in self._home_at:
            if k < mi and clause[k] == clause[mi] and (self._after_cue(cues, "origin", k, 0) or (
                    self.g.origin_endings and self.lows[k].endswith(self.g.origin_endings)) or any(k < a <= k + 2 for a in via_after)):
                return True
        return False

    def _relatives_after(self, cues, me: int) -> list[int]:
        """The relative pronoun right after a partner, past its company's capitalised name and a comma
        ("Canada's Cameco, which"), or none."""
        for k, _ in cues["relative"]:
            if me <= k <= me + 4:
                words = self.text[self.ends[me - 1]:self.starts[k]].replace("’s", " ").replace("'s", " ")
                if words.rstrip().endswith(",") and all(w[:1].isupper() for w in words.replace(",", " ").split()):
                    return [k]
        return []

    def _in_quoted_name(self, k: int) -> bool:
        """Token k stands inside quotes that hold a short capitalised name ("«Казмортрансфлот»",
        "«Актауский морской торговый порт»"), not a quoted statement."""
        a, b = self.s.start_char, self.s.end_char
        opened = max(self.text.rfind(q, a, self.starts[k]) for q in _OPEN_QUOTES)
        if opened < 0:
            return False
        close = _CLOSE_QUOTES.get(self.text[opened], "")
        shut = min((x for x in (self.text.find(c, self.ends[k], b) for c in close) if x >= 0), default=-1)
        if shut < 0 or any(self.text.find(c, opened + 1, self.starts[k]) >= 0 for c in close if c != self.text[opened]):
            return False
        name = self.text[opened + 1:shut]
        after = self.text[shut + 1:b].lstrip()[:1]
        before = self.text[a:opened].rstrip()[-1:]
        if after in (",", "—", "–", "-") or before == ":":
            return False  # "«Мы будем торговать с Китаем», — сказал министр": a quoted statement
        return 0 < len(name) <= 60 and name[:1].isupper() and len(name.split()) <= 6 and not name.rstrip().endswith(
            (".", "!", "?"))

    def _marks_between(self, b: int, i: int, marks: str) -> bool:
        """One of marks stands between the end of token b-1 and token i ("talks, then a deal")."""
        return any(ch in self.text[self.ends[b - 1]:self.starts[i]] for ch in marks)

    def _gap(self, k: int) -> str:
        """What stands between token k-1 and token k (spaces, punctuation)."""
        return self.text[self.ends[k - 1]:self.starts[k]]

    def _closes_before(self, k: int, marks: str) -> bool:
        """The clause ends before token k: the sentence ends there, or one of marks follows token k-1."""
        return k == len(self.lows) or any(ch in self._gap(k) for ch in marks)

    def token_of(self, char: int) -> int:
        """The token holding char (or the last one starting before it)."""
        k = bisect_right(self.starts, char) - 1
        return k if k > 0 else 0

    def events(self, crossings: dict[str, tuple[str, ...]], document_partners: set[str]) -> list[ActivityEvent]:
        if not self.starts or self.text[self.s.start_char:self.s.end_char].rstrip().endswith("?"):
            return []
        hits = self.hits
        # '"Could India sign something similar?" asked an analyst': what stands before a question mark
        # is asked, not stated (the words after it, who asks, are no act either way)
        asked = self.text.rfind("?", self.s.start_char, self.s.end_char)
        if asked >= 0:
            hits = [h for h in hits if self.starts[h[1]] > asked]
            self.partners = [p for p in self.partners if p.start_char > asked]  # (nor who is asked about)
            if not hits:
                return []
        cues: dict[str, list[tuple[int, int]]] = {}
        for role, i, j in self.cue_hits:  # (no setdefault: it would make a list per cue word)
            if role in cues:
                cues[role].append((i, j))
            else:
                cues[role] = [(i, j)]
        # "trade minister", "министр торговли": a title, not an act of trade
        # ... nor is a fixed phrase that holds a trigger word ("z udziałem Niemiec": with Germany taking part)
        for role in ("title", "fixed"):
            if role in cues:
                hits = [h for h in hits if not any(a <= h[1] < b for a, b in cues[role])]
                if not hits:
                    return []
        # "на фоне санкций против России", "amid sanctions on Russia": the acts inside the frame's phrase, up to
        # the partner it names, are the backdrop's
        if "backdrop_np" in cues:
            named = sorted(self.token_of(p.start_char) for p in self.partners)
            frames = [(j, k) for _i, j in cues["backdrop_np"] for k in named if j <= k < j + _BACKDROP_NP
                      and not self._marks_between(j, k, ",;:")][:1]
            if frames:
                hits = [h for h in hits if not any(j <= h[1] <= k for j, k in frames)]
                if not hits:
                    return []
        # "Freedom Finance", "the Eurasian Development Bank": a capitalised trigger right after a capitalised
        # word is a word of a name (not where nouns are capitalised, nor in a headline in title case; a
        # way's name, "the Middle Corridor", is still the way)
        if not self.g.capitalised_nouns:
            named_at = [h for h in hits if h[1] > 0 and h[0] != "transit" and self.text[self.starts[h[1]]].isupper()
                        and self.text[self.starts[h[1] - 1]].isupper() and self._gap(h[1]) == " "]
            if named_at and sum(self.text[k].isupper() for k in self.starts) * 2 < len(self.starts):
                hits = [h for h in hits if h not in named_at]
                if not hits:
                    return []
        # "«Актауский морской торговый порт»", "„Търговска банка“": a word of a quoted name is no act
        if any(self.text.find(q, self.s.start_char, self.s.end_char) >= 0 for q in _OPEN_QUOTES):
            hits = [h for h in hits if not self._in_quoted_name(h[1])]
            if not hits:
                return []
        # "Turkey's STAR refinery, owned by Azerbaijan's SOCAR": ownership is an investment only of what
        # Kazakhstan's side names just before it ("Tengizchevroil, which is 50% owned by US major Chevron")
        if "owned_by" in cues:
            named = [(self.token_of(m.start_char), m.entity_type) for m in self.home + self.partners]
            # (or just after it, what the owner holds: "Китайской CNPC принадлежит 50% акций казахстанской компании")
            owned = {a for a, _ in cues["owned_by"] if max((x for x in named if x[0] < a), default=(0, ""))[1] != "home"
                     and not any(x == "home" and a < k <= a + _STAKE_REACH + 1 for k, x in named)}
            if owned:
                hits = [h for h in hits if not (h[0] == "invest" and h[1] in owned)]
                if not hits:
                    return []
        # "Swiss trader Glencore", "трейдер Vitol": a company's description before its name is no act
        if not self.g.company_words.isdisjoint(self.lows):
            hits = [h for h in hits if not (self.lows[h[1]] in self.g.company_words and h[2] < len(self.lows)
                                            and self.text[self.starts[h[2]]].isupper() and not self._gap(h[2]).strip())]
            if not hits:
                return []
        # "куди прибули Володимир Путін та лідери", "arrived ministers of ...": people who travel are no goods
        if self.g.officials and any(t == "move" for t, _, _ in hits):
            hits = [h for h in hits if not (h[0] == "move" and h[2] < len(self.lows) and not self.commodities and (
                self.lows[h[2]].startswith(self.g.officials) or self._person_at(h[2])))]
            if not hits:
                return []
            # "President Tokayev travels to Paris", "the delegation went on to Rome": a person who goes
            # somewhere visits it
            if not self.commodities:
                hits = [("consult", i, j) if t == "move" and self._traveller_before(cues, i) else (t, i, j)
                        for t, i, j in hits]
        # "China Railway", "Russian Railways": a word of a partner's name is no act
        named = [(p.start_char, p.end_char) for p in self.partners
                 if p.mention_kind != "anaphor" and " " in self.text[p.start_char:p.end_char]]
        if named:
            hits = [h for h in hits if not any(a <= self.starts[h[1]] < b for a, b in named)]
            if not hits:
                return []
        # "Abu Dhabi Ports", "Russian Railways": a capitalised word of the way right after a partner's
        # name is a company's name (a verb such as "China Imports" in a headline still acts)
        if any(t == "transit" for t, _, _ in hits):
            # (a capitalised name: German capitalises every noun, "über georgische Häfen" is the way)
            ends = {p.end_char for p in self.partners if p.mention_kind != "anaphor" and self.text[p.start_char].isupper()}
            hits = [h for h in hits if not (h[0] == "transit" and self.text[self.starts[h[1]]].isupper()
                                            and self.starts[h[1]] - 1 in ends and self.text[self.starts[h[1]] - 1] == " ")]
            if not hits:
                return []
        self._cues = cues
        # "trade restrictions", "торговые ограничения", "restrictions commerciales", "сауда шектеулері": the word
        # "trade" that says what a sanction restricts is no act of trade
        if "trade_modifier" in cues:
            hostile = [(i, j) for t, i, j in hits if t in _HOSTILE]
            if hostile:
                modifiers = {i for i, _ in cues["trade_modifier"]}
                hits = [h for h in hits if not (h[0] == "trade" and h[1] in modifiers and any(
                    i == h[2] or j == h[1] for i, j in hostile))]
                if not hits:
                    return []
        # "рейстерінің санын аптасына 7-ге жеткізу" (to bring the sailings up to seven): a move verb right after a
        # number in the destination case raises a count, it carries no goods
        if self.g.destination_endings and any(t in ("move", "trade") for t, _, _ in hits):
            lows = self.lows
            hits = [h for h in hits if not (h[0] in ("move", "trade") and h[1] >= 2 and lows[h[1] - 1] in self.g.destination_endings
                                            and lows[h[1] - 2][:1].isdigit())]
            if not hits:
                return []
        # "China received about 260,000 tonnes", "Китай отримав 260 тис. тонн": receiving is trade only
        # with a quantity of goods right after it (not "received the ambassador", "received a loan")
        received = {i for i, _ in cues["receive"]} if "receive" in cues else ()
        if received:
            # (or fronted before it, the verb after its object: "Ще 2,1 тис. тонн яловичини отримала Саудівська Аравія")
            hits = [h for h in hits if h[0] != "trade" or h[1] not in received or self._quantity_after(cues, h[2]) or (
                h[1] >= _QUANTITY_REACH and not any(m in self.text[self.starts[h[1] - _QUANTITY_REACH]:self.starts[h[1]]]
                                                    for m in (", ", ";", ":"))
                and self._quantity_after(cues, h[1] - _QUANTITY_REACH))]
            if not hits:
                return []
        # "Największym dostawcą wołowiny do Wietnamu pozostaje Australia", "The largest supplier of beef to
        # Vietnam remains Australia, whose ships ...": a ranking of others' trade, no Kazakh side in the sentence
        # (not one list of buyers: "Основными покупателями ... остаются заводы Италии и Нидерландов")
        if "superlative" in cues and not self.home and len({p.entity_id for p in self.partners}) > 1 and len(
                {self._list_head(self.token_of(p.start_char)) for p in self.partners}) > 1 and any(
                0 <= i - b <= 1 and any(j <= self.token_of(p.start_char) <= j + _RANKED_IN and not any(
                    j <= a < self.token_of(p.start_char) for a, _ in cues.get("copula", ())) and (
                    not self.g.case_endings or self._ends_in_case(p)) for p in self.partners)
                for _t, i, j in hits if _t in _MOVING for _a, b in cues["superlative"]):
            # (the ranking names the market it ranks in: not "Основным покупателем экибастузского угля остается
            # Россия: ..., в Киргизию — 2,3 млн тонн", whose other partners are buyers of the same goods)
            hits = [h for h in hits if h[0] not in _MOVING]
            if not hits:
                return []
        # "Russia, still the largest arms supplier in Central Asia, did not comment": a rank in an apposition
        # describes the partner, it states no act of its own (unless it names Kazakhstan or its goods:
        # "L'Allemagne, premier fournisseur européen du Kazakhstan,", "principal débouché du brut CPC")
        if "superlative" in cues and self.partners:
            opened = [self.token_of(p.end_char - 1) + 1 for p in self.partners if self.text.startswith(",", p.end_char)]
            ours = [self.token_of(m.start_char) for m in self.home + self.routes]
            ranked = {i for _t, i, _j in hits if _t in _MOVING and any(
                0 <= i - b <= 1 and not any(b <= k < i for _u, k, _v in hits) and any(
                    0 <= a - k <= _APPOSED_RANK for k in opened) for a, b in cues["superlative"])
                and not any(i < k <= i + _APPOSED_RANK + 3 and not self._marks_between(i + 1, k, ",;") for k in ours)}
            # (the only trade word: "Saudi Arabia, the region's biggest importer, bought 12,000 tonnes" buys)
            if ranked and all(i in ranked for _t, i, _j in hits if _t in _MOVING):
                hits = [h for h in hits if h[1] not in ranked]
                if not hits:
                    return []
        coordinated = self._coordinated(cues, hits) if len(hits) > 1 and self.partners and (
            hits[-1][1] - hits[0][1] > 2) and not self.g.coordinators.isdisjoint(self.lows) else ()
        stated = hits  # (every trigger, also those a negation cancels: "has not signed ... with Iran and exports")
        clause = self._clauses(cues, coordinated)
        # (most sentences have no negation word or ending: no call)
        negated = self._negated(cues, clause, hits) if self.g.negative_endings or not _NEGATING.isdisjoint(cues) else ()
        granted = self._concessive(cues) if "conditional" in cues else ()
        conditional = {clause[i] for i, _ in cues["conditional"] if (i == 0 or clause[i - 1] != clause[i])
                       and i not in granted} if "conditional" in cues else ()
        if "conditional" in cues and "speculation" in cues:  # "could go through Georgia if Warsaw
            # decides": a clause in the mood of "could" beside an "if" is as hypothetical as the "if"
            conditional = {*conditional, *(clause[i] for i, _ in cues["speculation"])}
        # "export controls" (sanction) holds "export" (trade): the longest words win
        if len(hits) > 1 and any(j - i > 1 for _, i, j in hits):
            hits = [(t, i, j) for t, i, j in hits
                    if not any(a <= i and j <= b and b - a > j - i for _, a, b in hits)]
        if "prohibit" in cues:
            # "must not be re-exported to Russia", "nie mogą trafić do Rosji", "не может быть реэкспортировано",
            # "dürfen nicht ... nach Russland weiterverkauft werden": goods forbidden to go somewhere are a
            # restriction on that trade, a sanction, not a denied sale
            barred = {i for t, i, j in hits if t in _MOVING and any(
                0 <= i - b <= _PROHIBIT_REACH and clause[a] == clause[i] for a, b in cues["prohibit"])}
            if barred:
                hits = [("sanction", i, j) if i in barred else (t, i, j) for t, i, j in hits]
                negated = set(negated) - barred
        if negated or conditional:
            hits = [(t, i, j) for t, i, j in hits if i not in negated and clause[i] not in conditional]
        types = {t for t, _, _ in hits}
        # (being present at a signing is no talk about it: "a été signé en présence de l'ambassadeur")
        presence = {i for role in ("attendees", "attendees_after") for i, _ in cues.get(role, ())} if "consult" in types else ()
        # "rozmawiał o dostawach ropy", "discussed oil supplies": what the talks are about, not an act
        if "consult" in types and len(types) > 1:
            talks = [(j, clause[i]) for t, i, j in hits if t == "consult" and i not in presence]
            # (further on after "about": "ведет переговоры с Азербайджаном про прокладання кабелю ... для
            # експорту", "discuter de l'accès aux programmes américains de financement")
            about = [a for a, _ in cues.get("topic_about", ())]
            # (or before a final verb of talking, after "about": "mit Warschau über Lieferungen ... zu sprechen")
            talk_at = [(i, clause[i]) for t, i, j in hits if t == "consult" and i not in presence] if about else ()
            hits = [(t, i, j) for t, i, j in hits if t not in _TOPICS or not (any(
                0 <= i - b <= (_ABOUT_REACH if t in ("trade", "invest", "cooperate") and any(b <= a < i for a in about) else _TOPIC_REACH)
                and c == clause[i] and not self._marks_between(b, i, ",.:") for b, c in talks) or any(
                0 < i - a and k - a <= _ABOUT_REACH and j <= k and c == clause[i] == clause[a]
                and not self._marks_between(j, k, ",.:;") for a in about for k, c in talk_at))]
            types = {t for t, _, _ in hits}
        # "ұзақ мерзімді келісім бойынша келіссөздер жүріп жатыр": an agreement that talks are about
        # (before them, in a verb-final language) is not reached yet
        if "about" in cues and "consult" in types and "agree" in types:
            about = {i for i, _ in cues["about"]}
            talks_at = {i for t, i, _ in hits if t == "consult" and i not in presence}
            hits = [(t, i, j) for t, i, j in hits if not (
                t == "agree" and j in about and (j + 1 in talks_at or j + 2 in talks_at))]
            types = {t for t, _, _ in hits}
        # "negocjuje obecnie kontrakt", "verhandelt seit Mai über ein Rohstoffabkommen", "are negotiating a
        # free trade agreement": an agreement the talks are about is not reached (unless a verb of its own
        # signs it: "negotiated and signed a deal" has "and" between them, so does "met and signed")
        if "consult" in types and "agree" in types and "negotiate" in cues:
            bargaining = {i for i, _ in cues["negotiate"]}
            talks = [(j, clause[i]) for t, i, j in hits if t == "consult" and i in bargaining]
            pending = {i for t, i, j in hits if t == "agree" and any(
                0 <= i - b <= _TOPIC_REACH + 3 and c == clause[i] and self.g.coordinators.isdisjoint(self.lows[b:i])
                and not self._marks_between(b, i, ",.:;") for b, c in talks)}
            # (but "un contrat ..., qui pourrait être signé d'ici la fin de l'année": its signing is stated)
            if pending and all(i in pending for t, i, j in stated if t == "agree"):
                hits = [h for h in hits if h[1] not in pending]
                types = {t for t, _, _ in hits}
        # "Ці домовленості обговорювали під час візиту", "these agreements were discussed": an agreement right
        # before the talks is what they are about, not reached (unless another agreement word of the sentence is)
        if "consult" in types and "agree" in types:
            talk_starts = [i for t, i, j in hits if t == "consult" and i not in presence]
            pending = {i for t, i, j in hits if t == "agree" and any(
                0 <= c - j <= 1 and clause[c] == clause[i] and self.g.coordinators.isdisjoint(self.lows[j:c])
                and not self._marks_between(j, c, ",.:;") for c in talk_starts)}
            if pending and all(i in pending for t, i, j in stated if t == "agree"):
                hits = [h for h in hits if h[1] not in pending]
                types = {t for t, _, _ in hits}
        # "келісімнің жобасын талқылады", "discussed a draft agreement": a draft is no agreement reached
        # (unless another agreement word of the sentence is one)
        if "draft" in cues and "agree" in types:
            drafts = [i for i, _ in cues["draft"]]
            pending = {i for t, i, j in hits if t == "agree" and any(
                abs(d - i) <= 2 and clause[d] == clause[i] for d in drafts)}
            if pending and all(i in pending for t, i, j in stated if t == "agree" and i not in negated):
                hits = [h for h in hits if h[1] not in pending]
                types = {t for t, _, _ in hits}
        # "the Baku-Tbilisi-Ceyhan pipeline, which crosses Georgia": a route's own crossing is the route's
        # (its countries come with it), no movement of its own
        # (a route the goods leave from or go to is no subject: "пристигат от Актау до Баку и прекосяват Грузия")
        subjects = [k for k in (self.token_of(r.start_char) for r in self.routes)
                    if not self._after_any(cues, ("origin", "destination"), k, 1)] if (
            self.routes and "move" in types and "via" in cues) else ()
        if subjects:
            crossing = {i for i, _ in cues["via"]}
            first_route = min(subjects)
            hits = [h for h in hits if not (h[0] == "move" and h[1] in crossing and first_route < h[1])]
            types = {t for t, _, _ in hits}
        # "invest $60 million in a grain terminal in Poti": the terminal invested in is the works, no
        # goods on their way
        if "invest" in types and "transit" in types and "facility" in cues:
            facilities = {i for i, _ in cues["facility"]}
            invested = [(i, j) for t, i, j in hits if t == "invest"]
            # (or before it, verb last: "in ein Getreideterminal im iranischen Hafen investieren")
            # (and the port the works stand in: "in a grain terminal in the Georgian port of Poti")
            hits = [h for h in hits if not (h[0] == "transit" and any(
                (f == h[1] or 0 < h[1] - f <= _WORKS_PLACE) and any(
                    (0 <= f - b <= _WORKS_INVESTED or 0 < a - f <= _WORKS_INVESTED) and clause[f] == clause[a]
                    for a, b in invested) for f in facilities if clause[f] == clause[h[1]]))]
            types = {t for t, _, _ in hits}
        # what moves, for a route or port that implies transit: not the route's own words
        # ("Caspian Pipeline Consortium"), but a halted shipment still went that way
        moves = []
        if not types.isdisjoint(_MOVING):
            in_route = [(self.token_of(r.start_char), self.token_of(r.end_char - 1)) for r in self.routes]
            moves = [(i, j) for t, i, j in hits
                     if t in _MOVING and not (in_route and any(a <= i <= b for a, b in in_route))]
        # "threatened Kazakh banks with secondary sanctions": the threat is the sanction's, not an attack
        if "sanction" in types and "conflict" in types:
            # (a threat word with sanctions anywhere after it in its clause: "Bruxelles menace depuis des
            # mois d'inscrire des sociétés kazakhes sur la liste de son 20e paquet de sanctions")
            sanction_at = [i for t, i, j in hits if t == "sanction"]
            threats = {i for i, _ in cues.get("threat", ())}
            hits = [(t, i, j) for t, i, j in hits
                    if not (t == "conflict" and any(0 < k - i and i in threats and clause[k] == clause[i]
                                                    for k in sanction_at))]
        # "выделил квоту на импорт", "allocated a quota": a quota granted is trade, no money invested
        if "quota" in cues and "invest" in types:
            quotas = {i for i, _ in cues["quota"]}
            hits = [(t, i, j) for t, i, j in hits if not (t == "invest" and j in quotas)]
            types = {t for t, _, _ in hits}
        # "доля CPC Blend в поставках", "udział w eksporcie": a share of trade is a statistic, not a stake
        # "udział ropy z Kazachstanu", "the share of Kazakh oil": a share of goods is a statistic, no stake
        if "share" in cues and "invest" in types and self.commodities:
            goods = {self.token_of(g.start_char) for g in self.commodities}
            # (not a share in works that make them: "ma udziały w zakładzie metali ziem rzadkich")
            works = [i for role in ("works", "facility") for i, _ in cues.get(role, ())]
            of_goods = {i for i, j in cues["share"] if any(j <= k <= j + 2 and not any(j <= w < k for w in works)
                                                             for k in goods)}
            hits = [h for h in hits if not (h[0] == "invest" and h[1] in of_goods)]
            types = {t for t, _, _ in hits}
        if "share" in cues and "invest" in types and ("trade" in types or "move" in types):
            shares = {i for i, _ in cues["share"]}
            traded = [i for t, i, j in hits if t in ("trade", "move")]
            hits = [(t, i, j) for t, i, j in hits if not (
                t == "invest" and i in shares and any(2 <= k - i <= 4 and clause[k] == clause[i] for k in traded))]
            # "купила долю", "kupił udział", "үлесін сатып алды": buying a stake is the investment, not trade
            stakes = [i for t, i, j in hits if t == "invest" and i in shares]
            hits = [(t, i, j) for t, i, j in hits if not (
                t in ("trade", "move") and any(-1 <= s - i <= 2 and s != i and clause[s] == clause[i] for s in stakes))]
            types = {t for t, _, _ in hits}
        # "banned imports", "приостановила отгрузку", "bought a stake": stopping trade is the
        # sanction, buying a share the investment, not trade
        # (not a sanction that dates the trade: "До запровадження обмежень Пекін купував", "before the ban")
        stops = [j for t, i, j in hits if t in ("sanction", "invest") and not any(
            a == i for a, _ in cues.get("subsidiary", ())) and not any(
            1 <= i - b <= 2 for _a, b in cues.get("time_before", ()))] if (
            "sanction" in types or "invest" in types) and ("trade" in types or "move" in types) else ()
        if stops:  # (not a second predicate: "investieren und vor allem Importe aus der Türkei finanzieren")
            hits = [(t, i, j) for t, i, j in hits if not (
                t in ("trade", "move") and any(b <= i <= b + 4 and clause[i] == clause[b - 1] and
                                               self.g.coordinators.isdisjoint(self.lows[b:i]) for b in stops))]
            # ... or a stop that ends the clause after the trade it stops ("hat die Einfuhr von Rindfleisch
            # aus Kasachstan ausgesetzt", "импорт говядины ... приостановлен")
            n = len(self.lows)
            final = [i for t, i, j in hits if t == "sanction" and (j == n or any(ch in self._gap(j) for ch in ",.;:"))]
            if final:
                hits = [(t, i, j) for t, i, j in hits if not (
                    t in ("trade", "move") and any(0 < f - i <= _FINAL_STOP_REACH and clause[i] == clause[f] and
                                                   self.g.coordinators.isdisjoint(self.lows[i:f]) for f in final))]
        # "Uzbekistan signed a similar deal with BYD", "a separate package with Uzbekistan": another side's act
        # of the same kind, in a clause with no Kazakh side, is background
        home = self._home(cues)
        if "other_deal" in cues or "similar_deal" in cues:
            homes = {clause[k] for k in home}
            others = {clause[a] for a, _b in cues.get("other_deal", ())} - homes
            # (talks about a similar deal are talks: "Talks with the UAE on a similar halal agreement are under way";
            # a separate deal is another side's: "a separate package with Uzbekistan")
            similar = {clause[a] for a, _b in cues.get("similar_deal", ())} - homes
            hits = [(t, i, j) for t, i, j in hits if clause[i] not in others and (clause[i] not in similar or t == "consult")]
        # "Die Ukraine und Russland liefern zusammen mehr als die Hälfte des global gehandelten Sonnenblumenöls":
        # a partner's trade with the world, in a clause with no Kazakh side, is its own
        # (or a share of the world's trade right after a partner's verb: "liefern ... mehr als die Hälfte des
        # global gehandelten Sonnenblumenöls")
        if "world" in cues and self.partners and not types.isdisjoint(_MOVING):
            worldwide = {clause[a] for a, _ in cues["world"]} - {clause[k] for k in home}
            world_at = [a for a, _ in cues["world"]]
            hits = [(t, i, j) for t, i, j in hits if not (t in _MOVING and (clause[i] in worldwide or (
                any(j <= a <= j + _WORLD_SHARE_REACH and clause[a] == clause[i] for a in world_at)
                and self._actor_before(clause, i) == "partner")))]
        # "действующий контракт истекает через 14 месяцев", "the current contract expires in May": an agreement
        # said to run out is an old one, no agreement stated
        if "expire" in cues:  # (the agreement word nearest before it only: "signed a contract that expires")
            run_out = {max((i for t, i, j in hits if t == "agree" and i < a), default=-1) for a, _ in cues["expire"]}
            hits = [(t, i, j) for t, i, j in hits if not (t == "agree" and (i in run_out and any(
                0 <= a - j <= _EXPIRE_REACH and clause[a] == clause[i] for a, _ in cues["expire"]) or any(
                0 <= i - b < _EXPIRE_REACH and clause[a] == clause[i] for a, b in cues["expire"])))]
            # (or right before it: "gdy wygasną obecne kontrakty", "expiring contracts", "auslaufende Verträge")
        if not hits:
            return []
        types = {t for t, _, _ in hits}  # (what the three tests above left)

        found: dict[tuple[str, str], ActivityEvent] = {}
        stated_at: dict[str, list[int]] = {}  # partner -> tokens of its specific (non-cooperate) triggers
        agreed_at: dict[str, list[int]] = {}  # partner -> tokens of its agreements
        talked_at: dict[str, list[int]] = {}  # partner -> tokens of its agreements and talks

        # "Under the agreement, the US will train 40 Kazakh geologists", "Споразумението предвижда и
        # обучение": an agreement the sentence refers back to is no statement of the act it provides for
        referring = {i for t, i, j in hits if t == "agree" and (
            any(j <= a <= j + 3 for a, _ in cues.get("provides", ())) or any(
                0 <= i - b <= 1 for _, b in cues.get("under", ())) or any(
                a == j for a, _ in cues.get("under_after", ())))} if (  # ("келісім аясында": after its noun)
            "provides" in cues or "under" in cues or "under_after" in cues) else ()

        def add(pid: str, t: str, i: int, j: int, p: Mention | None, span: tuple[int, int] | None = None):
            if t != "cooperate" and i not in referring:  # (no setdefault: it would make a list per call)
                if pid in stated_at:
                    stated_at[pid].append(i)
                else:
                    stated_at[pid] = [i]
                if t == "agree":
                    agreed_at.setdefault(pid, []).append(i)
                if t in ("agree", "consult"):
                    talked_at.setdefault(pid, []).append(i)
            if (pid, t) in found:
                return
            a, b = span or (self.starts[i], self.ends[j - 1])
            # "A delegation ... will visit Astana": a noun's act is as planned as its verb right after
            planned = self._planned(cues, clause, i) or any(
                self._planned(cues, clause, k) for tk, k, _ in hits if tk == t and i < k <= i + _VERB_REACH
                and clause[k] == clause[i] and self.g.coordinators.isdisjoint(self.lows[i + 1:k]))
            found[(pid, t)] = ActivityEvent(
                pid, t, self._sector(a), planned, self.s.index, a, b, self.text[a:b],
                p.start_char if p else None, p.end_char if p else None)

        self._home_at = home
        kz_clauses = {clause[k] for k in home}
        # "China has cut its exports by a fifth", "Südafrika hatte seine Exporte gekürzt": a partner's
        # own exports, in a clause with no Kazakh side, are its trade with others
        if "own_exports" in cues:
            hits = [h for h in hits if not (h[0] in _MOVING and clause[h[1]] not in kz_clauses and any(
                a <= h[1] < b for a, b in cues["own_exports"]))]
            if not hits:
                return []
            types = {t for t, _, _ in hits}
        # "Вицепремиерът на Грузия пристигна в Астана", "est arrivé mercredi à Astana": a move that
        # ends in Kazakhstan with no goods named is a visit of the partner before it
        # (a person: "minister", "вицепремиерът", not "Chinese containers arrived in Almaty")
        # (goods named only after the arrival are what the visit signed: "пристигна в понеделник в
        # Астана, където подписа меморандум за доставки на зърно")
        goods_at = [self.token_of(m.start_char) for m in self.commodities]
        arrivals = {i for t, i, j in hits if t == "move" and any(
            j <= k <= j + 4 and not any(g <= k for g in goods_at) for k in home) and any(
            k < i and clause[k] == clause[i] and self.lows[k].startswith(self.g.officials) for k in range(i))} if (
            "move" in types and home and self.g.officials) else ()
        # "from China to Europe through Kazakhstan": the country by name, not a Kazakh port
        # ("über kasachisches Gebiet": a demonym with "territory" is the country too)
        territory = self._territory_at(cues)
        via_home = bool(moves) and any(self._on_the_way(cues, clause, k, k + 1) for k in (
            self.token_of(m.start_char) for m in self.home if m.mention_kind in ("name", "abbreviation") or (
                territory and (self.token_of(m.end_char - 1) + 1 in territory or self.token_of(m.start_char) - 1 in territory))))
        self._suffix_role = {}
        if self.g.case_endings:
            for p in self.partners:
                last = self.token_of(p.end_char - 1)
                role = next((r for suf, r in self.g.case_endings if self.lows[last].endswith(suf)), None) \
                    if self.lows[last] not in self.g.bare_names else None
                if role is None and last + 1 < len(self.lows) and self._gap(last + 1) in _HYPHENS:
                    # an abbreviation takes its ending after a hyphen: "АҚШ-қа", "ЕО-мен"
                    role = next((r for suf, r in self.g.case_endings if self.lows[last + 1] == suf), None)
                if role:
                    self._suffix_role[self.token_of(p.start_char)] = role
            if self._suffix_role and len(self.partners) > 1:
                # a list takes its case on its last member: "Түркия мен Италияға" both go there
                firsts = [self.token_of(q.start_char) for q in self.partners]
                for k in firsts:
                    if k not in self._suffix_role:
                        h = self._list_head(k)
                        later = {self._suffix_role[q] for q in firsts if q > k and q in self._suffix_role
                                 and self._list_head(q) == h}
                        if len(later) == 1:
                            self._suffix_role[k] = later.pop()
        ways = [i for t, i, j in hits if t == "transit"] if "transit" in types else ()
        # a role binds to the nearest trade word
        self._trade_words = [i for t, i, j in hits if t in ("trade", "move")] if (
            "trade" in types or "move" in types) else ()
        parties = []
        moved_to = [b for _, b in moves]
        if moved_to and "import" in cues:  # "l'uranium importé par la France": the agent buys, no way
            bought = {b for _, b in cues["import"]}
            moved_to = [b for b in moved_to if b not in bought]
        # the partners' ports named ("port:TR"), and the ports where goods are unloaded for one (looked for once)
        ports = [role for role in cues if role.startswith("port:")]
        dest_ports = [role for role in cues if role.startswith("dest_port:")]
        hubs = [role for role in cues if role.startswith("hub:")]
        port_ends: dict[str, list[int]] = {}
        if moves and self.partners and len(cues) > 1:
            for role in ports:  # (not the end of a named route: "Baku–Tbilisi–Ceyhan in die Türkei")
                port_ends.setdefault(role[5:], []).extend(b for a, b in cues[role] if not any(
                    r.start_char <= self.starts[a] < r.end_char for r in self.routes))
        visitor = None if not home else False  # (asked only for a partner after "to" or "with")
        gapped = self._gapped() if len(self.partners) > 1 else ()
        framed_clauses: set[int] = set()
        for p in self.partners:
            if p in gapped:
                continue  # ("China received 260,000 t, Uzbekistan 55,000 t": the verb left out, see below)
            if visitor is not False and (self._suffix_role.get(self.token_of(p.start_char)) in ("destination", "with") or
                                         self._after_any(cues, ("destination", "with"), self.token_of(p.start_char), 2)):
                if visitor is None:
                    visitor = self._foreign_person_opens()
                if visitor:
                    continue  # "Aliyev later flew to Tashkent, where he signed a deal with Uzbekistan": his trip
            if "region" in cues and p.mention_kind in ("demonym", "name") and self._region_after(cues, p):
                continue  # "in der russischen Region Brjansk": a place where something happens, no party
            if "offshore" in cues and self._after_cue(cues, "offshore", self.token_of(p.start_char), 0):
                continue  # "seized a tanker off the coast of Oman", "у берегов Омана": where it happens, no party
            if self.routes and any(r.start_char <= p.start_char and p.end_char <= r.end_char for r in self.routes):
                continue  # "Tbilisi" inside "Baku-Tbilisi-Ceyhan": the route speaks for it
            mi, me = self.token_of(p.start_char), self.token_of(p.end_char - 1) + 1
            if me in self.__dict__.get("_appositive", ()):
                me = self._appositive[me]  # "China, the world's largest steel producer, imports"
            head = self._list_head(mi)
            # "За даними Єврокомісії, ЄС готовий ...", "Unlike China, Russia buys": two names with only a
            # comma between them, no "and" in the list, are a frame's partner and the next clause's subject
            framed = mi if head != mi and "," in self._gap(mi) and self.g.coordinators.isdisjoint(
                self.lows[head:self._list_end(head)]) else head
            if self._background(cues, clause, framed, me) or ("backdrop" in cues and any(
                    i < mi and clause[i] == clause[mi] for i, _ in cues["backdrop"])) or ("backdrop_np" in cues and any(
                    # "на фоне санкций против России", "vor dem Hintergrund der Sanktionen gegen Russland": the
                    # frame's own phrase, not the clause after it ("На фоне инцидента компания решила ...")
                    j <= mi < j + _BACKDROP_NP and not self._marks_between(j, mi, ",;:") for i, j in cues["backdrop_np"])):
                if "relative" in cues:  # "Unlike Canada's Cameco, which sells mostly to U.S. utilities": what
                    # the relative clause of a compared partner says is background too
                    framed_clauses.update(clause[k] for k in self._relatives_after(cues, me))
                continue
            via = self._on_the_way(cues, clause, head, me, ways, moved_to)
            if via and p.mention_kind == "demonym" and me in ways and any(
                    me < i <= me + 2 and (t not in _MOVING or i in received) for t, i, _j in hits):
                via = None  # "грузинските железници договориха", "Georgian Railways signed": the company acts
                # (and "Узбецькі залізниці вже отримали 80 цистерн": the company receives)
            if via and p.mention_kind == "demonym" and me in ways and self._after_cue(cues, "with", mi, 0) and any(
                    t not in _MOVING and i < mi and clause[i] == clause[mi] for t, i, _j in hits):
                via = None  # "podpisała umowę z litewskim portem Kłajpeda": the port's company signs with her
            if via and mi in self._denied_at:
                via = False  # "transit via Ukraine is impossible": a way denied is bypassed, for every act
            if via is None and port_ends and p.entity_id in port_ends and any(
                    0 <= mi - b <= 2 for b in port_ends[p.entity_id]):
                via = True  # "do Ceyhan w Turcji", "Novorossiysk, Russia": the port on the way, not a buyer
            if via is None and not _LEGS.isdisjoint(cues) and (
                    self._suffix_role.get(mi) == "destination" or self._after_any(
                        cues, ("destination",), head - self._articles_in(cues, head - 2, head), 0)) and (
                    self._goes_on(cues, me)):
                via = True  # "Әзербайжанға жеткізіліп, одан әрі Грузия арқылы", "to Baku and from there": a stop
            if via is None and p.mention_kind != "demonym" and self._in_compound(p):
                via = True  # "Baku–Tbilisi–Kars line": a place on a route, not an actor (but "Kazakh-Chinese" is a pair)
            parties.append((p, mi, me, head, clause[mi], via))
        if framed_clauses:
            parties = [x for x in parties if x[4] not in framed_clauses]
        if not parties and not self.routes and not ports and not dest_ports and not hubs:
            return []
        if coordinated:  # "Turkey met ... and signed": the subject of the first predicate signs too,
            for k in coordinated:  # and the one met ("met Xi and signed"), not the buyer ("sold to China and signed")
                before, after = clause[k - 1], clause[k]
                first = min((i for t, i, j in stated if clause[i] == before), default=k)
                # (Kazakhstan goes on acting when it was the subject, not when it was the first act's
                # object and the second names a partner of its own: "Uzbekistan buys wheat from
                # Kazakhstan and sells flour to Afghanistan")
                if before in kz_clauses and (any(clause[h] == before and h < first for h in home) or not any(
                        c == before and head < first and not self._after_any(cues, _ROLE_CUES, head, 0)
                        for p, mi, me, head, c, via in parties) or not any(c == after for *_, c, _v in parties)):
                    kz_clauses.add(after)
                met = any(t == "consult" and clause[i] == before for t, i, j in stated)
                parties += [(p, mi, me, head, after, via) for p, mi, me, head, c, via in parties
                            if c == before and via is None and mi < k and (head < first or met)
                            and not self._after_any(cues, ("destination", "origin"), head, 1)
                            and not self._after_any(cues, ("via", "via_weak", "comparison"), head, 0)]
        # "... will discuss the attack at a meeting in Tashkent": a capital where others meet is the venue
        # (the capital only: "talks with China in Beijing", "the presidents of ... Tajikistan met in Dushanbe")
        venues = {mi for p, mi, _me, head, *_ in parties if p.mention_kind == "capital" and self._after_any(
            cues, ("place", "destination"), head, 0) and any(q.entity_id != p.entity_id and not self._after_cue(
                cues, "origin", qh, 0) for q, _qi, _qe, qh, *_ in parties)} \
            if ("consult" in types or "agree" in types) and len(parties) > 1 else ()  # (not the place one comes from: "Von Berlin aus
        # reist Tokajew nach Paris weiter" visits Paris)
        relative_of = {i: clause[i] for i, _ in cues.get("relative", ())}
        for i in list(relative_of):  # (", по которому": the preposition before the pronoun follows the antecedent)
            if i > 1 and len(self.lows[i - 1]) <= 3 and clause[i - 1] == clause[i]:
                relative_of[i - 1] = clause[i]
        own = {i for i, _ in cues.get("own", ())}
        # (a partner that welcomes, watches or comments on an act is no side of it; verb last too: "візит не коментувала")
        reactions = [j - 1 for _i, j in cues.get("reaction", ())]
        # "a summit, which the presidents of Turkey and Uzbekistan will attend": who takes part in the
        # meeting is said in the relative clause that hangs on it
        # ("a summit of Turkic states, which ...": a few words may stand between)
        attended = {i: relative_of[r] for t, i, j in hits if t == "consult" for r in relative_of if j <= r <= j + 4} \
            if "consult" in types and relative_of else {}
        # "на саміт ..., у якому також беруть участь лідери": taking part in the meeting is the meeting
        # (consult), no cooperation of its own
        # "Drone strike on Russian pumping station halts Kazakh oil flows", "Наводнение в Туркменистан спря
        # влаковете", "wstrzymany po wykolejeniu się składu": what a strike, a flood or a derailment stops
        # nobody stopped; a sanction needs a side that stops it ("Russia suspended transit after the attack")
        if "mishap" in cues and "sanction" in types:
            actors = [mi for p, mi, me, head, c, via in parties if p.mention_kind not in ("demonym", "port")
                      and not self._after_any(cues, (*_ROLE_CUES, "place"), head, 1)]
            hits = [h for h in hits if not (h[0] == "sanction" and any(
                clause[k] == clause[h[1]] for k, _ in cues["mishap"]) and not any(
                mi < h[1] and clause[mi] == clause[h[1]] for mi in actors))]
            types = {t for t, _, _ in hits}
        if "attend" in cues and "consult" in types and "cooperate" in types:
            taking_part = {i for i, _ in cues["attend"]}
            meetings = {clause[i] for t, i, j in hits if t == "consult"} | set(attended.values())
            hits = [h for h in hits if not (h[0] == "cooperate" and h[1] in taking_part and clause[h[1]] in meetings)]
            types = {t for t, _, _ in hits}
        # "eine Pumpstation des CPC in Russland", "станцию КТК в России": where an attack strikes is a
        # place, neither the attacker's counterpart nor a target of its own
        sites = {mi for p, mi, me, head, c, via in parties if self._suffix_role.get(head) == "place" or self._after_any(
            cues, ("destination", "place", "target"), head - self._articles_in(cues, head - 2, head), 0) or (
                # (a country in the genitive after the place: "в Краснодарском крае России"; not an adjective
                # after a month: "W lutym ukraińskie drony uszkodziły")
                p.mention_kind != "demonym" and self._after_any(cues, ("destination", "place"), head, 2)
                and not self.text[self.starts[head - 1]].isupper()
                and self.text[self.starts[head - 1]].isalpha())} if "conflict" in types else ()
        # "L'Union européenne, qui a imposé des sanctions contre la Russie, surveille les réexportations
        # via le Kazakhstan": a relative clause and the clause it hangs on are one statement for
        # what must be tied to Kazakhstan (a sanction, an attack)
        # (not when what Kazakhstan's clause says of it is denied: "Les États-Unis, qui interdisent
        # l'uranium russe, n'ont imposé aucune restriction au minerai kazakh")
        tied = kz_clauses
        # (nor when Kazakhstan's clause is denied in any words: "The European Union, which adopted its own
        # package of restrictions, has not listed any Kazakh firm")
        if kz_clauses and "relative" in cues and not types.isdisjoint(_NEEDS_HOME) and not any(
                t in _HOSTILE and i in negated and clause[i] in kz_clauses for t, i, _ in stated) and not any(
                clause[i] in kz_clauses and not any(a <= i < b for a, b in cues.get("not_negation", ()))
                for i, _ in cues.get("negation", ())):
            tied = set(kz_clauses)
            for k, _ in cues["relative"]:
                if k > 0 and clause[k] != clause[k - 1] and (clause[k] in kz_clauses or clause[k - 1] in kz_clauses):
                    tied.update((clause[k], clause[k - 1]))
        # "на поставки Казатомпрома не распространяется", "a step not yet applied to Kazakh lenders": the
        # sanction is said not to reach Kazakhstan's side
        if "not_tied" in cues or ("not_tied_verb" in cues and any(
                j <= a <= j + _OBJECT_NEGATION_REACH for _i, j in cues["not_tied_verb"] for a, _ in cues.get("negation", ()))):
            tied = set()  # (German puts "nicht" after the object: "betreffen das Vorhaben nach Angaben aus Astana nicht")
        if kz_clauses and self._time_opens and "not_tied" not in cues:  # "Kazakhstan tightens curbs after U.S. blacklists two firms"
            tied = {*tied, *(clause[k] for k in self._time_opens if clause[k - 1] in kz_clauses)}
        # "Россия и Китай договорились о поставках ... по территории Казахстана": Kazakhstan only as
        # the way is no party to their deal (the goods that cross it still give transit)
        via_ends = {b for _, b in cues.get("via", ())}
        kz_actors = {clause[k] for k in home if k not in via_ends and k - 1 not in via_ends} if via_ends else kz_clauses
        # "Xi ... held talks in Astana with Kyrgyz President Japarov": where two others talk, Astana is
        # the venue, no side of their talks
        # (in Astana, not to Astana: "arrived on an official visit to Astana from Georgia" is a visit)
        # (but a summit or forum in Astana is Kazakhstan's: "due in Astana for a summit ..., which the
        # presidents of Turkey and Uzbekistan will attend")
        kz_talkers = {clause[k] for k in home if clause[k] in kz_actors and not self._after_cue(
            cues, "place", k, 0)} if "consult" in types and len(parties) > 1 and "summit" not in cues else kz_actors

        def kz_sides(t: str) -> set[int]:  # the clauses where Kazakhstan's side of a t-act stands
            return kz_clauses if t in _MOVING else kz_talkers if t == "consult" else kz_actors

        third_party = set() if len(parties) < 2 else {
            (i, j) for t, i, j in hits
            if clause[i] not in (tied if t in _NEEDS_HOME else kz_sides(t))
            and self._third_party(
                cues, [x for x in parties if x[1] not in sites] if t == "conflict" and sites else parties,
                kz_sides(t), clause, i, j, t in _MOVING)}
        if "between" in cues and len(parties) > 1:
            third_party |= {(i, j) for t, i, j in hits if self._between_others(cues, parties, clause, i)}
        # "Най-големият доставчик на Китай остава Русия", "the largest supplier of China remains Russia":
        # a trade noun whose own partner follows it ("of") and another partner in a clause with no
        # Kazakh side is the two partners' trade
        if len(parties) > 1 and "trade" in types:
            for t, i, j in hits:
                if t == "trade" and clause[i] not in kz_sides(t):
                    # (not the rest of a list: "Основными покупателями были Италия, Нидерланды и Корея")
                    heads = {self._list_head(mi) for p, mi, *_ in parties if clause[mi] == clause[i] and (
                        mi == j + 1 and self.lows[j] in _GENITIVE_OF)}  # (not "купила Туреччина": a verb's subject)
                    its = {p.entity_id for p, mi, *_ in parties if self._list_head(mi) in heads}
                    if its and any(p.entity_id not in its and c == clause[i] for p, mi, me, head, c, via in parties):
                        third_party.add((i, j))
        # "China signed with Russia a new gas agreement": the clause is their deal, each of its words
        deal_clauses = {clause[i] for i, _ in third_party}
        # "Wegen ukrainischer Drohnenangriffe ... war der Export eingebrochen": the attacker named on its
        # attack is no buyer or seller of what the attack stopped
        attackers = {mi for p, mi, me, *_ in parties if p.mention_kind == "demonym" and any(
            t == "conflict" and i == me for t, i, _ in hits)} \
            if "conflict" in types else ()
        # "Kazzinc, eine Tochter des Schweizer Rohstoffkonzerns Glencore, verkauft ... in die Türkei": the
        # owner named right after "subsidiary" invests (its own act), and is no seller of what the
        # subsidiary sells; the subsidiary word invests for that owner only
        owned = self._owners(cues, parties) if "subsidiary" in cues else {}
        # "Китай ... сократил импорт казахстанского угля, поскольку наращивает закупки в Монголии": a
        # clause with no subject of its own and no Kazakh side goes on with the sentence's subject, a
        # partner: what it buys elsewhere is that partner's own trade
        # (not "Россия и Казахстан договорились ..., а доля CPC Blend в поставках в Италию": Kazakhstan shares it)
        opener = next((p for p, mi, *_ in parties if mi == 0 and p.mention_kind in ("name", "capital")), None)
        if opener is not None and any(h <= 3 and not self.g.coordinators.isdisjoint(self.lows[1:h]) for h in home):
            opener = None
        # "La France achète de l'uranium au Niger et au Kazakhstan", "Kazakhstan and Turkmenistan supply
        # gas to China": a partner listed with Kazakhstan, on the same side of another partner's trade,
        # is that partner's counterpart (or Kazakhstan's fellow seller), not Kazakhstan's
        fellows = self._listed_with_home(cues, parties) if home and len(parties) > 1 and (
            "trade" in types or "move" in types or ("consult" in types and "visit" in cues)) else {}
        # "підписали угоду про збільшення транзиту ... до Узбекистану і Киргизстану": a partner where the
        # goods the agreement (or the talks) are about go to, or come from, is the topic, no signatory
        about_at = [a for a, _ in cues["topic_about"]] if "topic_about" in cues and (
            "agree" in types or "consult" in types) else ()
        in_topic = {mi for p, mi, me, head, c, via in parties if any(
            j <= a < head and clause[a] == c == clause[i] and t in ("agree", "consult") for a in about_at
            for t, i, j in hits) and self._after_any(cues, ("destination", "origin"), head, 0)} if about_at else ()
        if in_topic and not any(mi not in in_topic and p.entity_id not in {q.entity_id for q, qi, *_ in parties if qi in in_topic}
                                for p, mi, *_ in parties):
            in_topic = ()  # (no other partner signs: "signed an agreement on wheat supplies to Uzbekistan" is with it)
        # a demonym on a sanction or an attack word ("American sanctions", "russischen Angriff") names who
        # sanctions or attacks, whether or not that act is stated as done
        hostile_by = {mi for p, mi, me, *_ in parties if p.mention_kind == "demonym" and any(
            tt in _HOSTILE and 0 <= ii - me <= 1 for tt, ii, _jj in stated)} if not _HOSTILE.isdisjoint(
            tt for tt, _ii, _jj in stated) else ()
        # "подписан на срещата на върха с участието на Саудитска Арабия, Катар и Кувейт", "in the presence
        # of": those who attend the meeting where it is signed meet, they do not sign
        # (a title between: "en présence du ministre délégué français"; Kazakh puts the word after the
        # attendee: "Қытай елшісінің қатысуымен", attendees_after)
        attendees = {head for p, mi, me, head, c, via in parties if self._after_cue(cues, "attendees", head, _ATTENDEE_TITLE)
                     or any(me <= a <= me + 1 for a, _ in cues.get("attendees_after", ()))} \
            if "attendees" in cues or "attendees_after" in cues else ()
        # "meant to carry Turkmen gas through Afghanistan and Pakistan to India": goods a partner's
        # adjective owns, in a clause with no Kazakh side, move between others (the owner's transit
        # across Kazakhstan is the one act: "Russian wheat ... moves across Kazakhstan")
        # (the adjective right before the goods, or right after them: "gaz turkmène"; not "l'office public
        # algérien des céréales", a buyer's name)
        foreign_goods = {clause[mi]: p.entity_id for p, mi, me, *_ in parties if p.mention_kind == "demonym" and any(
            self.token_of(g.start_char) == me or self.token_of(g.end_char - 1) + 1 == mi
            for g in self.commodities)} if self.commodities and (
            moves or "trade" in types) else {}
        # (the clauses with a Kazakh side that is more than a place on the way: asked once, not per act and party)
        kz_off_way = {clause[k] for k in home if not self._on_the_way(cues, clause, k, k + 1)} \
            if foreign_goods and via_home else set()
        for t, i, j in hits:
            move = t == "move"
            for p, mi, me, head, c, via in parties:
                if in_topic and mi in in_topic and t in ("agree", "consult"):
                    continue
                if foreign_goods and t in _MOVING and clause[i] in foreign_goods and (
                        clause[i] not in kz_clauses or (via_home and clause[i] not in kz_off_way)) and not (
                        via_home and p.entity_id == foreign_goods[clause[i]]):
                    continue
                if attendees and head in attendees and t != "consult":
                    continue
                if hostile_by and mi in hostile_by and t not in _HOSTILE:
                    continue  # "угода з Астаною не підпадає під американські санкції": the sanctions' side only
                if fellows and t == "consult" and mi in fellows and mi > i and "visit" in cues and any(
                        a == i for a, _ in cues["visit"]) and any(
                        qi < i and cq == clause[i] and qi not in fellows[mi] for q, qi, _qe, _qh, cq, v in parties):
                    continue  # "Brazil's foreign minister visited Uzbekistan and Kazakhstan": two visits, Brazil's
                if fellows and t in ("trade", "move") and mi in fellows and any(
                        cq == clause[i] and v is None and qi not in fellows[mi] for q, qi, _qe, _qh, cq, v in parties):
                    continue
                if owned and (owned.get(mi, i) != i or (i in owned.values() and mi not in owned)):
                    continue
                if opener is not None and t in ("trade", "move") and p.entity_id != opener.entity_id and (
                        clause[i] != clause[0] and clause[i] not in kz_clauses and not any(
                            clause[qi] == clause[i] and qi < i for q, qi, *_ in parties)):
                    continue
                if c != clause[i] and relative_of.get(me) != clause[i] and attended.get(i) != c and (
                        not relative_of or self._named_antecedent_of(relative_of, me) != clause[i]):
                    continue  # (the antecedent of "which" also acts in its relative clause)
                if t == "conflict" and (mi in sites or (i < mi and self._actor_before(clause, i) == "home" and not any(
                        b in (i, i - 1) for _a, b in cues.get("comparison", ()))) or any(  # (not "після атаки ...": a time)
                        0 <= si - j <= 2 for si in sites)):  # ("Nach dem russischen Angriff auf die Ukraine": their war)
                    continue  # (ACTIVITY.md: the partner's attacks; "Kazakh customs seized Chinese trucks" is none)
                if t in _NEEDS_HOME and not (clause[i] in tied or self.routes):
                    continue  # "China tightened export controls": not tied to Kazakhstan
                if third_party and ((i, j) in third_party or (clause[i] in deal_clauses and t not in _MOVING)):
                    continue
                if attackers and mi in attackers and t not in _HOSTILE:
                    continue
                if via and t == "invest" and clause[i] in kz_clauses and clause[mi] == clause[i] and (
                        0 < mi - j <= _PORT_WORKS_REACH or 0 < i - me <= _PORT_WORKS_REACH) and self._after_any(
                        cues, ("place", "destination"), head, 0):  # (verb last: "im iranischen Hafen ... investieren")
                    add(p.entity_id, t, i, j, p)  # "kupi 49 proc. udziałów w terminalu w Polsce": where the works
                    continue  # Kazakhstan's side invests in stand (the terminal makes it a place on the way too)
                if via is False or (via and t not in _MOVING):
                    continue  # a place on the way is not an investor or a signatory; a bypassed one is no party
                if t in _MOVING and via is not None:
                    # "Росія, яка розвиває коридор ... через Азербайджан": another partner's own route, no
                    # Kazakh side in its clause (or Kazakhstan only on that route too: "die Mongolei will
                    # ... über China, Kasachstan und die Transkaspische Route schicken": Mongolia's transit)
                    # (not where the goods go: "zboża dla Afganistanu jechało przez uzbecki terminal")
                    if via and not ((clause[i] not in kz_clauses or via_home) and any(
                            v is None and q.entity_id != p.entity_id and (
                                (cq == clause[i] and qi < i) or relative_of.get(qe) == clause[i])
                            and not self._after_role(cues, ("destination",), qh)
                            and self._suffix_role.get(qh) != "destination"
                            for q, qi, qe, qh, cq, v in parties)):
                        add(p.entity_id, "transit", i, j, p)
                    continue  # a partner on (or off) the way is not a buyer or seller
                if t in _MOVING and via_home and not self._after_role(cues, ("destination",), head):
                    add(p.entity_id, "transit", i, j, p)  # "China to Europe through Kazakhstan"
                    continue
                if t in _MOVING and via_home:
                    continue  # ... and Europe, where the partner's goods go, is no Kazakh buyer
                if t == "transit" and via is None and self._transit_from(cues, clause, i, head):
                    add(p.entity_id, "transit", i, j, p)  # "транзитные контейнеры из Китая в Европу"
                    continue
                if t == "transit":
                    continue  # a transit word alone does not put a partner on the way
                if arrivals and i in arrivals:
                    if mi < i and via is None:
                        add(p.entity_id, "consult", i, j, p)
                    continue
                if move or t == "trade":
                    if self.routes and any(p.entity_id in crossings.get(r.entity_id, ()) and i < self.token_of(r.start_char) < mi
                           for r in self.routes):
                        continue  # "through the CPC to Russia": the route's end, transit (below)
                if move and hubs and p.mention_kind == "capital" and self._after_role(cues, ("destination",), head) and any(
                        a == mi for role in hubs for a, _ in cues[role]) and self._from_home_port(cues, clause, mi):
                    add(p.entity_id, "transit", i, j, p)  # "carry the crude from Aktau to Baku": a Caspian crossing,
                    continue  # the goods go on from a capital that is a port (hub:AZ), no sale there
                if move:
                    if self._after_role(cues, ("destination",), head) and not any(i < k < head for k in self._trade_words):
                        add(p.entity_id, "trade", i, j, p)  # "went to Iran"
                    elif mi < i and 0 <= i - me <= _TRADE_REACH and not self._after_any(
                            cues, (*_ROLE_CUES, "with"), head, 1) and any(
                            k > i and clause[k] == clause[i] and self._after_role(cues, ("destination",), k)
                            and not any(j <= h < k for _, h, _ in hits) for k in home):  # ("arrived on a visit to Astana")
                        add(p.entity_id, "trade", i, j, p)  # "Russian producers ship antibiotics to Kazakh pharmacies"
                    continue
                if reactions and any((mi < r < i and i - r <= _REACTION_REACH or mi < i < r and r - j <= 2)
                                     and clause[mi] == clause[r] == clause[i] for r in reactions):
                    continue  # "Frankreich und Italien ... verfolgten das Treffen", "Pékin se sont félicités de l'accord": onlookers
                if t in ("consult", "agree") and mi in venues:
                    continue  # ("на саммите ШОС в Бишкеке договорился с Ираном": Bishkek hosts, Iran agrees)
                if t == "cooperate" and p.mention_kind == "capital" and "aid" not in cues and (
                        self._suffix_role.get(head) == "place" or self._after_any(cues, ("place", "destination"), head, 0)):
                    continue  # "wspólną promocję na targach w Berlinie": where a joint act takes place, no side
                    # (one cooperates "with Berlin", never "in" or "to" it; aid is sent to Kyiv)
                if t not in _MOVING and ("near" in cues or "border_with" in cues) and self._after_any(
                        cues, ("near", "border_with"), head, 1):
                    continue  # "terminal w Małaszewiczach przy granicy z Białorusią": a place beside, no party
                if t == "consult" and self._after_cue(cues, "arrival_from", mi, 0) and not (mi < i or any(
                        (a == j or (a > 0 and self.lows[a - 1].startswith(self.g.officials))) and b == mi
                        for a, b in cues["arrival_from"])):
                    continue  # "arrived on a visit to Astana from Georgia" (not "a delegation from Uzbekistan",
                    # "Among the participants were ministers from Hungary")
                if t == "consult" and i < mi and self._after_role(cues, ("destination", "origin"), head) and any(
                        i < k < mi and tt in _TOPICS for tt, k, _ in stated) and not self._after_cue(cues, "with", head, 0):
                    continue  # "discussed wheat supplies to Iran": where the goods go is the topic, not a side
                    # (but "обговорив торгівлю з Китаєм": "з" is "with" as well as "from")
                if t == "consult" and mi < i and self._after_role(cues, ("destination", "origin"), head) and any(
                        mi - k > 0 and mi - k < i - mi and tt in _TOPICS for tt, k, _ in stated):
                    continue  # "la réexportation vers la Russie ..., au lendemain d'une visite": the goods' end
                if t == "consult" and i < mi and any(
                        tt in _HOSTILE and i < k and (k < mi <= k + _TOPIC_REACH or me == k) for tt, k, _ in stated):
                    continue  # "обсудили санкции против России", "discussed the Ukrainian attack": the topic's sides
                if t == "trade" and own and (any(j <= k <= j + 2 for k in own) or any(
                        i - 2 <= k < i and self._actor_before(clause, k) == "partner" for k in own)):
                    continue  # "a quota on the export of its own grain"
                if t == "trade" and not self._trades(cues, p, mi, me, head, i, j, clause[i] in kz_clauses):
                    continue
                if t == "sanction" and i < mi and self._after_role(cues, ("destination",), head):
                    # "set a limit on the transit of Kazakh oil to Germany": where the restricted goods
                    # go is their buyer, not a sanctioned side
                    # (a transit or a move: "blacklisted firms for supplying drones to Russia" sanctions Russia)
                    flow = next(((k, kj) for tt, k, kj in stated if tt in ("transit", "move") and i < k < mi
                                 and clause[k] == clause[i]), None)
                    if flow is not None:
                        add(p.entity_id, "trade", flow[0], flow[1], p)
                        continue
                add(p.entity_id, t, i, j, p)
        # a named route that crosses partners, or a partner's port ("через терминал в
        # Новороссийске"): transit for those the document names
        if moves:
            for r in self.routes:
                ri = self.token_of(r.start_char)
                if self._after_cue(cues, "bypass", ri, 2):
                    continue
                # (nor a route in a time clause after every move: "send crude through the BTC after a drone
                # attack damaged a station of the Caspian Pipeline Consortium": the attack's target)
                if "comparison" in cues and all(any(i < k < ri for k, _ in cues["comparison"]) for i, _ in moves):
                    continue
                # (not the country a route is named to: "по газопроводу Центральная Азия — Китай" ends in China,
                # the buyer; "Baku–Tbilisi–Ceyhan" crosses Georgia)
                inside = [p for p in self.partners if r.start_char <= p.start_char and p.end_char <= r.end_char]
                terminus = inside[-1].entity_id if len(inside) == 1 and inside[0].end_char >= r.end_char - 1 and (
                    inside[0].start_char > r.start_char) else None
                for pid in crossings.get(r.entity_id, ()):
                    if pid in document_partners and pid != terminus:
                        add(pid, "transit", ri, ri + 1, None, (r.start_char, r.end_char))
            for role, a, b in ((role, a, b) for role in ports for a, b in cues[role]):
                pid = role[5:]
                if pid in document_partners and not self._after_cue(cues, "bypass", a, 2):
                    add(pid, "transit", a, b, None)
            # a hub the goods pass ("przez Małaszewicze", "от Варна ... продължават"): transit, unless it
            # is compared ("shorter than the route via Bandar Abbas") or bypassed
            for role, a, b in ((role, a, b) for role in hubs for a, b in cues[role]):
                pid = role[4:]
                via_ends = {j for _, j in cues.get("via", ())}
                way = max((j for j in via_ends.union(j for _, j in cues.get("origin", ())) if a - _HUB_REACH <= j <= a),
                          default=0)
                if not way and any(k == b for k, _ in cues.get("via_after", ())):
                    way = a  # "Түрікменбашы арқылы"
                going = [(i, j) for i, j in moves if clause[i] == clause[a]]
                # (not after "via", the goods go on from the hub in the same breath: "От Варна товарите ще
                # продължават"; "Selon un expert de Bakou, ... un corridor" is a person from there)
                if way and way not in via_ends:
                    going = [(i, j) for i, j in going if i < a or not self._marks_between(b, i, ",;:")]
                # ("пойдет в Иран по железной дороге через Астару": the hub where the goods enter the country
                # they go to is no way across it)
                if way in via_ends and any(p.entity_id == pid and clause[self.token_of(p.start_char)] == clause[a]
                                           and self.token_of(p.start_char) < a and self._after_cue(
                                               cues, "destination", self.token_of(p.start_char), 0)
                                           for p in self.partners):
                    continue
                if pid in document_partners and way and going and not self._marks_between(way, a, ",;:") and not (
                        self._after_cue(cues, "bypass", a, 2) or any(
                            k < a and clause[k] == clause[a] for k, _ in cues.get("comparison", ()))):
                    i, j = going[0]  # (the move's words say whether it is planned; the hub's are the evidence)
                    add(pid, "transit", i, j, None, (self.starts[a], self.ends[b - 1]))
            # a port where the goods are unloaded for the partner ("arrived in Burgas"): trade
            for role, a, b in ((role, a, b) for role in dest_ports for a, b in cues[role]):
                pid = role[10:]
                if pid in document_partners and self._after_cue(cues, "destination", a, 0):
                    add(pid, "trade", a, b, None)
        # "KTZ will invest $60 million in a terminal in Poti", "przejmie 49 proc. udziałów w terminalu w
        # Małaszewiczach": works of Kazakhstan's side in a partner's port are an investment in that partner
        if "invest" in types and (ports or dest_ports or hubs) and kz_clauses:
            invests = [(i, j) for t, i, j in hits if t == "invest" and clause[i] in kz_clauses]
            for role in (ports + dest_ports + hubs) if invests else ():
                pid = role.split(":", 1)[1]
                if pid in document_partners:
                    for a, _b in cues[role]:
                        if self._after_any(cues, ("place", "destination"), a, 1):  # ("в порту Алят")
                            for i, j in invests:
                                if (0 < a - j <= _PORT_WORKS_REACH or 0 < i - a <= _PORT_WORKS_REACH) and clause[i] == clause[a]:
                                    add(pid, "invest", i, j, None)
        # "agreed to lift trade", "umowa o dostawach": what the agreement is about is stated too
        for t, i, j in hits if agreed_at else ():  # (an agreement among the events: agreed_at has its partner)
            if t in ("trade", "invest"):
                for a in [e for e in list(found.values()) if e.activity_type == "agree"]:
                    # (any of its agreement words: "podpisały umowę oraz uzgodniły nowe kwoty")
                    if any(clause[ai] == clause[i] and 0 < abs(i - ai) <= _CONTENT_REACH
                           for ai in agreed_at.get(a.partner_id, ())):
                        p = next((q for q in self.partners if q.start_char == a.partner_start_char), None)
                        add(a.partner_id, t, i, j, p)
        # "partnership agreement", "accord de coentreprise": one statement, its specific type only
        # ("споразумение с Азербайджан за митническо сътрудничество", "подписаха шест документа за
        # сътрудничество", "eine strategische Partnerschaft ... vereinbart", "бірлескен зауыт салу
        # мәселесін талқылады": what the agreement or the talks are about)
        # ("бірлескен «Инкай» кәсіпорнының 40 пайыз үлесіне иелік етеді": a joint venture whose share the
        # partner holds, in one clause, is that investment)
        invested = {(e.partner_id, clause[self.token_of(e.start_char)]) for e in found.values()
                    if e.activity_type == "invest"} if "invest" in types and "joint" in cues else ()
        joint = {i for i, _ in cues["joint"]} if invested else ()
        events = [e for e in found.values() if e.activity_type != "cooperate" or not any(
            abs(k - self.token_of(e.start_char)) <= _ONE_STATEMENT for k in stated_at.get(e.partner_id, ())) and (
            not invested or self.token_of(e.start_char) not in joint
            or (e.partner_id, clause[self.token_of(e.start_char)]) not in invested) and not any(
            self._about_them(clause, self.token_of(e.start_char), k, k in agreed_at.get(e.partner_id, ()))
            for k in talked_at.get(e.partner_id, ()))]
        # "attacked the station, halting loadings": the halt is the attack's damage
        if "conflict" in types:  # (only a conflict trigger gives a conflict event)
            attackers = {e.partner_id for e in events if e.activity_type == "conflict"}
            # (nor a sanction of the place it struck: "struck a CPC station in Russia's Krasnodar region,
            # halting loadings")
            struck = {p.entity_id for p, mi, *_ in parties if mi in sites} if attackers and sites else set()
            events = [e for e in events if not (e.activity_type == "sanction" and e.partner_id in attackers | struck)]
        # "a China-Kyrgyzstan-Uzbekistan railway that will bypass Kazakhstan", "eine Bahnstrecke ..., die
        # Kasachstan umgeht": what goes that way crosses no country for Kazakhstan
        if "bypass" in cues and "transit" in {e.activity_type for e in events} and self._home_bypassed(cues):
            events = [e for e in events if e.activity_type != "transit"]
        # "Группа уже управляет терминалами в Египте и Танзании": ports and terminals of a partner with
        # no goods, no move and no Kazakh side in the sentence are someone's business there, no transit
        if "facility" in cues and not self.home and not self.commodities and not self.routes and not any(
                t in ("move", "trade") for t, _, _ in stated):
            facilities = {i for i, _ in cues["facility"]}
            events = [e for e in events if not (e.activity_type == "transit" and self.token_of(e.start_char) in facilities)]
        # "Китай отримав 260 тис. тонн, Узбекистан — 55 тис. тонн": each partner with its own quantity
        # and the verb left out trades as the one named with the verb
        if gapped and events:
            have = {e.partner_id for e in events}
            for p in gapped:
                # (the nearest partner before it: "crossed Turkmenistan by rail, while Uzbekistan received
                # 200,000 t and Afghanistan 150,000 t" repeats Uzbekistan's trade, not Turkmenistan's transit)
                e = max((e for e in events if e.activity_type in ("trade", "transit") and e.partner_start_char is not None
                         and e.partner_start_char < p.start_char), key=lambda e: e.partner_start_char, default=None)
                if e is not None and p.entity_id not in have:
                    have.add(p.entity_id)
                    events.append(ActivityEvent(p.entity_id, e.activity_type, e.sector, e.planned, e.sentence_index,
                                                e.start_char, e.end_char, e.surface_text, p.start_char, p.end_char))
        return events

    def _gapped(self) -> list[Mention]:
        """Partners after a comma or "and" whose own quantity follows them with the verb left out
        ("China received 260,000 t, Uzbekistan 55,000 t and Tajikistan 30,000 t", "Узбекистан — 55 тис.")."""
        out = []
        first = self.partners[0].start_char
        for p in self.partners:
            if p.start_char == first or p.mention_kind not in ("name", "capital"):
                continue
            k = self.token_of(p.start_char)
            if k > 1 and len(self.lows[k - 1]) <= 3 and "," not in self._gap(k) and self.lows[k - 1] not in self.g.coordinators:
                k -= 1  # (an article before the name: ", l'Ouzbékistan 0,8 million")
            if not ("," in self._gap(k) or (k > 0 and self.lows[k - 1] in self.g.coordinators)):
                continue
            if _GAPPED_QUANTITY.match(self.text, p.end_char, self.s.end_char):
                out.append(p)
        return out

    def _owners(self, cues, parties) -> dict[int, int]:
        """Partner token -> the subsidiary word right before it ("a subsidiary of Swiss Glencore",
        "дочерняя компания российского Лукойла"): at most four words on, no comma between."""
        out = {}
        for i, j in cues["subsidiary"]:
            for p, mi, *_ in parties:
                if j <= mi <= j + 4 and "," not in self.text[self.ends[j - 1]:p.start_char]:
                    out.setdefault(mi, i)
        return out

    def _transit_from(self, cues, clause, i: int, head: int) -> bool:
        """"транзитные контейнеры из Китая в Европу", "Қытайдан Еуропаға транзитпен өтті": the word
        "transit" itself and its goods' origin, the partner, with a destination after it in the clause and
        no country named on the way: its goods cross Kazakhstan."""
        if not any(a == i for a, _ in cues.get("transit_act", ())) or "via" in cues:
            return False
        if not (self._suffix_role.get(head) == "origin" or self._after_role(cues, ("origin",), head)):
            return False
        end = self._list_end(head)
        return any(end <= a <= end + 1 and clause[a] == clause[i] for a, _ in cues.get("destination", ())) or (
            end < len(self.lows) and any(self.lows[end].endswith(suf) for suf, role in self.g.case_endings
                                         if role == "destination"))

    def _traveller_before(self, cues, i: int) -> bool:
        """An official, a delegation or a named leader right before the verb at i ("President Tokayev",
        "the delegation", "Tokajew"), an adverb or a capitalised name after the title between."""
        travellers = {a for a, _ in cues.get("traveller", ())}
        for k in (i - 1, i - 2):
            if k >= 0 and (k in travellers or self.lows[k].startswith(self.g.officials)):
                return k == i - 1 or self._gap(k + 1).strip() == ""
        return False

    def _person_at(self, k: int) -> bool:
        """A person's name starts at token k: two capitalised words, neither of them a partner's name."""
        if k + 1 >= len(self.lows) or not (self.text[self.starts[k]].isupper() and self.text[self.starts[k + 1]].isupper()):
            return False
        return not any(m.start_char <= self.starts[i] < m.end_char for m in self.partners + self.home + self.routes
                       for i in (k, k + 1))

    def _about_them(self, clause, c: int, k: int, agreed: bool) -> bool:
        """The cooperation word at c is what the agreement (or the talks) at k are about: the same
        clause, no "and" between (not "reiste nach Brüssel und sagte eine engere Zusammenarbeit
        zu"); talks reach their topic only when it follows them closely or closes before them
        ("бірлескен зауыт салу мәселесін талқылады"), not a later statement ("Кездесуде тараптар
        ... әріптестікті тереңдетуге дайын")."""
        if clause[c] != clause[k] or not 0 < abs(c - k) <= _ABOUT_THEM_REACH:
            return False
        if not self.g.coordinators.isdisjoint(self.lows[min(c, k) + 1:max(c, k)]) and not (
                agreed and k < c and any(c - 2 <= a < c for a, _ in self._cues.get("topic_about", ()))):
            return False  # (but "підписали договір ... та ще 11 документів про співпрацю": what more was signed is about)
        # (before talks only in their own words: "– Polska i Kazachstan chcą rozwijać współpracę – mówił
        # podczas wizyty" is a statement of its own)
        return agreed or (c < k and not self._marks_between(c, k, ",–—;:")) or 0 < c - k <= _TOPIC_REACH

    def _home_bypassed(self, cues) -> bool:
        """Kazakhstan right after a bypass word, or right before one that ends its clause (verb-final)."""
        for m in self.home:
            k, e = self.token_of(m.start_char), self.token_of(m.end_char - 1) + 1
            if any(j == k or (j == k - 1 and k - 1 in self._article_at(cues)) for _, j in cues["bypass"]):
                return True
            if any(i == e and self._closes_before(j, ".,;:") for i, j in cues["bypass"]):
                return True
        return False

    def _foreign_person_opens(self) -> bool:
        """The sentence opens with a surname that the text gave before as a full name ("Ilham
        Aliyev" ... "Aliyev later flew to Tashkent", "Emmanuel Macron" ... "Macron se rendra"), of
        no Kazakh side (a Kazakh official is a kazakh_side word): a foreign visitor is the actor,
        and the places he goes to and the partners he meets there are his business."""
        text = self.text
        k0 = 0
        # after a short opening adverbial ("La veille, Emmanuel Macron", "On Tuesday, Aliyev"), and
        # past a first name to the surname
        comma = next((k for k in range(1, min(4, len(self.starts))) if "," in text[self.ends[k - 1]:self.starts[k]]), None)
        if comma is not None:
            k0 = comma
            if k0 + 1 < len(self.starts) and text[self.starts[k0 + 1]:self.starts[k0 + 1] + 1].isupper() and \
                    text[self.starts[k0]:self.starts[k0] + 1].isupper():
                k0 += 1  # "Emmanuel Macron": the surname
        start, end = self.starts[k0], self.ends[k0]
        if end - start < 2 or not text[start].isupper() or not text[start + 1].islower() or any(
                m.start_char <= start < m.end_char for m in self.partners) or self.cue_hits and any(
                i == k0 or role == "kazakh_side" for role, i, _ in self.cue_hits):
            return False
        word = text[start:end]
        before = text.rfind(" " + word, 0, self.s.start_char)
        if before < 2 or " " + word.lower() + " " in text:
            return False
        k = text.rfind(" ", 0, before)  # the word before the surname is a capitalised first name
        first = text[k + 1:before]
        m = re.match(r" \w+ (\w+)", text[before:before + 60])  # ... or after it ("Xi Jinping")
        if len(first) > 1 and first[0].isupper() and first[1:].isalpha() and first[1:].islower():
            name_at = k + 1
        elif m and m.group(1)[0].isupper() and m.group(1)[1:].islower():
            name_at = before + 1
        else:
            return False
        # the country named nearest before the name says whose he is ("Kazakh Prime Minister Olzhas
        # Bektenov", "премьер-министром Казахстана Олжасом Бектеновым"): a Kazakh is no visitor
        near = max((q for q in self.doc_mentions if q.entity_type in ("home", "partner")
                    and name_at - 40 <= q.end_char <= name_at), key=lambda q: q.end_char, default=None)
        if near is not None:
            return near.entity_type != "home"
        # no country named before him: foreign only if he is a known foreign leader (partner_officials:
        # "Ilham Aliyev"), not "Trade Minister Arman Shakkaliyev" after "Kazakhstan has asked ..."
        return any(q.entity_type == "company" and name_at <= q.start_char <= name_at + 30 for q in self.doc_mentions)

    # -- structure -------------------------------------------------------------------------
    def _coordinated(self, cues, hits) -> set[int]:
        """Coordination words that join a second predicate ("shipped wheat to Iran and signed a
        memorandum with Turkmenistan"): "and" right before a trigger (at most two other words
        between, none of them a name), after a first conjunct that has a trigger and a partner."""
        coordinators = self.g.coordinators
        lows = self.lows
        at = {i for _, i, _ in hits}
        joins = {}  # coordination word -> the first trigger after it
        inside = [(a, b) for a, b in cues.get("negation", ()) if b - a > 1]  # "так и не" (never) joins nothing
        for k in [k for k in range(1, len(lows)) if lows[k] in coordinators]:
            if inside and any(a <= k < b for a, b in inside):
                continue
            nxt = k + 1 if k + 1 in at else k + 2 if k + 2 in at else k + 3 if k + 3 in at else None
            if nxt is not None:
                joins[k] = nxt
        if not joins:
            return set()
        out = set()
        firsts = [self.token_of(p.start_char) for p in self.partners]
        if not firsts:
            return out
        for k, nxt in joins.items():
            if nxt > k + 1:  # (a name or a preposition between: "намира израз и в реални инвестиции", "and" as "also")
                a, b = self.starts[k + 1], self.ends[nxt - 1]
                if any(m.start_char < b and a < m.end_char for m in self.partners + self.home + self.commodities) or any(
                        k < i < nxt for role in ("destination", "origin", "between", "via") for i, _ in cues.get(role, ())):
                    continue
            prev = max((i for i, _ in cues.get("clause", ()) if i < k), default=0)  # (not "but" itself)
            # (a first conjunct without a trigger of its own may still send goods "to Japan")
            if any(prev <= f < k and (any(prev <= i < k for i in at) or self._after_cue(cues, "destination", f, 1))
                   for f in firsts):
                out.add(k)
        return out

    def _asyndetic_breaks(self) -> set[int]:
        """"Россия ограничила ввоз казахстанской говядины, Китай открыл рынок": a comma, then a new
        subject that goes on with its own words, after a clause that has a side and an act. Not a
        list ("to Italy, France and Spain": a name before the comma, or "and" or a comma after it)."""
        out = set()
        text = self.text
        if not any(text.startswith(", ", m.start_char - 2) for m in self.partners + self.home):
            return out  # (no name right after a comma: most sentences)
        named = [(self.token_of(m.start_char), self.token_of(m.end_char - 1)) for m in self.partners + self.home]
        inside = {k for a, b in named for k in range(a, b + 1)}
        first_act = min(i for _, i, _ in self.hits)
        # (with one act, only Kazakhstan's side as the new subject: "Қытай бидайды Канададан сатып алады,
        # Қазақстанның үлесі 5 пайыздан аз" leaves China's purchase to China and Canada)
        new_subjects = named if len(self.hits) > 1 else [
            (self.token_of(m.start_char), self.token_of(m.end_char - 1)) for m in self.home]
        for a, b in new_subjects:
            nxt = b + 1
            if nxt < len(self.lows) and any(ch in self._gap(nxt) for ch in "—–"):
                continue  # ", Казахстан — 1 млн т": a verb left out, the same act
            # (a name before the comma too when an act follows the new one: "экспорт в Китай, Россия ограничила")
            if (a > 1 and "," in self._gap(a) and (a - 1 not in inside or any(i == nxt for _, i, _ in self.hits))
                    and first_act < a and
                    any(x < a for x, _ in named) and nxt < len(self.lows) and "," not in self._gap(nxt)
                    and self.lows[nxt] not in self.g.coordinators):
                out.add(a)
        return out

    def _clauses(self, cues, coordinated=()) -> list[int]:
        n = len(self.starts)
        breaks = {i for i, _ in cues["clause"] if i > 0} if "clause" in cues else set()
        if "clause_post" in cues:  # "however", "обаче": a new clause after a comma, not inside one
            # ("Дългосрочен договор с Бразилия ... обаче все още не е подписан" is one statement)
            # (but ", however," between commas is a parenthesis: "China, however, suspended imports")
            breaks.update(i for i, j in cues["clause_post"] if i > 0 and any(ch in self._gap(i) for ch in ",;—–")
                          and not (j < n and "," in self._gap(i) and "," in self._gap(j)))
        if "clause_comma" in cues:  # ", а доля ...", ", а Грузия пообещала ...": a new clause after a comma,
            # unless it goes on with the way (", а след това по железопътна линия през Грузия") or leaves
            # out its verb (", а зерно — в Иран"): then it is the same clause
            # (nor when only the Kazakh side acts in it: ", a kazachska strona zadeklarowała, że sfinansuje
            # projekt" is the other half of the deal before; nor for ", a część przez uzbecki Termez")
            for i, _ in cues["clause_comma"]:
                if i > 0 and "," in self._gap(i):
                    after = [t for t, k, _ in self.hits if k > i]
                    kazakh_only = any(self.token_of(m.start_char) > i for m in self.home) and not any(
                        self.token_of(m.start_char) > i for m in self.partners)
                    # (a transit word after it goes on with a way only where goods moved before it: ", а тариф на
                    # транзит по казахстанской территории" after talks is a clause of its own)
                    if any(t != "transit" for t in after) and not kazakh_only or not after and not any(
                            k > i for k, _ in cues.get("via", ())) and not (
                            _GAP_DASH.search(self.text, self.starts[i], self.s.end_char)) or after and not any(
                            t in _MOVING for t, k, _ in self.hits if k < i):
                        breaks.add(i)
                        self._comma_opens.add(i)
        if len(self.partners) + len(self.home) > 1 and (len(self.hits) > 1 or self.home):
            breaks.update(self._asyndetic_breaks())
        if "conditional" in cues:  # ", if they serve deals with Russian counterparties": the condition is a clause
            # (an "if" that can mean nothing else opens one without a comma too)
            opens = {i for i, _ in cues.get("condition_opens", ())}
            granted = self._concessive(cues)
            breaks.update(i for i, _ in cues["conditional"] if i > 0 and ("," in self._gap(i) or i in opens)
                          and i not in granted)
        if "not_clause" in cues:  # "а также" (as well as) is no "а" (whereas)
            breaks.difference_update(i for i, _ in cues["not_clause"])
        if "bypass" in cues and "contrast" in cues:
            breaks.difference_update(self._instead(cues))
        if coordinated:
            breaks.update(coordinated)
        if "comparison" in cues:  # "re-exports after U.S. blacklists two firms": two clauses
            for p in self.partners:
                k = self._opens_clause_after(cues, self.token_of(p.start_char), self.token_of(p.end_char - 1) + 1)
                if k:
                    breaks.add(k)
                    self._time_opens.add(k)
        if self.home and self.partners:  # ", and Kazakhstan continued ...": a new subject, a new clause
            for m in self.home:
                k = self.token_of(m.start_char) - 1
                if k > 0 and self.lows[k] in self.g.coordinators and "," in self._gap(k):
                    breaks.add(k)
        if len(self.partners) > 1 and self.g.coordinators:  # "... did not produce a deal, and Japan's ANA has
            # discussed": a partner as a new subject, not the end of a list ("Italy, France, and Spain")
            named = {self.token_of(m.start_char) for m in self.partners + self.home}
            ends = {self.token_of(m.end_char - 1) for m in self.partners + self.home}
            for k in named:
                c = k - 1
                if c > 1 and self.lows[c] in self.g.coordinators and "," in self._gap(c) and c - 1 not in ends:
                    breaks.add(c)
        a, b = self.s.start_char, self.s.end_char
        if self.text.find(":", a, b) >= 0:  # "zeigt Interesse: Eine Delegation aus Riad wird ... erwartet": a
            # colon before a capitalised word that names no partner opens a clause (not "three buyers: China, ...")
            # (after Kazakhstan's side the colon goes on with its statement: "setzt Kasachstan auf den
            # Mittleren Korridor: Ab 2026 sollen ... Züge über Aserbaidschan ... fahren")
            starts = {m.start_char for m in self.partners + self.home + self.routes}
            for m in _COLON_CLAUSE.finditer(self.text, a, b):
                k = bisect_right(self.starts, m.start())
                if 0 < k < n and self.starts[k] not in starts and not any(h.start_char < m.start() for h in self.home):
                    breaks.add(k)
        if _CLAUSE_MARK.search(self.text, a, b):  # ";" and brackets cut too: at the first word after each
            # (not a short aside that glosses a name, "(AFD)", "(Kazakhstan Temir Scholy)": it names no
            # side and states no act, so the words before it go on after it)
            kept = set()
            for m in _GLOSS.finditer(self.text, a, b):
                k0, k1 = bisect_right(self.starts, m.start()), bisect_right(self.starts, m.end() - 1)
                if not any(k0 <= self.token_of(q.start_char) < k1 for q in self.partners + self.home + self.routes) and not any(
                        k0 <= i < k1 for _, i, _ in self.hits):
                    kept.update((k0, k1))
            breaks.update(k for k in (bisect_right(self.starts, m.start()) for m in
                                      _CLAUSE_MARK.finditer(self.text, a, b)) if 0 < k < n and k not in kept)
        if not breaks and "relative" not in cues and "world" not in cues and (len(self.partners) < 2 or not any(
                self.text.startswith(",", p.end_char) for p in self.partners)):  # (no apposition after a partner)
            return [0] * n  # one clause: most sentences
        out: list[int] = []
        prev = 0
        for c, k in enumerate(sorted(breaks)):
            out += [c] * (k - prev)
            prev = k
        out += [len(breaks)] * (n - prev)
        # a relative clause runs from its pronoun after a comma to the next comma ("Kazakhstan,
        # which stays out of Moscow's war in Ukraine, depends on Russia"): a clause of its own,
        # and the clause around it goes on after it
        for k, (i, _) in enumerate(cues.get("relative", ())):
            if i > 1 and len(self.lows[i - 1]) <= 3 and "," in self._gap(i - 1):
                i -= 1  # ", в котором Казахстан не участвует", ", dans lequel": a preposition before the pronoun
            elif i == 0 or "," not in self._gap(i):
                continue
            end = next((e for e in range(i + 1, n) if "," in self._gap(e)
                        or out[e] != out[i]), n)
            for e in range(i, end):
                out[e] = -1 - k
        if "world" in cues or len(self.partners) > 1:
            self._world_appositions(cues, out)
        return out

    def _world_appositions(self, cues, out: list[int]) -> None:
        """"Russia, the world's largest wheat exporter, did not take part": an apposition after a
        partner that places it on the world market (and names no Kazakh side) describes it, a
        clause of its own whose trade words code nobody."""
        n = len(out)
        self._appositive = {}
        home = [self.token_of(m.start_char) for m in self.home]
        for k, p in enumerate(self.partners):
            me = own = self.token_of(p.end_char - 1) + 1
            # (the partner's company before the comma: "Morocco's OCP, the world's biggest phosphate producer,")
            if me < n and self.lows[me] == "s" and self._gap(me) in ("'", "’"):
                me = next((e for e in range(me + 1, min(me + 4, n)) if "," in self._gap(e) and all(
                    self.text[self.starts[x]].isupper() for x in range(own + 1, e))), me)
            if me >= n or "," not in self._gap(me):
                continue
            end = next((e for e in range(me + 1, n) if "," in self._gap(e)), n)
            # (or as a buyer or seller of another partner's goods: "La Turquie, gros acheteur de blé russe,")
            if (any(me <= i < end for i, _ in cues.get("world", ())) or (end - me <= _APPOSITION_WORDS and any(
                    q.mention_kind == "demonym" and q.entity_id != p.entity_id and me <= self.token_of(q.start_char) < end
                    for q in self.partners) and any(me <= i < end for _t, i, _j in self.hits))) and not any(
                    me <= h < end for h in home) and not any(
                    me <= i < end for i, _ in cues.get("kazakh_side", ())):
                for e in range(me, end):
                    out[e] = -1000 - k
                self._appositive[own] = end  # (the partner's own predicate follows the apposition)

    def _negated(self, cues, clause, hits) -> set[int]:
        """Trigger tokens a negation governs: the words right after "not" ("has not restricted"),
        a trigger right before a closing negation ("қол қойған жоқ", "unterzeichnete nicht"),
        and every trigger of the same type in that clause ("did not sign the agreement")."""
        # a negative verb ending on the trigger's last word ("экспорттамайды", "қол қоймады") or on
        # the auxiliary right after it ("сатып алмаған")
        neg = self.g.negative_endings
        out = {i for t, i, j in hits if self.lows[j - 1].endswith(neg) or (
            j < len(self.lows) and len(self.lows[j]) > 5 and self.lows[j].endswith(neg))} if neg else set()
        if _NEGATING.isdisjoint(cues) and not out:  # (events() skips the call on the same test)
            return set()
        cancelled = {k for i, j in cues.get("not_negation", ()) for k in range(i, j)}  # (its words: "арқылы емес")
        for i, j in [*cues.get("negation", ()), *cues.get("hedge", ())]:
            if i in cancelled:
                continue
            # articles do not count ("n'est pas visé par des sanctions")
            stop = j + _NEGATION_REACH + self._articles_in(cues, j, j + _NEGATION_REACH + 2)
            if "negation_bridge" in cues:  # "did not take part in the talks", "nie wzięła udziału w rozmowach"
                stop += sum(_NEGATION_REACH + self._articles_in(cues, b, b + _NEGATION_REACH + 2)
                            for a, b in cues["negation_bridge"] if j <= a < stop)
            stop = min(stop, len(clause))
            for k in range(j, stop):
                if clause[k] == clause[i]:
                    out.add(k)
            # a verb that ends its clause a few words on: "hat nicht in kasachische Minen investiert",
            # "has not restricted uranium transit."
            n = len(self.lows)
            for _t, k, e in hits:
                if stop <= k < j + _VERB_FINAL_REACH and clause[k] == clause[i] and (
                        e == n or clause[e] != clause[k] or any(ch in self._gap(e) for ch in ",.;:")):
                    out.add(k)
        # "No Kazakh sulphur has been sold to India", "Žádná dohoda": a negation that opens its clause
        # denies the clause's first act, however far on
        for i, j in cues.get("negation", ()):
            if i not in cancelled and i == clause.index(clause[i]):
                first = min((k for _t, k, _e in hits if k >= j and clause[k] == clause[i]), default=None)
                if first is not None:
                    out.add(first)
        # German puts the finite verb second and its negated object far after it: "Nach Russland liefert
        # Kazzinc seit 2022 kein Zink mehr" denies the delivery
        # (only when no act follows it: "bei Verhandlungen ... keine Einigung" denies the agreement, not the talks)
        for i, j in cues.get("negation_object", ()):
            if i not in cancelled and not any(j <= k < j + _NEGATION_REACH for _t, k, _e in hits):
                before = [k for _t, k, _e in hits if i - _OBJECT_NEGATION_REACH <= k < i and clause[k] == clause[i]]
                if before:
                    out.add(max(before))
        closing = [i for i, _ in cues.get("negation_after", ()) if i not in cancelled]
        if "negation_bridge" in cues:  # "к соглашению ... не присоединился": "not" + join closes the act
            closing += [i for i, j in cues.get("negation", ()) if i not in cancelled and any(
                j <= a <= j + 1 for a, _b in cues["negation_bridge"])]
        ends = {i: j for i, j in cues.get("negation_after", ())}
        for i in closing:
            span = [k for k in range(max(i - _CLOSING_REACH, 0), i) if clause[k] == clause[i]]
            # ("Les pourparlers avec l'Ouzbékistan ont été annulés": the act that opens the clause)
            first = clause.index(clause[i])
            span += [k for _t, k, _e in hits if k < i and clause[k] == clause[i] and (
                k == first or (k == first + 1 and self._articles_in(cues, first, k)))]
            out.update(span)
            j = ends.get(i)
            if j is not None and (j == len(self.lows) or any(ch in self._gap(j) for ch in ",.;:")):
                self._denied_at.update(span)  # (it ends its clause: not "nicht über Russland", whose way it is)
        # "Talks with Iran ... have not resumed", "Переговори з Китаєм ... не проводилися", "Gespräche
        # mit Polen ... sind nicht geplant": a clause that opens with the act itself (its subject)
        # and denies it further on states none of its acts; when an act follows the "not", that is
        # what it denies ("Rozmowy z Turkmenistanem nie przyniosły na razie porozumienia": talks, no deal)
        for i, j in cues.get("negation", ()):
            if i in cancelled:
                continue
            c = clause[i]
            first = clause.index(c)
            if first in self._opens_with_conjunction(cues):  # ", однако переговоров ... не было"
                first += 1
            # (after an article or an adjective: "Дългосрочен договор с Бразилия ... не е подписан")
            # (or after a partner's adjective: "South Korean buyers did not bid", "Chinese investments
            # were not discussed"; not after a partner's name, the subject of a verb: "Россия закупила")
            after_adjective = {self.token_of(m.end_char - 1) + 1 for m in self.partners
                               if m.mention_kind == "demonym" and self.token_of(m.start_char) == first}
            if any(k < i and clause[k] == c and (k == first or k in after_adjective or (k == first + 1 and (
                    self._articles_in(cues, first, k) or not any(
                        self.token_of(m.start_char) == first for m in self.partners + self.home))))
                   for _t, k, _j in hits):
                denied = [k for _t, k, _j in hits if clause[k] == c and k >= j]
                out.update(denied or (k for _t, k, _j in hits if clause[k] == c))
                # (talks that did not take place leave their topic unstated: "Інвестиції грецьких мереж
                # у Казахстані поки не обговорювалися", "Greek investments were not discussed")
                if any(t == "consult" and k in denied for t, k, _j in hits):
                    out.update(k for _t, k, _j in hits if clause[k] == c and k < i)
        # a participation word before its act and a closing "not" after it ("участі в переговорах
        # не брав", "udziału w rozmowach nie wziął"): the act between them is denied
        for a, b in cues.get("negation_bridge", ()):
            for i, _j in cues.get("negation", ()):
                if b <= i <= b + _NEGATION_REACH and i not in cancelled:
                    # (or the act just before the participation word, or that word itself: "у переговорах
                    # участі не бере", "участвовать в проекте не захотела")
                    out.update(k for _t, k, _e in hits if a - _BRIDGED_BEFORE <= k < i and clause[k] == clause[a])
        # "n'a en revanche importé aucune cargaison": French wraps the verb in "ne ... pas/aucun/jamais", however
        # many words stand between
        for i, j in cues.get("negation_open", ()):
            close = min((a for a, _ in cues.get("negation_close", ()) if j <= a <= j + _WRAPPED_NEGATION
                         and clause[a] == clause[i]), default=None)
            if close is not None and i not in cancelled:
                out.update(k for _t, k, _e in hits if j <= k < close)
        # "Nie udało się uzgodnić dostaw przez Azerbejdżan", "failed to agree on supplies through ...": a failed
        # attempt denies every act after it in its clause
        for i, j in cues.get("failed", ()):
            if i not in cancelled:
                out.update(k for _t, k, _e in hits if k >= j and clause[k] == clause[i])
        negated_types = {(t, clause[i]) for t, i, j in hits if i in out}
        out.update(i for t, i, j in hits if (t, clause[i]) in negated_types)
        # what an unsigned agreement is about is not stated either ("nie podpisały umowy o współpracy")
        unsigned = [i for t, i, j in hits if t == "agree" and i in out]
        if unsigned:
            # (or before it, bound by "about": "турбиналар жеткізу туралы келісімшартқа ... қол қоймаған")
            about = {i for i, _ in cues.get("about", ())}
            out.update(k for t, k, _ in hits if t in ("cooperate", "trade", "invest") and any(
                (0 < k - i <= _CONTENT_REACH or (0 < i - k <= _CONTENT_REACH and any(k < a < i for a in about)))
                and clause[k] == clause[i] for i in unsigned))
        # "отрече информацията, че КазМунайГаз ще купи дял", "denied reports that ...": what is denied
        # is not stated, up to the next clause word ("but") or the sentence's end
        for i, j in cues.get("denial", ()):
            ends = [a for a, _ in (*cues.get("clause", ()), *cues.get("clause_comma", ()), *cues.get("clause_post", ()))
                    if a >= j]
            out.update(range(j, min(ends, default=len(clause))))
        # "China might consider", "Индия могла бы", "Paris pourrait": speculation about a partner
        # states no act, up to the clause's end; what Kazakhstan's side says it could do is its
        # plan ("son pays pourrait augmenter les exportations"); a capitalised "May" is the month
        for i, j in cues.get("speculation", ()):
            # (the side right before the word: "son pays pourrait", not "Kazakhstan ..., adding that
            # part of the output could later go to Mongolia")
            if (not self.text[self.starts[i]].isupper() or (i == 0 and j - i > 1)) and self._actor_before(
                    clause, i, None if self._own_country_before(i) else _SPECULATOR_REACH) != "home":
                out.update(k for k in range(j, len(clause)) if clause[k] == clause[j - 1])  # (the clause of its last word: "Невідомо, чи")
        return out

    def _quantity_after(self, cues, j: int) -> bool:
        """A number and a unit of goods, or a share, within a few words after token j ("about 260,000
        tonnes", "близько 260 тис. тонн", "more than half")."""
        end = min(j + _QUANTITY_REACH, len(self.lows))
        if any(j <= k < end for k, _ in cues.get("portion", ())):
            return True
        # (not a share: "Абу-Даби получит 51% в СП" is a stake)
        goods = [u for u, _ in cues.get("goods_unit", ())] + [self.token_of(m.start_char) for m in self.commodities]
        n = len(self.lows)
        for k in range(j, end):
            if not self.lows[k][:1].isdigit():
                continue
            if any(k < u <= end for u in goods):
                return True
            # or a count of things ("отримали 80 цистерн", "received 12 locomotives"): a noun after the
            # number that is no money, share or time ("300 млн долларов", "51%", "3 years")
            if any(ch in self._gap(k) for ch in "$€£¥₸"):
                return False
            c = k + 1
            while c < n and (self.lows[c][:1].isdigit() or self.lows[c].rstrip(".") in self.g.magnitudes) and not any(
                    ch in self._gap(c) for ch in "%"):
                c += 1
            return c < n and "%" not in self._gap(c) and self.lows[c].isalpha() and not self.lows[c].startswith(
                self.g.not_goods)
        return False

    def _opens_with_conjunction(self, cues) -> set[int]:
        """Tokens where a clause cue of one word starts a clause ("однако", "however", ", а")."""
        return ({i for i, j in (*cues.get("clause", ()), *cues.get("clause_post", ())) if j == i + 1}
                | self._comma_opens) - {i for i, _ in cues.get("not_clause", ())} - self._instead(cues)

    def _ends_in_case(self, p: Mention) -> bool:
        """The partner's word carries a case ending ("Еуропаға"; not "Өзбекстан", whose "-тан" is its name's).
        (Where no copula is written, "Ең ірі сатып алушы ... Өзбекстан" names the ranked one in the nominative.)"""
        w = self.lows[self.token_of(p.end_char - 1)]
        return w not in self.g.bare_names and w.endswith(self.g.role_endings)

    def _concessive(self, cues) -> set[int]:
        """Tokens of "even if" ("nawet jeśli pochodzą one z Kazachstanu"): what it grants is so, no condition."""
        return {k for i, j in cues.get("concessive", ()) for k in range(i, j)}

    def _instead(self, cues) -> set[int]:
        """"not through Russia but across Azerbaijan", "nie przez Rosję, lecz przez Gruzję": the "but" that
        gives the way taken instead goes on with the same verb, no new clause."""
        if "bypass" not in cues or "contrast" not in cues:
            return set()
        return {i for i, _ in cues["contrast"] if any(b < i <= b + _CONTRAST_REACH for _, b in cues["bypass"])}

    def _region_after(self, cues, p: Mention) -> bool:
        """A region word right after the demonym ("russischen Region", "Russian region of")."""
        me = self.token_of(p.end_char - 1) + 1
        # (or after the region's own name: "Ресейдің Краснодар өлкесіндегі", "Russia's Krasnodar region")
        if me < len(self.lows) and self.lows[me] == "s" and self._gap(me) in ("'", "’"):
            me += 1
        named = me + 1 if me < len(self.lows) and self.text[self.starts[me]].isupper() else me
        return any(a in (me, named) for a, _ in cues["region"])

    def _after_cue(self, cues, role: str, mi: int, reach: int) -> bool:
        found = cues.get(role)
        if found:
            for _, j in found:
                if mi - reach <= j <= mi:
                    return True
        return False

    def _after_any(self, cues, roles: tuple[str, ...], mi: int, reach: int) -> bool:
        """_after_cue for any of roles (one call, not one per role)."""
        for role in roles:
            found = cues.get(role)
            if found:
                for _, j in found:
                    if mi - reach <= j <= mi:
                        return True
        return False

    def _articles_in(self, cues, a: int, b: int) -> int:
        """Articles among tokens a..b-1 ("the", "la", "des", "der")."""
        found = cues.get("article")
        return sum(1 for i, _ in found if a <= i < b) if found else 0

    def _background(self, cues, clause, mi: int, me: int) -> bool:
        # "unlike the United States", "contrairement à la Russie": the article stands between
        if "comparison" in cues and self._after_cue(
                cues, "comparison", mi - self._articles_in(cues, mi - 2, mi), _COMPARISON_REACH - 1) and \
                self._opens_clause_after(cues, mi, me) is None:
            return True
        if "than" in cues and self._compared_act(cues, clause, mi):
            return True
        # "wobec ponad 40 proc. dostaw z Arabii Saudyjskiej": "against" a quantity, the partners of that
        # quantity are the comparison's
        # (and the list's next member: "... i mniej więcej jednej piątej z Norwegii")
        if "versus" in cues and any(0 <= mi - j <= _VERSUS_REACH and clause[mi] - clause[j] in (0, 1)
                                    for _, j in cues["versus"]):
            return True
        if "source" in cues and self._said_by(cues, mi):
            return True  # "Според Брюксел", "according to Washington": who says it, no party to the act
        if ("speech" in cues or "quote_verb" in cues) and self._quoted_by(cues, mi):
            return True  # "– ocenia Piotr Lis, były attaché handlowy ambasady Niemiec": the speaker's office
        if "speech" in cues and self._reports_home(cues, me):
            return True  # "Washington says Kazakh re-exports to Russia reached $1.2 billion"
        if "comparison_after" in cues and any(i == me for i, _ in cues["comparison_after"]):
            return True  # "Ресейден кейін" (after Russia), "Қытайға қарағанда" (than China)
        if "than_after" in cues and any(me < i <= me + _COMPARED_NP and not self._marks_between(me, i, ",;:") and not any(
                me <= self.token_of(q.start_char) < i for q in self.partners + self.home) for i, _ in cues["than_after"]):
            return True  # "Ресей арқылы өтетін теміржол бағытына қарағанда": inside what is compared (head last)
        if "rank" in cues and self._after_cue(cues, "rank_after", mi - self._articles_in(cues, mi - 2, mi), 0):
            # "nach Norwegen und den USA der drittgrößte Öllieferant": "nach" is "after" before a rank
            end = self._list_end(mi)
            if any(end <= i <= end + 3 and "," not in self.text[self.ends[end - 1]:self.starts[i]]
                   for i, _ in cues["rank"]):  # (not "nach Deutschland, dem zweitgrößten Abnehmer")
                return True
        for i, j in cues.get("dependence", ()):
            if mi - 2 <= j <= mi and self._actor_before(clause, i) != "home":
                return True  # "the EU depends on China", "Washington cuts its reliance on China"
        # (not from inside a relative clause: "Egypt, which sells ammonia to Germany, remains the
        # closest competitor" makes Egypt the rival, not Germany)
        if "rival" not in cues:
            return False
        inside = clause[mi] in {clause[k] for k, _ in cues["relative"]} if "relative" in cues else False
        return any((me <= i <= me + _RIVAL_REACH and not (inside and clause[i] != clause[mi])) or mi - 2 <= j <= mi
                   for i, j in cues["rival"])

    def _quoted_by(self, cues, mi: int) -> bool:
        """The partner describes who is quoted: after a closing quote or a dash, a verb of saying, then
        the speaker ("»Italien ist interessiert«, sagte der frühere deutsche Botschafter", "», — дейді
        Германияның бұрынғы елшісі")."""
        for role in ("speech", "quote_verb"):
            for i, _ in cues.get(role, ()):
                if i < mi <= i + _SPEAKER_REACH and i > 0 and any(ch in self._gap(i) for ch in _QUOTE_ENDS):
                    return True
        return False

    def _said_by(self, cues, mi: int) -> bool:
        """The partner right after a source word, or after one word that names its office ("по
        заявлению Минобороны России", "selon le ministère russe"), not a trigger ("according to the
        deal with China")."""
        articles = self._articles_in(cues, mi - 2, mi)
        if self._after_cue(cues, "source", mi - articles, 0):
            return True
        # (a word, no "a": "according to a State Department spokesperson" names the U.S. as a party)
        return not articles and len(self.lows[mi - 1]) > 3 and self._after_cue(cues, "source", mi - 1, 0) and not any(
            i == mi - 1 for _, i, _ in self.hits) and not self._gap(mi).strip()

    def _reports_home(self, cues, me: int) -> bool:
        """The partner says what Kazakhstan's side does: a speech verb right after it and Kazakhstan's
        side right after that ("Washington says Kazakh re-exports ...", "Москва заявляет, что
        казахстанский экспорт ..."); not a threat or a sanction it speaks of ("says it will impose")."""
        if any(t in _HOSTILE for t, _, _ in self.hits):
            return False
        for i, j in cues["speech"]:
            if i == me:
                k = j + (1 if j < len(self.lows) and self.lows[j] in self.g.that_words else 0)
                return any(self.token_of(h.start_char) == k for h in self.home)
        return False

    def _opens_clause_after(self, cues, mi: int, me: int) -> int | None:
        """"after U.S. blacklists two firms": the comparison word (returned) right before a partner
        that an act follows opens a clause whose subject acts, no comparison; not after a rank
        ("drugim po Norwegii dostawcą": the second supplier after Norway)."""
        # (or one word on, after the partner's adjective: "after Ukrainian drones damaged a station")
        # (an act that ends the sentence is the noun of a comparison: "second after Russian exporters.")
        n = len(self.lows)
        if me >= n or self._gap(me).strip() not in ("", ".") or not any(
                (i == me or (i == me + 1 and not self._gap(i).strip())) and j < n and not self._gap(j).strip()
                for _, i, j in self.hits):
            return None
        word = next((i for i, j in cues["comparison"] if j == mi), None)
        if word is None or any(j == word for _, j in cues.get("ordinal", ())):
            return None
        return word

    def _compared_act(self, cues, clause, mi: int) -> bool:
        """"more expensive than overland transit through Russia", "дороже, чем поставки в Китай": the
        act after "than" (not "after": a time as often as a rank) is the one measured against, and its
        partner no party; the act must open what follows the word ("more than half of exports to
        China" compares a share)."""
        # (a partner's adjective right after "than" and the act right after it: "по-малък от румънското
        # пристанище", "cheaper than the Russian route")
        if any(j == mi for _, j in cues["than"]) and any(i == mi + 1 for _, i, _ in self.hits) and any(
                self.token_of(p.start_char) == mi and p.mention_kind == "demonym" for p in self.partners):
            return True
        lead = mi - self._articles_in(cues, mi - 2, mi)
        if not self._after_any(cues, _ROLE_CUES[:5], lead, 0):
            return False
        for _, j in cues["than"]:
            if not (0 < mi - j <= _COMPARED_REACH and clause[j] == clause[mi]):
                continue
            first = j + self._articles_in(cues, j, j + 2)
            act = next((i for _, i, _ in self.hits if first <= i <= first + 1 and i < mi), None)
            # (not "второй после России поставщик нефти в Германию": what is compared is Russia; but a partner's
            # adjective before the act is the act's: "по-малък от румънското пристанище Констанца")
            if act is not None and clause[act] == clause[mi] and not any(
                    j <= self.token_of(p.start_char) < act and not (
                        p.mention_kind == "demonym" and self.token_of(p.end_char - 1) + 1 == act)
                    for p in self.partners + self.home):
                return True
        return False

    def _own_country_before(self, i: int) -> bool:
        """"son pays", "his country" right before token i (whose country: the side named before)."""
        return i >= 2 and f" {self.lows[i - 2]} {self.lows[i - 1]} " in self.g.anaphor_phrases

    def _actor_before(self, clause, i: int, reach: int | None = None) -> str | None:
        """Entity type of the nearest partner or Kazakh mention before token i in its clause
        (at most `reach` tokens before it, when given)."""
        best, kind = -1 if reach is None else i - reach - 1, None
        for m in self.partners + self.home:
            k = self.token_of(m.start_char)
            if best < k < i and clause[k] == clause[i]:
                best, kind = k, m.entity_type
        return kind

    def _on_the_way(self, cues, clause, mi: int, me: int, ways: list[int] = (), moved_to: list[int] = ()) -> bool | None:
        """True: the partner is on the way; False: it is bypassed; None: neither is said.
        ways: where transit words stand ("the port of Ceyhan in Turkey", "Russian ports")."""
        if self._after_cue(cues, "bypass", mi, 1) or "bypass_after" in cues and any(
                me <= i <= me + 1 for i, _ in cues["bypass_after"]):
            return False
        # "the port of Ceyhan in Turkey", "Russian ports": a transit word near the partner, the
        # partner after a place preposition or right before the word
        if ways and "via_weak" in cues:  # "by rail to China", "par bateau", "koleją": the means, not a place on the way
            ways = [w for w in ways if not any(b == w or a <= w < b for a, b in cues["via_weak"])]
        # ("a accosté au port autonome de Dakar", "в пристанище Бургас са разтоварени", "До порту Південний
        # прибув танкер": a port where the goods are unloaded is where they go, no way)
        if ways and "unload" in cues and any(0 <= w - b <= 4 or 0 < a - w <= 4 for w in ways for a, b in cues["unload"]) \
                and not any(me <= i for i, _ in cues.get("onward", ())):
            return None
        if ways:
            located = self._after_cue(cues, "destination", mi, 0) or self._after_cue(cues, "origin", mi, 0)
            # a demonym names the country of the transit word it qualifies, after "to" too ("до
            # турецького порту Джейхан", "to Turkish ports")
            adjective = located and any(p.mention_kind == "demonym" and self.token_of(p.start_char) == mi
                                        for p in self.partners)
            with_it = self._suffix_role.get(mi) == "with"  # "Иранмен теміржол тарифтері": a counterpart, not a place
            # ("тариф на транзит муки в Афганистан": after the word "transit" itself, "to" names the end)
            acts = {i for i, _ in cues.get("transit_act", ())}
            # "to China's Lianyungang port and then by sea to Busan": the partner's own port, a name
            # between, where the goods go on from (at the end of the way it is also the buyer's)
            if me + 1 < len(self.lows) and self.lows[me] == "s" and self._gap(me) in ("'", "’") and any(
                    me + 1 <= w <= me + 2 and clause[w] == clause[mi] and w not in acts and any(
                        d > w for d, _ in cues.get("destination", ())) for w in ways):
                return True
            # (a way another partner's adjective owns is that partner's: "über georgische Häfen nach
            # Italien" goes to Italy)
            owned = {self.token_of(q.end_char - 1) + 1 for q in self.partners if q.mention_kind == "demonym"
                     and self.token_of(q.start_char) != mi} if located else ()
            # (a line leads to a place after "to": "über die Druschba-Pipeline nach Deutschland liefern" sells
            # to Germany; a port is in one: "to the port of Ceyhan in Turkey")
            if located and "line" in cues and "toward" in cues:
                lines = {i for i, _ in cues["line"]}
                dest = [i for i, _ in cues["toward"]]  # ("nach", "to": never "in", a place as well)
                owned = {*owned, *(w for w in ways if w in lines and any(w < d < mi for d in dest))}
            # "Ресейдің Новороссийск портына": to the partner's port, in the partner's genitive (a case ending)
            if self._suffix_role.get(mi) == "of" and any(
                    me <= w <= me + 2 and self.lows[w].endswith(self.g.destination_endings) for w in ways):
                return True
            # ("в иранский порт Энзели": a port the goods are unloaded in for the partner, dest_port, ends the way)
            ends = {a for role in cues if role.startswith("dest_port:") and any(
                p.entity_id == role[10:] and p.mention_kind == "demonym" and self.token_of(p.start_char) == mi
                for p in self.partners) for a, _ in cues[role]}
            # (not at the end of a way through others: "przez Azerbejdżan i Gruzję, a dalej promem do rumuńskiego
            # portu Konstanca", "über ... den rumänischen Schwarzmeerhafen Constanța nach Linz")
            if ends and any(w == me and any(w < a <= w + 2 for a in ends) for w in ways) and not any(
                    me <= i for i, _ in cues.get("onward", ())) and not any(
                    i < mi for role in ("via", "via_after") for i, _ in cues.get(role, ())) and not any(
                    d > me for d, _ in cues.get("destination", ())):
                return None
            if any(clause[w] == clause[mi] and ((located and mi - 4 <= w < mi and w not in acts and w not in owned) or (
                    w == me and (not located or adjective) and not with_it) or (
                    w == mi - 1 and self._after_cue(cues, "destination", w, 0)))  # "do portów Gruzji"
                   for w in ways):
                return True
        # "Россия, через которую идет основной поток транзита", "Georgia, through which": the way is the
        # antecedent of the relative pronoun after "through"
        # (not the partner of an act before it: "po rozmowach z ... Gruzją, przez których terytorium
        # biegnie rurociąg" talks with Georgia, whose territory the pipeline also crosses)
        if "via" in cues and "relative" in cues and any(
                i == me and self._gap(i).strip() == "," and any(r == j for r, _ in cues["relative"])
                for i, j in cues["via"]) and not any(h < mi for _t, h, _e in self.hits):
            return True
        # "through Georgia to Turkey": the country after "to" is where the goods go (but "przez Morze
        # Kaspijskie do Baku, a stamtąd rurą", "до Азербайджан, а след това ... през Грузия": a port
        # city, or a place the goods go on from, stays one)
        to_here = "via" in cues and "destination" in cues and self._after_cue(cues, "destination", mi, 0) and all(
            p.mention_kind != "capital" for p in self.partners if self.token_of(p.start_char) == mi) and not any(
            i > me for i, _ in cues.get("via", ()))
        if "via" in cues and not to_here and any(mi - _VIA_REACH <= j <= mi and clause[i] == clause[mi] and not any(
                j <= k < mi for k in self._home_at) and not self._time_span(cues, j)
                for i, j in cues["via"]):  # ("через территорию Казахстана в Китай")
            return True
        # (one word between only if it is "territory": "Ресей аумағы арқылы", not "Еуроодақ КТК арқылы")
        if "via_after" in cues and any(i == e or (i == e + 1 and e in self._territory_at(cues))
                                       for i, _ in cues["via_after"] for e in [me] + [
                self.token_of(q.end_char - 1) + 1 for q in self.partners
                if self._list_head(self.token_of(q.start_char)) == mi]):
            return True  # "Әзербайжан мен Грузия арқылы": the list before the postposition
        # ("by": "supplied by China's Goldwind"; "par le": "fournies par le chinois Goldwind")
        agents = dict(cues.get("agent_prep", ()))
        if moved_to and "via_weak" in cues and not self._after_cue(cues, "destination", mi, 0) and any(
                mi - _VIA_REACH <= j <= mi and clause[i] == clause[mi] and any(0 <= i - b <= 2 for b in moved_to)
                and not (agents.get(i) == mi and any(t == "trade" and 0 <= i - b <= 2 for t, _a, b in self.hits)
                         and not any(d > mi and clause[d] == clause[mi] for d, _ in cues.get("destination", ())))
                for i, j in cues["via_weak"]):  # ("shipped by rail to China": the buyer, not the way)
            # (nor the doer of a passive: "will be supplied by China's Goldwind"; after a word that
            # sells or supplies only, and with no destination after it: "transite toutefois par la Russie",
            # "livré par l'Ouzbékistan vers l'Afghanistan" name the way)
            return True  # "par" / "by" says the way only right after a word that moves something
        return None

    def _goes_on(self, cues, me: int) -> bool:
        """The goods go on from the place that ends at token me: "to Baku, and from there", "jusqu'à
        Bakou, puis rejoignent par rail", "до Баку и прекосяват Грузия" (a way right after it, or an
        onward word followed by a way, a means or a destination: "then signed a deal" is no leg)."""
        if any(me <= i <= me + 3 for i, _ in cues.get("onward", ())):
            return True
        # (a way after "and": a second leg, "и прекосяват Грузия"; not "to Afghanistan through Uzbekistan")
        if any(me < i <= me + 3 and not self.g.coordinators.isdisjoint(self.lows[me:i]) for i, _ in cues.get("via", ())):
            return True
        # ("then", "puis", "потім"; "i koleją do Polski": a means and a destination after it)
        legs = {i for role in ("destination", "via", "via_weak", "origin") for i, _ in cues.get(role, ())}
        dest = {i for i, _ in cues.get("destination", ())}
        acts = {i for t, i, _ in self.hits if t != "move"}  # ("then buys fruit from": a new act, no leg)
        return any(me <= i <= me + 3 and any(k in legs and acts.isdisjoint(range(j, k)) for k in range(j, j + 5))
                   for i, j in cues.get("then", ())) or any(
            me <= i <= me + 2 and any(k in dest for k in range(j, j + 3)) for i, j in cues.get("via_weak", ()))

    def _time_span(self, cues, j: int) -> bool:
        """A via word before a period is time, not a way: "през следващите три години", "через два
        года", "przez trzy lata", "über drei Jahre"."""
        if j < len(self.lows) and len(self.lows[j]) == 4 and self.lows[j].isdigit() and self.lows[j][:2] in ("19", "20"):
            return True  # "През 2024 г. български фирми ...": a year
        return "period" in cues and any(j <= k <= j + 3 for k, _ in cues["period"])

    def _trades(self, cues, p: Mention, mi: int, me: int, head: int, i: int, j: int, with_home: bool) -> bool:
        """Is the partner buyer, seller, origin or destination of this trade word? Without a
        parser: it stands next to it, or right after "to"/"from" (itself or the list it
        heads), or is a demonym near it."""
        if 0 <= head - j <= 3 or ((0 <= i - me <= _TRADE_REACH or (
                head == mi and len(self.partners) > 1 and 0 <= i - self._list_end(mi) <= _TRADE_REACH))  # "Italy and the Netherlands ... buyers"
                and not self._hostile_target(cues, head)):
            return True  # "China buys", "Chinese buyers"; "purchases by China"
        # ("exports from Russia" with no Kazakh side: Russia's own exports)
        role = self._after_role(cues, ("destination", "between"), head) or (
            with_home and self._after_role(cues, ("origin",), head))
        if role and self._words_between(i, head) <= _TRADE_ROLE_SPAN and not any(
                min(i, head) < self.token_of(q.start_char) < max(i, head) and not (self._same_role_word(
                    cues, self.token_of(q.start_char), head) and not self._after_any(cues, ("comparison", "than"), head, 2))
                for q in self.partners) and not any(
                min(i, head) < k < max(i, head) for k in self._trade_words):
            return True  # ("to Italy and wheat to Iran": a partner after the same role word does not stand between)
        if "bracket" in cues and self._bracket_subject(cues, mi, me, i, j):
            return True
        # "Иранға астық Түрікменстан арқылы темір жолмен жеткізіледі": where goods go, in its case, before the
        # verb that closes the clause; a country on the way ("арқылы") may stand between
        if self.g.case_endings and mi < i and self._suffix_role.get(mi) == "destination" and i - me <= _TRADE_ROLE_SPAN \
                and not self._marks_between(me, i, ",;:") and all(
                    any(b == qe or b == qe + 1 for b, _ in cues.get("via_after", ()))
                    for q in self.partners if me <= (qe := self.token_of(q.end_char - 1) + 1) - 1 < i) and \
                self._verb_closes(j):
            return True
        # "China remains Kazakhstan's largest uranium customer", "Китай является крупнейшим покупателем":
        # the subject of a copula whose predicate is the trade noun
        if with_home and "copula" in cues and any(a == me and me < b <= i <= b + _COPULA_SPAN for a, b in cues["copula"]) and not any(
                me < self.token_of(q.start_char) < i for q in self.partners) and not any(
                me < k < i for k in self._trade_words):
            return True
        # "The main buyers of Kazakh oil remain Italy and Spain", "Основными покупателями ... остаются страны
        # ЕС": the trade noun is the subject and the partner the predicate, right after the copula
        # (the goods named between say whose they are: "Основным покупателем экибастузского угля остается Россия")
        # (but not a rank in a market that is no partner: "dostawcą żelazochromu do Europy", "на мировом рынке")
        if "copula" in cues and any(j <= a <= j + _COPULA_SPAN and 0 <= head - b <= 2 and (with_home or any(
                j <= self.token_of(c.start_char) < a for c in self.commodities) and not any(
                j <= k < a for role in ("destination", "world", "market") for k, _ in cues.get(role, ())))
                for a, b in cues["copula"]) and not any(
                i < self.token_of(q.start_char) < head for q in self.partners) and not any(
                j <= k < head for k in self._trade_words):
            return True
        if self.g.case_endings and self._final_verb_subject(mi, i, j):
            return True
        # (not the demonym of a sanction or an attack: "les sanctions américaines ... les exportations")
        return p.mention_kind == "demonym" and 0 < i - mi <= _DEMONYM_REACH and not any(
            t in _HOSTILE and (e == mi or s == me) for t, s, e in self.hits)

    def _role_word(self, cues, k: int) -> str | None:
        """The "to"/"from" word right before token k (an article may stand between), lowercased."""
        words = self.__dict__.get("_role_words")
        if words is None:  # (built once per sentence)
            words = self._role_words = {y: self.lows[x] for role in ("origin", "destination") for x, y in cues.get(role, ())}
        return words.get(k) or (words.get(k - 1) if k - 1 in self._article_at(cues) else None)

    def _same_role_word(self, cues, a: int, b: int) -> bool:
        """Partners at tokens a and b each right after the same role word ("to Italy ... to Iran")."""
        wa = self._role_word(cues, a)
        return wa is not None and wa == self._role_word(cues, b)

    def _hostile_target(self, cues, head: int) -> bool:
        """"sanctions on Russia have disrupted Kazakh oil exports", "les sanctions américaines contre la
        Russie": the target of a sanction or an attack just before it is no buyer or seller of a trade
        word after it."""
        return "target" in cues and any(
            (b == head or (b == head - 1 and b in self._article_at(cues))) and any(
                t in _HOSTILE and 0 <= a - e <= 2 for t, _s, e in self.hits) for a, b in cues["target"])

    def _final_verb_subject(self, mi: int, i: int, j: int) -> bool:
        """A language that marks roles by case endings and puts the verb last ("Қытай Қазақстаннан
        1,5 мың тонна уран сатып алды"): a partner without a case ending among the first words of the
        sentence, no partner before it, is the subject of the trade verb that ends the sentence (a
        compound verb may follow it: "сатып алды", "жеткізіп отыр")."""
        # ("Францияның Orano компаниясы ... сатып алады": the partner's company, in the partner's genitive)
        owner = self._suffix_role.get(mi) == "of" and any(
            w in self.g.company_words for w in self.lows[mi + 1:mi + 4])
        # (or of a clause that ", ал" opens after one with Kazakhstan's side: "Қазақстан уранының жартысы
        # Қытайға жөнелтіледі, ал Францияның Orano компаниясы ... сатып алады")
        start = max((k + 1 for k in self._comma_opens if k < mi), default=0)
        if start and not any(h < start for h in self._home_at):
            return False
        if mi - start > 2 or (mi in self._suffix_role and not owner) or not mi < i <= mi + _BRACKET_SPAN or any(
                start <= self.token_of(q.start_char) < mi for q in self.partners) or self._marks_between(
                mi + 1, i, ":;"):  # ("Ресей ... бақылайды: ...")
            return False
        return self._verb_closes(j)

    def _verb_closes(self, j: int) -> bool:
        """The verb that ends at token j (or a compound verb's second word after it) closes its clause:
        a full stop, a colon or a comma follows ("... бидай сатып алды, оның үштен бірі ... тасымалданды")."""
        return any(self._closes_before(end, ".;:!?,") for end in range(j, min(j + 2, len(self.lows)) + 1))

    def _bracket_subject(self, cues, mi: int, me: int, i: int, j: int) -> bool:
        """A verb bracket ("Deutschland hat im vergangenen Jahr Öl aus Kasachstan importiert",
        "Im Januar hat Italien ... gekauft"): the partner right before or after the finite auxiliary
        is the subject of the participle or infinitive that closes the clause, however far it stands;
        so is the partner right after a subordinator ("..., dass Italien ... gekauft hat")."""
        # (an article may stand between: "hat die Türkei", "dass die Türkei")
        if not mi < i <= mi + _BRACKET_SPAN or not (any(a == me or mi - 1 <= b <= mi for a, b in cues["bracket"]) or any(
                mi - 1 <= b <= mi for _, b in cues.get("bracket_open", ()))):
            return False
        if any(mi < a < i for a, _ in cues.get("negation", ())):
            return False  # "Deutschland hat ... kein Öl aus Kasachstan importiert"
        n = len(self.lows)
        if j < n and any(a == j for a, _ in cues["bracket"]):
            j += 1  # "..., dass Deutschland ... importiert hat"
        # the clause ends there, or only a comparison follows ("... eingeführt als im Vorjahr")
        return self._closes_before(j, ".,;:!?") or any(a == j for a, _ in cues.get("than", ()))

    def _words_between(self, a: int, b: int) -> int:
        """Words between two tokens, figures not counted ("supply up to 1.2 million tonnes ... to")."""
        a, b = min(a, b), max(a, b)
        return sum(1 for k in range(a + 1, b) if not self.lows[k].isdigit())

    def _after_role(self, cues, roles: tuple[str, ...], mi: int) -> bool:
        """Is the nearest role word before mi ("to", "from", "between"; at most one word between) one of roles?
        A case ending on the partner's own word ("Түркияға") says it first."""
        if mi in self._suffix_role:
            return self._suffix_role[mi] in roles
        role_at = self.__dict__.get("_role_at")
        if role_at is None:  # where each role word ends (of two on one word, the greatest name, as before)
            role_at = self._role_at = {}
            for role in ("between", "destination", "origin"):
                for _, b in cues.get(role, ()):
                    role_at[b] = role
        opens = self._opens_with_conjunction(self._cues) if "clause" in self._cues or self._comma_opens else ()
        for b in range(mi, mi - _TRADE_ROLE_REACH - 1, -1):
            if b < mi and b in opens:
                break  # "на Каспии, а Грузия": the role word belongs to the clause before
            if b in role_at:
                return role_at[b] in roles
        return False

    def _home(self, cues) -> list[int]:
        """Token indices where the Kazakh side is named (the country, its capital, its
        demonym, its companies, ports and fields)."""
        out = [self.token_of(m.start_char) for m in self.home] + [i for i, _ in cues.get("kazakh_side", ())]
        if out and "bypass" in cues:  # "в обход Казахстана", "bypassing Kazakhstan": no Kazakh side of the act
            around = {j for _, j in cues["bypass"]}
            out = [k for k in out if k not in around and k - 1 not in around]
        if out and "negation" in cues:  # "a project that will not touch Kazakh territory": Kazakhstan said to stay out
            denied = {j for _, j in cues["negation"]}
            # (a verb between, not a role word: "dürfen nicht aus Kasachstan nach Russland weiterverkauft werden"
            # names where the goods must not come from)
            roles = {i for role in _ROLE_CUES for i, _ in cues.get(role, ())}
            out = [k for k in out if not any(k == j + 1 and j not in roles for j in denied)]
        if out and "near" in cues:  # "drills near the Kazakh border": a place beside Kazakhstan, no side of it
            near = [j for _, j in cues["near"]]
            out = [k for k in out if not any(0 <= k - j <= 2 for j in near)]
        if out and "comparison" in cues:
            # "the largest supplier to Uzbekistan after Kazakhstan.", "unlike Kazakhstan, ...": the compared
            # term, ending its phrase (not "after Kazakhstan banned exports": a clause of its own)
            compared = {j for _, j in cues["comparison"]}
            articles = self._article_at(cues)
            for m in self.home:
                k, e = self.token_of(m.start_char), self.token_of(m.end_char - 1) + 1
                if (k in compared or (k - 1 in compared and k - 1 in articles)) and (
                        e == len(self.lows) or any(ch in self._gap(e) for ch in ",.;:)")):
                    out = [x for x in out if x != k]
        if out and ("than" in cues or "than_after" in cues):
            # "more oil to India than Kazakhstan", "Қазақстаннан гөрі": the compared term is no party
            than = {j for _, j in cues.get("than", ())}
            after = {i for i, _ in cues.get("than_after", ())}
            out = [k for k in out if not (k in than or k - 1 in than and k - 1 in self._article_at(cues)) and k + 1 not in after]
        return out

    def _territory_at(self, cues) -> set[int]:
        return {i for i, _ in cues.get("territory", ())}

    def _article_at(self, cues) -> set[int]:
        return {i for i, _ in cues.get("article", ())}

    def _between_others(self, cues, parties, clause: list[int], i: int) -> bool:
        """"(Kazakh peacekeepers monitor) the ceasefire agreement between Israel and Syria": two partners
        after "between" in the act's clause, and Kazakhstan not among them, deal with each other."""
        for _b, e in cues["between"]:
            listed = [(p.entity_id, self._list_end(head)) for p, mi, me, head, c, via in parties
                      if e <= head <= e + 1 and c == clause[i]]
            pair = {x for x, _ in listed}
            end = max((le for _, le in listed), default=e)
            if len(pair) > 1 and not any(_one_side(x) & (pair - {x}) for x in pair) and not any(
                    e <= k < end for k in self._home_at):
                return True
        return False

    def _third_party(self, cues, parties, kz_clauses: set[int], clause: list[int], i: int, j: int, moving: bool) -> bool:
        """Two partners deal with each other and the clause names no Kazakh side: a partner
        before the trigger and another right after it ("Germany buys gas from Norway",
        "Washington banned imports of Russian fuel"), or, for goods that move, a partner
        with no role beside one that is the origin or destination of this very trigger
        ("Германия Норвегиядан газ сатып алды"). A partner far after the trigger belongs to
        another predicate ("Azerbaijani millers took 310,000 t, mostly for re-export to Georgia")."""
        if clause[i] in kz_clauses:
            return False
        # (the antecedent of "which" is the subject of its relative clause: "Turkmenistan, which sells
        # most of its gas to China,")
        relative = {k for k, _ in cues.get("relative", ()) if clause[k] == clause[i]} if "relative" in cues else ()
        mine = [(p, head, mi, me) for p, mi, me, head, c, via in parties
                if (c == clause[i] or me in relative) and (via is None or not moving)]
        # (a destination before the trigger is no actor: "to Japan and signed with Korea")
        dest = {j for _, j in cues.get("destination", ())}
        # ("to France's Orano": a company after a destination and its country's genitive is one too)
        before = {p.entity_id for p, head, mi, _ in mine if head < i and head not in dest and head - 1 not in dest
                  and not (p.mention_kind == "organisation" and any(0 < mi - d <= 3 for d in dest))}
        # (a talk or a deal: the other side anywhere after it in the clause, "discussed the corridor in
        # Baku last week with his Georgian counterpart")
        reach = _THIRD_PARTY_REACH if moving else len(self.lows)
        if before and any(j <= mi <= j + reach and before - _one_side(p.entity_id) for p, _, mi, _ in mine):
            return True  # (two partners: "the EU ... the European Union will lend" is one)
        # "Russia and China signed a gas deal": two partners joined as the subject (no preposition
        # before the list: "talks with Azerbaijan and Georgia" are objects), no Kazakh side
        subjects: dict[int, set[str]] = {}
        # (a Kazakh list takes its case on its last member: "Түркия мен Италияға" are both where goods go)
        cased = {head for p, head, mi, _ in mine if self._suffix_role.get(mi) in _CASE_ROLES} if self._suffix_role else ()
        for p, head, mi, _ in mine:
            if head in cased or self._suffix_role.get(mi) == "of":
                continue  # (nor a name in the genitive: "Әмірліктері мен Катардың министрлерімен" owns the noun after it)
            # (nor a list after "with": "Gespräche laufen mit französischen und niederländischen Käufern")
            if mi < i and not self._after_any(cues, _ROLE_CUES, head, 0) and not self._after_cue(cues, "with", head, 0) \
                    and not self._noun_case_after(head):
                subjects.setdefault(head, set()).add(p.entity_id)
        if any(len(ids) > 1 for ids in subjects.values()):
            return True
        # "Туркменистан предлагал Узбекистану увеличить поставки": two partners apart before a moving act,
        # subject and object, no Kazakh side
        if moving and len(subjects) > 1 and len(set().union(*subjects.values())) > 1:
            return True
        # "Сауд компаниялары Өзбекстанның энергетикасына инвестиция салды": a subject and another partner in
        # the genitive whose noun takes the act's case (to, with, from) before a final verb: that partner's
        # thing is the other side
        if subjects and self._suffix_role:
            owners = {p.entity_id for p, head, mi, me in mine if mi < i and self._suffix_role.get(mi) == "of" and any(
                self.lows[k].endswith(suf) and len(self.lows[k]) > len(suf) + 2 for k in range(me, min(me + 3, i))
                for suf, role in self.g.case_endings if role in ("destination", "with", "origin"))}
            if owners and any(ids - owners for ids in subjects.values()):
                return True
        # ("Сауд қоры Өзбекстан мен Тәжікстандағы су жобаларын қаржыландырады": a subject and partners
        # whose case gives them a role in the act, where, to or from, before a final verb)
        if subjects and cased:
            placed = {p.entity_id for p, head, mi, _ in mine if head in cased and mi < i}
            if placed and any(ids - placed for ids in subjects.values()):
                return True
        # "Uzbekistan has been courting Chinese investment": a subject and another partner's demonym on the act
        on_act = {p.entity_id for p, head, mi, me in mine if p.mention_kind == "demonym" and 0 <= i - me <= 1}
        if on_act and any(ids - on_act for h, ids in subjects.items() if not any(
                p.entity_id in on_act and head == h for p, head, _mi, _me in mine)):
            return True
        # "Frankreich hat mit Usbekistan einen Vertrag geschlossen", "Қытай Түркиямен сауда
        # байланысын дамытып жатыр": the subject and the partner "with" it both before a final verb
        if subjects and ("with" in cues or self._suffix_role):
            partners_with = {p.entity_id for p, head, mi, _ in mine if mi < i and (
                self._suffix_role.get(head) == "with" or self._after_cue(
                    cues, "with", head - self._articles_in(cues, head - 2, head), 0))}
            if partners_with and any(ids - partners_with for ids in subjects.values()):
                return True
        if not moving:
            return False
        # (or right after the trade word that ends in its role: "utilities in the EU", "buyers in Canada")
        bound = {p.entity_id for p, head, mi, me in mine
                 if (self._after_role(cues, ("destination", "origin"), head) or (j - i > 1 and 0 <= head - j <= 1))
                 and not any(min(i, head) < k < max(i, head) for k in self._trade_words)}
        # ("Drugim rynkiem są Niemcy, trzecim – Gruzja": a partner after the next rank is the next market)
        ranked = {j for _, j in cues.get("ordinal", ())} if "ordinal" in cues else ()
        return bool(bound) and any(p.entity_id not in bound and not self._after_role(cues, ("destination", "origin"), head)
                                   and head not in ranked and head - 1 not in ranked for p, head, mi, me in mine)

    def _listed_with_home(self, cues, parties) -> dict[int, set[int]]:
        """Partners (by first token) in one list with a mention of Kazakhstan's side ("from Niger and
        Kazakhstan", "Kazakh and Russian grain"), each with the first tokens of its list's partners;
        not a list after "between" (their trade with each other)."""
        homes = [(self.token_of(m.start_char), self.token_of(m.end_char - 1) + 1, True) for m in self.home]
        if not any(0 <= hi - me <= 3 or 0 <= mi - he <= 3 for _p, mi, me, *_ in parties for hi, he, _ in homes) and (
                "origin" not in cues and "destination" not in cues):
            return {}  # (no partner beside Kazakhstan, no role word: most sentences)
        members = sorted([(mi, me, False) for _p, mi, me, *_ in parties] + homes)
        between = {j for _, j in cues.get("between", ())}
        articles = self._article_at(cues)
        groups, group = [], [members[0]] if members else []
        for prev, cur in zip(members, members[1:]):
            words = [k for k in range(prev[1], cur[0]) if k not in articles and not (
                k == cur[0] - 1 and prev[0] > 0 and self.lows[k] == self.lows[prev[0] - 1])]  # (the repeated "au")
            gap = self.text[self.ends[prev[1] - 1]:self.starts[cur[0]]] if cur[0] >= prev[1] else "."
            # (a list word or a comma between: "Қазақстан мен Ресей Иранға" lists two, not three)
            joined = (len(words) == 1 and self.lows[words[0]] in _LIST_WORDS or not words and "," in gap) and not any(
                ch in gap for ch in ".;:()")
            if joined:
                group.append(cur)
            else:
                groups.append(group)
                group = [cur]
        groups.append(group)
        out: dict[int, set[int]] = {}
        for g in groups:
            if any(is_home for *_, is_home in g) and g[0][0] not in between and g[0][0] - 1 not in between:
                mates = {mi for mi, _, is_home in g if not is_home}
                for mi in mates:
                    out[mi] = mates
        # ... or after the same role word as Kazakhstan: "kauft Gas in Norwegen, seit diesem Jahr auch Öl
        # in Kasachstan" (a second object with its verb left out)
        if "origin" in cues or "destination" in cues:
            home_words = {self._role_word(cues, hi) for hi, _he, _ in homes} - {None}
            mates = {mi for _p, mi, *_ in parties if mi not in out and self._role_word(cues, mi) in home_words}
            for mi in mates:
                out[mi] = mates
        return out

    def _list_head(self, mi: int) -> int:
        """The first member of the list of partners that mi belongs to ("Turkey, Italy and
        Russia"): a cue before the list applies to each member."""
        if len(self.partners) < 2:
            return mi
        heads = self.__dict__.get("_heads")
        if heads is None:
            heads = self._heads = {}
            prev = None  # (end token, head) of the partner before
            # articles and the list's repeated preposition stand before each member ("vers l'Iran,
            # l'Afghanistan et la Chine", "de Russie, d'Inde et d'Allemagne")
            # (the same preposition: "through Azerbaijan and Georgia to Turkey" is no list of three)
            fillers = None
            for p in sorted(self.partners, key=lambda p: p.start_char):
                pi, pe = self.token_of(p.start_char), self.token_of(p.end_char - 1) + 1
                head = pi
                if prev is not None and prev[0] <= pi <= prev[0] + 3:  # (a list: at most a word and fillers apart)
                    between = self.lows[prev[0]:pi]
                    if len(between) > 1 or (between and between[0] not in _LIST_WORDS):  # (most lists: ", " or "and")
                        if fillers is None:
                            fillers = {role: {i for i, _ in self._cues.get(role, ())} for role in _LIST_FILLERS}
                        small = fillers["article"] | {i for role in _LIST_FILLERS[1:] for i in fillers[role] if any(
                            prev[1] - 2 <= k < prev[1] for k in fillers[role])}
                        between = [w for k, w in enumerate(between, prev[0]) if k not in small]
                    gap = self.text[prev[2]:self.starts[pi]]
                    # (not a city, a comma, then a country: "un expert de Bakou, l'Azerbaïdjan et l'Iran")
                    # (two names with only a space between are subject and object in a verb-final language:
                    # "Ресей Түркияға бидай сатты")
                    if ((not between and (gap.strip() or not self.g.case_endings)) or (
                            len(between) == 1 and between[0] in _LIST_WORDS)) and not any(
                            ch in gap for ch in ".;:()") and not (
                            prev[3] == "capital" and p.mention_kind != "capital" and not between and "," in gap):
                        head = prev[1]
                heads.setdefault(pi, head)
                prev = (pe, heads[pi], p.end_char, p.mention_kind)
        return heads.get(mi, mi)

    def _noun_case_after(self, head: int) -> bool:
        """"Ресей және Әзербайжан делегацияларымен": the names before a noun whose case ending gives
        it a role (with, to, from) are that noun's, no subject."""
        if not self.g.case_endings:
            return False
        k = self._list_end(head)
        if any(self.token_of(q.start_char) == k for q in self.partners):
            return False  # ("Ресей Түркияға бидай сатты": the next name is another partner, no noun of theirs)
        return k < len(self.lows) and any(
            self.lows[k].endswith(suf) and len(self.lows[k]) > len(suf) + 2
            for suf, role in self.g.case_endings if role in ("with", "destination", "origin"))

    def _list_end(self, head: int) -> int:
        """The end token of the last member of the list that starts at head."""
        end = head + 1
        for q in self.partners:
            qi = self.token_of(q.start_char)
            if qi > head and self._list_head(qi) == head:
                end = max(end, self.token_of(q.end_char - 1) + 1)
        return end

    def _in_compound(self, p: Mention) -> bool:
        """A place joined by dashes to other places: "Baku–Tbilisi–Kars" (no spaces), or, with spaced
        dashes, only to another country or Kazakhstan ("Казахстан — Туркменістан — Іран"; not the
        parenthetical "nach Aserbaidschan – ein Fünftel mehr")."""
        before = self.text[max(self.s.start_char, p.start_char - 2):p.start_char]
        after = self.text[p.end_char:p.end_char + 2]
        if not _DASH.search(before + after):
            return False
        ends = {m.end_char for m in self.partners + self.home + self.routes}
        starts = {m.start_char for m in self.partners + self.home + self.routes}
        if _DASH.search(before[-1:] + after[:1]):  # "Baku–Tbilisi", not "EU-Maßnahmen", "Russland-Sanktionen"
            # (the dash on that side: "Қазақстан АҚШ-қа" is no "Kazakhstan–USA")
            return (_DASH.search(before[-1:]) is not None and p.start_char - 1 in ends) or (
                _DASH.search(after[:1]) is not None and p.end_char + 1 in starts)
        return (_GAP_DASH.match(self.text, p.start_char - 3) is not None and p.start_char - 3 in ends) or (
            _GAP_DASH.match(self.text, p.end_char) is not None and p.end_char + 3 in starts)

    def _planned(self, cues, clause, i: int) -> bool:
        if self.g.future_endings and any(self.lows[k].endswith(self.g.future_endings)
                                         for k in range(i, min(i + 2, len(self.lows))) if clause[k] == clause[i]):
            return True  # "discutera", "signeraient"; "сатып алатынын", "еуро бөлетінін" (the phrase's verb)
        if self.g.future_verb and any(self.g.future_verb(self.lows[k]) for k in range(max(i - 2, 0), i + 1)
                                      if clause[k] == clause[i]):
            return True  # "поставит", "підпише угоду": the trigger or the verb right before it
        before, after, final = cues.get("modality"), cues.get("modality_after"), cues.get("modality_final")
        if "modal_have" in cues and self.g.infinitive_endings:
            # "ma zostać podpisana", "mają trafić": "has" before an infinitive is "is to"; "ma udziały" has shares
            n = len(self.lows)
            before = [*(before or ()), *((k, e) for k, e in cues["modal_have"] if any(
                self.lows[m].endswith(self.g.infinitive_endings) and clause[m] == clause[k]
                for m in range(k + 1, min(k + 4, n))))]
        content = cues.get("modality_content")  # "agreed to double trade": what was agreed is still to happen
        if content and any(k < i and clause[k] == clause[i] for k, _ in content):
            return True
        if before and self.g.infinitive_endings and "passive_aux" in cues:
            auxiliaries = {k for k, _ in cues["passive_aux"]}
            mine = [k for k, _ in before if k <= i and clause[k] == clause[i]]
            if mine and all(k in auxiliaries for k in mine):
                last = max(k for k in range(len(clause)) if clause[k] == clause[i])
                if not self.lows[last].endswith(self.g.infinitive_endings):
                    before = ()  # "wird über georgische Häfen nach Italien versandt": passive, not future
        return bool(before) and any(k <= i and clause[k] == clause[i] for k, _ in before) or bool(after) and any(
            i < k <= i + 3 and clause[k] == clause[i] for k, _ in after) or bool(final) and any(
            i < k and clause[k] == clause[i] for k, _ in final)  # "... жеткізуді жоспарлап отыр": the clause's last verb

    def _sector(self, char: int) -> str | None:
        if self.commodities:
            return min(self.commodities, key=lambda m: abs(m.start_char - char)).entity_id
        found = self._sector_words
        if found:
            return min(found, key=lambda f: abs(self.starts[f[1]] - char))[0]
        return None
