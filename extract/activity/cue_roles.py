"""Sentence-wide rules that each look for one cue role (works built, stakes held, sums allocated,
blame, tightened controls, goods supplied, funding) and add or drop triggers; code_events runs each
only where the sentence has its role."""
from __future__ import annotations

import re

from bisect import bisect_right

from ..model import ActivityEvent, Sentence
from .anaphora import _pair_before
from .roles import _HOSTILE
from .tokens import _words


_WORKS_AFTER, _WORKS_BEFORE = 4, 10  # "build a new assembly plant", "ein Montagewerk ... errichten" (verb last)
_LINE_AFTER_BUILD = 1  # "будує залізницю", "builds a railway"
_STAKE_REACH, _STAKE_BEFORE = 4, 6  # "holds 50% of", "40 пайызы канадалық Cameco компаниясына тиесілі" (verb last)
_GOODS_AFTER, _GOODS_BEFORE = 6, 6  # "acquired 2 million tonnes of Kazakh grain", "астық жіберді" (verb last)
_GOODS_BEFORE_VERB_LAST = 14  # (where verbs end their clause: German, Kazakh)
_CLAUSE_MARK = re.compile(r"[,;:]\s")
_TIGHTENED_AFTER, _TIGHTENED_BEFORE = 4, 8  # "tightened the rules for", "die Regeln für ... verschärft" (verb last)
_CUT_AFTER, _CUT_BEFORE = 4, 4  # "cut the number of rail slots", "квоты ... были сокращены"
_ASKED_FOR_REACH = 4  # "pressed for a swift deal", "urged Kazakhstan to sign"
_SOLICIT_REACH = 14  # "warb beim Treffen der Agrarminister ... in Xi'an für chinesische Investitionen"


def _with(hits: list, extra: list) -> list:
    """The sentence's triggers with the extra ones a cue role made, in word order."""
    return sorted(hits + extra, key=lambda h: h[1]) if extra else hits


def _invest_beside(hits: list, verbs: list, anchors: list, after: int, before: int, own: int) -> list:
    """Each verb with an anchor at most `after` words after it or `before` words before it is an invest
    trigger, unless one stands within `own` words of it already."""
    extra = [("invest", i, j) for i, j in verbs if any(j <= a <= j + after or i - before <= a < i for a in anchors)
             and not any(t == "invest" and abs(k - i) <= own for t, k, _ in hits)]
    return _with(hits, extra)


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


def _lines_built(cues: list, hits: list) -> list:
    """A railway or road that a side builds, in a sentence with no Kazakh side, carries no goods yet:
    where it is built is no way ("Kolin також будує залізницю в Іраку", "строит железную дорогу в Ираке")."""
    built = [j for role, _i, j in cues if role == "build"]
    lines = {i for role, i, _j in cues if role == "line" and any(0 <= i - b <= _LINE_AFTER_BUILD for b in built)}
    return [h for h in hits if not (h[0] == "transit" and h[1] in lines)] if lines else hits


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
    # (or of the world's output, named before it in a language that puts the genitive first: "әлемдік вольфрам
    # өндірісінің 80 пайыздан астамын бақылайды")
    shares = [k for k in shares if not any(k < a <= k + _MARKET_REACH or 0 < k - a <= _WORLD_BEFORE for a in markets)]
    return _invest_beside(hits, holds, shares, _STAKE_REACH, _STAKE_BEFORE, _STAKE_REACH)


_WORLD_BEFORE = 4  # "әлемдік вольфрам өндірісінің 80 пайыздан": the world word this close before the share


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


_DENIED_REQUEST = 8  # "не е отправяла към Астана искания да": the negation this close before the request's end


def _asked_for(cues: list, hits: list, text: str, starts: list[int], ends: list[int], lows: list[str]) -> list:
    """What is asked for is not done, up to the next comma after the asking:
    - money sought (role solicit: "has sought funding from the World Bank", "warb ... für chinesische
      Investitionen"), the investment words up to 14 words on; not an aim ("seeks to invest" is a plan);
    - a deal, talks or goods asked for right after the asking (role asked_for: "pressed for a swift deal",
      "has asked for similar talks", "urged Kazakhstan to sign"); but pressure to restrict is the asker's
      own act ("Вашингтон закликав Астану посилити контроль" is a US sanction)."""
    asked = [(role, a, b) for role, a, b in cues if role == "asked_for" or (
        role == "solicit" and not (b < len(lows) and lows[b] == "to"))]
    # (unless no such request was made: "не е отправяла към Астана искания да ограничи вноса")
    denied = [i for role, i, _j in cues if role == "negation"]

    def covered(h, role: str, a: int, b: int) -> bool:
        if role == "solicit":  # (or right before a verb at the end: "sich um die Finanzierung beworben hatte")
            if h[0] == "invest" and 0 <= a - h[2] <= 1:
                return True
            near = h[0] == "invest" and 0 <= h[1] - b <= _SOLICIT_REACH
        else:
            near = (h[0] not in _HOSTILE or any(0 < b - k <= _DENIED_REQUEST for k in denied)) and 0 <= h[1] - b <= _ASKED_FOR_REACH
        return near and "," not in text[ends[b - 1]:starts[h[1]]]

    return [h for h in hits if not any(covered(h, role, a, b) for role, a, b in asked)]


def _limits_cut(cues: list, hits: list) -> list:
    """Quotas, slots or limits that a side cuts are a restriction ("Росія скоротила квоти на транзит
    казахстанського вугілля", "cut the number of rail slots for Kazakh fuel"): the limit word is a sanction
    trigger (a quota is a trade word otherwise: "a quota of 2 million tonnes for exports to China")."""
    cuts = [(i, j) for role, i, j in cues if role == "cut"]
    limits = [(i, j) for role, i, j in cues if role == "limit_noun" and any(
        b <= i <= b + _CUT_AFTER or a - _CUT_BEFORE <= i < a for a, b in cuts)]
    if not limits:
        return hits
    at = {i for i, _j in limits}
    return _with([h for h in hits if h[1] not in at], [("sanction", i, j) for i, j in limits])


_SHARE_UNITS = ("percent", "per cent", "процент", "відсот", "proc", "pour cent", "prozent", "пайыз")


def _goods_supplied(cues: list, hits: list, mentions, starts: list[int], lows: list[str] = (), text: str = "",
                    verb_last: bool = False) -> list:
    """A verb that moves goods only when goods are its object ("acquired 2 million tonnes of grain", "provides
    China with uranium", "a envoyé du blé", "астық жіберді"; not "acquired a stake", "provided assistance",
    "l'envoyé spécial"): a cue "trade_if_goods" is a trade trigger when a commodity is named at most six
    words after it (or before it, verb last), or "the rest" (of the goods told before), or a quantity of
    goods ("ещё 90 тыс. тонн приобрели российские заводы": tonnes, barrels, cubic metres; a percentage
    is a share, not goods)."""
    verbs = [(i, j) for role, i, j in cues if role == "trade_if_goods"]
    if not verbs:
        return hits
    goods = [bisect_right(starts, m.start_char) - 1 for m in mentions if m.entity_type == "commodity"]
    # (or the rest of the goods just named: "a решту придбали Китай і Узбекистан")
    goods += [i for role, i, _j in cues if role == "goods_rest"]
    # (or made goods, which are no commodity: "supplied 3,000 buses", "поставит локомотивы")
    goods += [i for role, i, _j in cues if role == "goods_noun"]
    goods += [i for role, i, _j in cues if role == "goods_unit" and i < len(lows) and not lows[i].startswith(_SHARE_UNITS)]
    # (a verb that ends its clause may stand far after its object, in that clause: "medizinische Geräte im Wert
    # von 214 Mio. US-Dollar aus Japan und Südkorea eingeführt")
    before = _GOODS_BEFORE_VERB_LAST if verb_last and text else _GOODS_BEFORE
    extra = [("trade", i, j) for i, j in verbs if any(j <= k < j + _GOODS_AFTER or (i - before <= k < i and (
        i - k <= _GOODS_BEFORE or not _CLAUSE_MARK.search(text, starts[k], starts[i]))) for k in goods)
             and not any(t in ("trade", "invest") and k == i for t, k, _ in hits)]
    return _with(hits, extra)


_FUNDED_REACH = 8  # "fourniront à elles deux jusqu'à 600 millions de dollars": the verb to the number


def _funded(cues: list, hits: list, text: str, starts: list[int], lows: list[str], money_words: tuple,
            verb_last: bool = False) -> list:
    """A sum supplied is finance, not a sale ("la BERD et l'AFD fourniront jusqu'à 600 millions de
    dollars"), and a sum poured or injected is an investment ("will pour $1 billion into"): a supply
    word (cue "fund_if_money") with a number at most eight words after it, and a currency word or sign
    right after the number, states an investment. Where the verb comes last (German, Kazakh), the sum
    may stand before it instead ("rund 1,2 Milliarden Euro für Projekte im Land mobilisieren")."""
    supplying = {i: j for role, i, j in cues if role == "fund_if_money"}
    if not supplying:
        return hits
    n = len(lows)

    def sum_beside(i: int) -> bool:
        for k in range(max(0, i - _FUNDED_REACH) if verb_last else i + 1, min(i + 1 + _FUNDED_REACH, n)):
            if k == i:
                continue
            if lows[k][:1].isdigit():
                # (the currency within three words: "600 millions de dollars", "$600 million")
                if not _CURRENCY_SIGNS.isdisjoint(text[max(0, starts[k] - 2):starts[k]]) or any(
                        lows[m].startswith(money_words) or lows[m][:1] in _CURRENCY_SIGNS for m in range(k + 1, min(k + 4, n))):
                    return True
        return False
    # (a word that states no act of its own, "pour", "injectera", "ulokuje", is one with a sum after it)
    at = {i for _t, i, _j in hits}
    extra = [("invest", i, j) for i, j in supplying.items() if i not in at and sum_beside(i)]
    # (and support given in money is a grant: "unterstützt das Vorhaben mit 12 Mio. Euro")
    return sorted([("invest", i, j) if t in ("trade", "move", "cooperate") and i in supplying and sum_beside(i) else (t, i, j)
                   for t, i, j in hits] + extra, key=lambda h: h[1])


_ASSET_AFTER = 3     # "bought the Almaty airport", "kupiły obligacje": the trade word to the asset it buys
_ASSET_BEFORE = 3    # "около 40% от емисията са купили фондове от САЩ": an asset named first, then its buyers
_ASSET_RELATIVE = 6  # "The airport, which Turkey's TAV Airports bought": the relative pronoun to the trade word


def _assets_bought(cues: list, hits: list) -> list:
    """"Turkey's TAV Airports bought the Almaty airport", "chińskie fundusze kupiły obligacje", "купила долю":
    a trade word whose object is an asset (a stake, securities, an airport) states an investment,
    right after it (no origin or destination between: "bought wheat from the mill"), right before it
    ("от емисията са купили") or as the antecedent of its relative clause."""
    assets = [i for role, i, _j in cues if role == "asset"]
    relatives = [i for role, i, _j in cues if role == "relative"]
    roles_at = [i for role, i, _j in cues if role in ("origin", "destination")]
    out = []
    for t, i, j in hits:
        if t == "trade" and (any(j <= a < j + _ASSET_AFTER and not any(j <= b <= a for b in roles_at) for a in assets)
                             or any(0 < i - a <= _ASSET_BEFORE and not any(a < b < i for b in roles_at) for a in assets)
                             or any(0 < r - a <= 2 and r < i <= r + _ASSET_RELATIVE for a in assets for r in relatives)):
            t = "invest"
        out.append((t, i, j))
    return out


_TOGETHER_REACH = 2  # "разом із КТЖ", "together with Kazakhstan's KTZ": the Kazakh side right after the words


def _made_together(cues: list, hits: list, home_at: set[int]) -> list:
    """"Французька Alstom, яка разом із КТЖ виробляє електровози", "Talgo, which together with KTZ runs an
    assembly plant": working together with a Kazakh side, in a sentence that states no other act, is
    cooperation (role joint_with; not a fellow seller: "together with Kazakhstan supplies wheat" has its
    own trade word)."""
    if any(t != "cooperate" for t, _i, _j in hits):
        return hits
    extra = [("cooperate", i, j) for role, i, j in cues if role == "joint_with" and any(
        j <= k <= j + _TOGETHER_REACH for k in home_at) and not any(h[1] == i for h in hits)]
    return _with(hits, extra)


def _paired_works(cues: list, hits: list, pair_starts: set[int], starts: list[int]) -> list:
    """"ein polnisch-kasachisches Werk", "a Kazakh-Chinese plant", "казахстанско-китайский завод": works
    named by a partner hyphenated to Kazakhstan are the two sides' joint works (role works_noun)."""
    extra = [("cooperate", i, j) for role, i, j in cues if role == "works_noun" and _pair_before(
        starts, i, pair_starts) is not None and not any(h[1] == i for h in hits)]
    return _with(hits, extra)


_STOPPED_AFTER = 4   # "a suspendu sine die le projet": the project this many words after the stopping word
_STOPPED_BEFORE = 7  # "den geplanten Bau eines Montagewerks in Almaty vorerst gestoppt": or before it, verb last


def _projects_stopped(cues: list, hits: list) -> list:
    """"Le gouvernement a suspendu le projet de fonderie", "hat den geplanten Bau ... gestoppt": a project
    stopped is no sanction, and the works it names are not invested in (role project_noun)."""
    projects = [i for role, i, _j in cues if role == "project_noun"]
    stops = {h[1]: p for h in hits if h[0] == "sanction" for p in projects
             if 0 <= p - h[2] <= _STOPPED_AFTER or 0 < h[1] - p <= _STOPPED_BEFORE}
    if not stops:
        return hits
    halted = set(stops.values())
    return [h for h in hits if h[1] not in stops and not (
        h[0] in ("invest", "cooperate") and any(p <= h[1] <= p + _STOPPED_AFTER for p in halted))]
