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

This module holds the order of the steps (code_events, _Sentence.events); the parts of a sentence
they ask about are mixins in their own modules (clauses, negation, frames, ways, parties,
trade_sides), the sentence-wide cue-role rules are in cue_roles, anaphora in anaphora.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..model import ActivityEvent, Mention, Sentence
from .anaphora import _HYPHENS, _hyphen_pairs, _pair_before, _pair_in_sentence, _resolve_anaphors
from .clauses import Clauses
from .companies import named_companies
from .cue_context import _CONTEXT_ROLES, compared_ways, kazakh_funds, roles_in_context
from .cue_roles import (
    _STAKE_REACH, _allocated, _asked_for, _assets_bought, _blamed, _built_works, _funded, _goods_supplied, _held_stakes, _lines_built,
    _limits_cut, _made_together, _paired_works, _projects_stopped, _tightened, _with)
from .frames import Frames
from .lexicon import ActivityGrammar, grammar, route_crossings
from .negation import Negation, _CONTENT_REACH, _NEGATING, _OBJECT_NEGATION_REACH, _QUANTITY_REACH
from .parties import _BLOCS, Parties, _one_side
from .roles import _HOSTILE, _MOVING, _ROLE_CUES
from .tokens import _words, join_separable
from .trade_sides import TradeSides, _TRADE_REACH
from .ways import Ways

_RANKED_IN = 3  # words from a ranked trade noun to the market it ranks in ("dostawcą wołowiny do Wietnamu")
_INVITED_REACH = 2  # "invited to the meeting": the act an invitation is to
_ONE_STATEMENT = 4  # a cooperation word this close to a specific act of the same partner is that act's ("маманды оқытуға 15 млн доллар бөледі")
_VERB_REACH = 8  # a noun trigger and the verb of the same act after it ("delegation from Uzbekistan will visit")
_RESTRICTED_FLOW = 3  # "has not restricted sugar shipments": the flow this close to a denied restriction
_SENT_VISIT = 5  # "направити до Варшави нову делегацію": the delegation this close after the verb that sends it
_CONCERN_REACH = 2  # "raise questions in Washington": the partner this close after the words of concern
# "absolwent uczelni w Moskwie", "a graduate of a university in Moscow": a partner this close after
# (in a language of case endings, before: "Мәскеу университетінің түлегі") the words of a biography
_BIOGRAPHY_REACH, _BIOGRAPHY_REACH_BEFORE = 6, 3
_NON_BEFORE = re.compile(r"(?i)(?<![^\W\d_])(?:(?:non|nicht)[-‐ ]|не[-‐])\Z")
_HOME_RIVAL_REACH = 3  # "видит в казахстанских мукомолах соперников": the rival word this close after Kazakhstan's side
_FINAL_STOP_REACH = 8   # "die Einfuhr von Rindfleisch aus zwei Regionen ausgesetzt": a clause-final stop this far after
_ABOUT_THEM_REACH = 9      # a cooperation word this close to its partner's agreement or talks is what they are about
_GENITIVE_OF = {"of", "de", "du", "d", "на", "von"}  # "supplier of China", "fournisseur de", "доставчик на"
_LEGS = frozenset(("onward", "via", "then", "via_weak"))  # cues that say goods go on from a place
_NEEDS_HOME = ("sanction", "conflict")
# acts that a talk can be about ("talks on oil supplies", "will discuss the attack", "обсудили санкции")
_TOPICS = ("trade", "move", "transit", "invest", "sanction", "conflict")
_OPEN_QUOTES = ("«", "„", "“")
_CLOSE_QUOTES = {"«": ("»",), "„": ("“", "”"), "“": ("”",)}
_TOPIC_REACH = 3  # words between the talk and its topic ("talks on gas supplies")  # ACTIVITY.md: only what the text ties to Kazakhstan
_ABOUT_REACH = 10  # ... or this many after "about" ("talks with Azerbaijan about laying a cable ... to export")
_GAPPED_QUANTITY = re.compile(r"[ \t\u00a0]*(?:[—–-][ \t\u00a0]+)?(?:([^\W\d]+)[ \t\u00a0]+)?\d")  # " — 55", " about 55"
_GRADE = re.compile(r"[\s\u00a0]*[Бб]ленд|[\s\u00a0]*[Bb]lend", re.UNICODE)
_TALKED_DEAL = 4  # "in talks with KazMunayGas on a term deal": "on" to the deal word (and twice that, talks to "on")
_REACTION_REACH = 4  # "verfolgten das Treffen aufmerksam": the reaction's last word to the act it is about
_APPOSED_RANK = 3  # "Russia, still the largest supplier": the comma after the partner to the superlative
_PROHIBIT_REACH = 6  # "dürfen nicht aus Kasachstan nach Russland weiterverkauft werden": the modal's end to the verb
_BACKDROP_NP = 5  # "на фоне введённых санкций против России": the frame's last word to a partner in its phrase
_ATTENDEE_TITLE = 3  # "en présence du ministre délégué français": the attendee word to the attendee
_WORKS_PLACE = 4  # "a terminal in the Georgian port": the works to the place they stand in
_WORKS_INVESTED = 6  # "invest $60 million in a new grain terminal": the invest word to the works
_WORLD_SHARE_REACH = 8  # "liefern zusammen mehr als die Hälfte des global gehandelten ...": the verb to "global"
_EXPIRE_REACH = 3  # "контракт с Россией истекает": the agreement word to its running out
_HUB_REACH = 3  # "przez terminal w Małaszewiczach": the via word to the hub
_PORT_WORKS_REACH = 8  # "invest $60 million in a new grain terminal in Poti": the invest word to the port
_QUESTION_TOPIC = 8  # "asked about US participation in Kazakh projects": the words a question's topic spans
_ELSEWHERE_REACH = 7  # "sells pipeline gas to Europe": the trade word to the region it goes to
_ARTICLES_BEFORE_FORMER = frozenset(("a", "an", "the", "un", "une", "le", "la", "l"))
_CO_FINANCIER = 1  # "cofinancer avec la France": the "with" right after the act names a co-financier
_PEOPLE_REACH = 6  # "2000 Pflegekräfte pro Jahr nach Deutschland gehen": the people to the verb that moves them
_MET_WITH = 3  # "Treffen mit den Umweltministern Kasachstans": the meeting's "with" to the list of those met
_LINKED_VIA = 8  # "links China to Europe via Kazakhstan": the linking verb to the via word
_RESUMED_REACH = 10  # "возобновит прямые рейсы Алматы — Сеул, приостановленные": the resuming word to the suspension
_QUOTA_GRANTED = 4  # "granted a duty-free quota": the granting word to the quota
_WORLDWIDE = (*_MOVING, "invest")  # acts that a share of the world's trade or output frames as the partner's own
_RANK_TO_ACT = 4  # "вторият по големина доставчик", "другий після Росії постачальник": the rank to the act and to whom it ranks behind


_SEGMENT_BREAK = re.compile(r",(?!\d)|;|\s[—–]\s")  # (not the comma of "185,000" or "1,5")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans between a sentence's commas, semicolons and spaced dashes."""
    out, a = [], start
    for m in _SEGMENT_BREAK.finditer(text, start, end):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, end))
    return out


def _home_in(by_sentence: dict[int, list[Mention]], k: int) -> bool:
    """Sentence k names Kazakhstan's side."""
    return any(m.entity_type == "home" for m in by_sentence.get(k, ()))


def code_events(text: str, lang: str, sentences: list[Sentence], mentions: list[Mention],
                document_partners: set[str]) -> list[ActivityEvent]:
    """Events of these sentences; document_partners are the partners named anywhere in
    the document (a route implies only partners the document names)."""
    if not lang or not sentences:
        return []
    g = grammar(lang)
    mentions = mentions + named_companies(text, sentences, mentions, g.company_words, g.not_names,
                                          lambda w: any(kind == "trigger" for (kind, _), _i, _j in g.words.find([w.lower()])),
                                          g.company_suffixes, g.place_nouns)
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
    # (the sentence before each, where an attack may be told before it is blamed on someone, or the meeting
    # that "Оған ... қатысты" points back to)
    sentence_before = {b.index: a for a, b in zip(sentences, sentences[1:])} if (
        g.blames or g.summit_anaphors or g.summit_words is not None) else {}
    for s in relevant:
        lows, starts, ends = _words(text, s.start_char, s.end_char)
        if g.separable_particles and not g.separable_particles.isdisjoint(lows):
            lows = join_separable(text, lows, starts, ends, g.separable_particles, g.words.knows)
        hits, cues, sectors = [], [], []
        for (kind, label), i, j in g.words.find(lows):
            (hits if kind == "trigger" else cues if kind == "cue" else sectors).append((label, i, j))
        # (the rules below that look for one cue role run only where the sentence has it)
        roles = {c[0] for c in cues}
        if not _CONTEXT_ROLES.isdisjoint(roles):  # (words whose role depends on where they stand)
            cues = roles_in_context(cues, text, lows, starts, ends)
            roles = {c[0] for c in cues}
        if hits and g.fund_words and not g.fund_words.isdisjoint(lows):
            hits = kazakh_funds(hits, cues, lows, g.fund_words, {bisect_right(starts, m.end_char - 1) for m in (
                by_sentence.get(s.index, ())) if m.entity_type == "home"})
        if "seat_noun" in roles:  # "die Regierungen in Tokio und Astana", "the authorities in Beijing": the
            # capitals after "in" are the governments seated there, no place where something goes or happens
            seats = {j for role, _i, j in cues if role == "seat_noun"}
            cues = [c for c in cues if not (c[0] in ("destination", "place") and c[1] in seats)]
        if "joint_with" in roles:
            home_at = {i for role, i, _j in cues if role == "kazakh_side"} | {
                bisect_right(starts, m.start_char) - 1 for m in by_sentence[s.index] if m.entity_type == "home"}
            hits = _made_together(cues, hits, home_at)
        if "works_noun" in roles:
            hits = _paired_works(cues, hits, {start for _p, start in _hyphen_pairs(text, by_sentence[s.index])}, starts)
        if "build" in roles:
            hits = _built_works(cues, hits)
            if "line" in roles and "kazakh_side" not in roles and not _home_in(by_sentence, s.index):
                hits = _lines_built(cues, hits)
        if "hold" in roles:
            hits = _held_stakes(cues, hits, text, lows, ends, g.percent_words)
        if "allocate" in roles:
            hits = _allocated(cues, hits, text, s, lows, g.money_words)
        if "go_aux" in roles and hits and g.infinitive_endings:  # "va accorder", "vont livrer": "go" before an infinitive
            going = {i for role, i, _j in cues if role == "go_aux"}  # is the future, no move
            hits = [h for h in hits if not (h[0] == "move" and h[1] in going and any(
                lows[k].endswith(g.infinitive_endings) for k in range(h[2], min(h[2] + 2, len(lows)))))]
        if "invited" in roles and hits:  # "invited to the meeting", "приглашённая на встречу": an invitation, no
            # meeting held (nor a visit made: "invited Xi to visit Astana")
            invited = [j for role, _i, j in cues if role == "invited"]
            hits = [h for h in hits if not any(0 <= h[1] - b <= _INVITED_REACH for b in invited)]
        if ("solicit" in roles or "asked_for" in roles) and hits:
            hits = _asked_for(cues, hits, text, starts, ends, lows)
        if "source" in roles and hits:  # "..., according to two traders involved in the deals.": who tells it,
            # at the end of the sentence after a comma, states no act of its own
            told = [b for role, a, b in cues if role == "source" and a > 0 and "," in text[ends[a - 1]:starts[a]]
                    and "," not in text[ends[b - 1]:s.end_char]]
            hits = [h for h in hits if not any(h[1] >= b for b in told)]
        if "fund_if_money" in roles:
            hits = _funded(cues, hits, text, starts, lows, g.money_words, bool(g.separable_particles or g.case_endings))
        if "transit_if_via" in roles and ("via" in roles or "via_weak" in roles):
            # "links China to Europe via Kazakhstan, the Caspian Sea, Azerbaijan and Georgia", "relie la Chine à
            # l'Europe en passant par": a line that joins places through others is a way
            ways = [i for role, i, _j in cues if role in ("via", "via_weak")]
            extra = [("transit", i, j) for role, i, j in cues if role == "transit_if_via" and any(
                j <= k <= j + _LINKED_VIA for k in ways) and not any(h[1] == i for h in hits)]
            hits = _with(hits, extra)
        if "attend" in roles and "summit" not in roles and g.summit_words is not None and (any(
                i <= 1 for role, i, _j in cues if role == "summit_anaphor") or (
                _home_in(by_sentence, s.index) and len({m.entity_id for m in by_sentence[s.index]
                                                        if m.entity_type == "partner"}) > 1)):
            # (or Kazakhstan's side and two partners or more that took part, right after the sentence that
            # held the summit: "... met in Samarkand on Thursday. Beside Kazakhstan's president, the presidents
            # of Kyrgyzstan, Tajikistan and Turkmenistan took part")
            # "... кеңесінің отырысы өтті. Оған Қазақстан, Өзбекстан және Қырғызстан өкілдері қатысты": the meeting
            # the sentence opens by pointing back to is the one the sentence before held (the one right before
            # it in the text: a sentence of another language is not coded with this one)
            before = sentence_before.get(s.index)
            if before is not None and before.index == s.index - 1 and g.summit_words.search(
                    text, before.start_char, before.end_char):
                roles.add("summit")
        if "attend" in roles and "summit" in roles and _home_in(by_sentence, s.index):  # (a meeting Kazakhstan's side is at)
            # "Representatives of Turkey and Uzbekistan took part in the conference in Astana", "конференциясына
            # ... өкілдері қатысты": taking part in a meeting is meeting those there (the rules below say who)
            # (not a Kazakh postposition, "Ресейге қатысты санкциялар": regarding, after the dative, mid-clause)
            # (beside any other meeting word of the sentence: "..., ал Қытай делегациясы келмеді")
            met = [("consult", i, j) for role, i, j in cues if role == "attend" and not any(
                h[0] == "consult" and h[1] == i for h in hits) and not (
                g.destination_endings and i > 0 and lows[i - 1].endswith(g.destination_endings)
                and not text[ends[j - 1]:ends[j - 1] + 1] in (".", ",", ";", "!", "?"))]
            hits = _with([h for h in hits if not (h[0] == "cooperate" and any(h[1] == i for _t, i, _j in met))], met)
        if "exercise" in roles and _home_in(by_sentence, s.index):
            # "exercises ... in which troops of Kazakhstan, China and Russia took part": joint manoeuvres are
            # cooperation of those in them with Kazakhstan's side, which the sentence must name (the others'
            # own manoeuvres are theirs: "У маневрах беруть участь військовослужбовці з Росії, Білорусі")
            hits = _with(hits, [("cooperate", i, j) for role, i, j in cues
                                if role == "exercise" and not any(h[1] == i for h in hits)])
        if "summit" in roles and hits:  # "a Central Asia–Gulf investment forum", "инвестиционный форум", "forum
            # inwestycyjne", "forum d'investissement": the meeting's topic, no money invested
            meetings = [(i, j) for role, i, j in cues if role == "summit"]
            hits = [h for h in hits if not (h[0] in ("invest", "trade", "cooperate") and any(
                i == h[2] or 0 <= h[1] - j <= 1 for i, j in meetings))]
        if "resume" in roles and "suspended_state" in roles and hits:
            # "will resume its Almaty–Seoul service, suspended since 2020", "возобновит рейсы, приостановленные в
            # 2020 году": what was suspended is resumed, the suspension its past, no sanction stated
            resumed = [i for role, i, _j in cues if role == "resume"]
            past = {i for role, i, _j in cues if role == "suspended_state" and any(0 < i - r <= _RESUMED_REACH for r in resumed)}
            hits = [h for h in hits if not (h[0] == "sanction" and h[1] in past)]
        if "amount_to" in roles and "share" in roles and hits:  # "Udział Polski wyniósł mniej niż jedną
            # dziesiątą", "Доля Китая составила 40%": a share that amounts to a figure is a statistic, no stake
            shares = {i for role, i, _j in cues if role == "share"}
            amounts = [i for role, i, _j in cues if role == "amount_to"]
            hits = [h for h in hits if not (h[0] == "invest" and h[1] in shares and any(0 < a - h[2] <= 3 for a in amounts))]
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
        if "cut" in roles and "limit_noun" in roles:
            hits = _limits_cut(cues, hits)
        if "asset" in roles:
            hits = _assets_bought(cues, hits)
        if "trade_if_goods" in roles:
            hits = _goods_supplied(cues, hits, by_sentence[s.index] if s.index in by_sentence else (), starts, lows,
                                   text, bool(g.infinitive_endings or g.case_endings))
        if "comparative" in roles and hits:
            hits = compared_ways(cues, hits, text, lows, starts, ends, bool(g.case_endings))
        if len(hits) > 1 and any(h[0] == "consult" for h in hits) and any(h[0] == "move" for h in hits):
            # "направити до Варшави нову делегацію", "will send a delegation to Warsaw": what is sent is a visit
            talks = [h[1] for h in hits if h[0] == "consult"]
            hits = [h for h in hits if not (h[0] == "move" and any(0 < c - h[2] < _SENT_VISIT for c in talks))]
        if "project_noun" in roles and any(h[0] == "sanction" for h in hits):
            hits = _projects_stopped(cues, hits)
        if hits and g.pair_anaphors and not g.pair_heads.isdisjoint(lows):
            _pair_in_sentence(text, g, s, by_sentence)
        if "blame" in roles and s.index in by_sentence:
            out += _blamed(text, g, s, cues, hits, starts, ends, by_sentence[s.index], sentence_before.get(s.index))
        if hits:
            coded = _Sentence(text, s, by_sentence[s.index], g, starts, ends, lows, hits, cues, sectors)
            coded.doc_mentions = mentions
            out += coded.events(crossings, document_partners)
    return out


def _has_party(mentions: list[Mention], crossings: dict[str, tuple[str, ...]]) -> bool:
    """A partner, or a route that crosses one."""
    for m in mentions:
        if m.entity_type == "partner" or (m.entity_type == "route" and crossings.get(m.entity_id)):
            return True
    return False


class _Sentence(Clauses, Negation, Frames, Ways, Parties, TradeSides):
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
                # (a quoted name too: "българската „Телелинк Бизнес Сървисис“, която подписа"; or an official's
                # title: "Polski wiceminister rolnictwa, który rozmawiał")
                official = 0 < len(words) <= 3 and any(w.lower().startswith(self.g.officials) for w in words)
                return relative_of[k] if between.rstrip().endswith(",") and (official or all(
                    w.lstrip("\"«„“”'")[:1].isupper() for w in words)) else None
        return None


    def _hyphen_paired(self, hits: list) -> dict[int, str]:
        """Cooperation triggers followed at once by a partner hyphenated to Kazakhstan ("спільний
        російсько-казахстанський", "joint Kazakh-Chinese"): trigger start -> that partner."""
        pair_at = {start: p.entity_id for p, start in _hyphen_pairs(self.text, self.partners + self.home)}
        out = {i: pair_at[self.starts[j]] for t, i, j in hits
               if t == "cooperate" and j < len(self.starts) and self.starts[j] in pair_at}
        # (or works right after the pair: "казахстанско-турецкий завод", "a Kazakh-Chinese plant")
        works = {i for i, _ in self._cues.get("works_noun", ())}
        for t, i, _j in hits:
            if t == "cooperate" and i in works and i not in out:
                start = _pair_before(self.starts, i, pair_at)
                if start is not None:
                    out[i] = pair_at[start]
        return out

    def _owners_of_others(self, cues, clause: list[int], hits: list) -> list:
        """"Ісламський банк розвитку, найбільшим акціонером якого є Саудівська Аравія, виділить ...": who owns
        what a relative clause is about (the words before its comma) invests nothing with Kazakhstan, unless
        that, or the clause itself, is Kazakh ("Samruk, whose shareholder ...")."""
        owners = {i for i, _ in cues["owner_noun"]}
        home = self._home(cues)
        out = []
        for h in hits:
            c = clause[h[1]]
            if h[0] == "invest" and h[1] in owners and c < 0:
                start = clause.index(c)
                if not any(clause[k] == c or start - 3 <= k < start for k in home):
                    continue
            out.append(h)
        return out

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

    def _ends_clause(self, j: int) -> bool:
        """The word before token j ends its clause: the sentence ends there, or a stop or comma follows it."""
        return j >= len(self.lows) or any(ch in self._gap(j) for ch in ",.;:")

    def _closes_before(self, k: int, marks: str) -> bool:
        """The clause ends before token k: the sentence ends there, or one of marks follows token k-1."""
        return k == len(self.lows) or any(ch in self._gap(k) for ch in marks)

    def token_of(self, char: int) -> int:
        """The token holding char (or the last one starting before it)."""
        k = bisect_right(self.starts, char) - 1
        return k if k > 0 else 0

    def _sold_elsewhere(self, cues, hits: list) -> list:
        places = [a for a, _ in cues["elsewhere"]]
        dests = {b for _a, b in cues.get("destination", ())}  # (the word right after "to", "vers", "nach")
        return [h for h in hits if not (h[0] in ("trade", "move") and any(
            h[2] <= a <= h[2] + _ELSEWHERE_REACH and a in dests for a in places))]

    def _asked_about(self, questions, p: Mention) -> bool:
        """The partner stands in the topic of a question: after "asked about" up to the next comma, or (Kazakh,
        the topic first) in the few words before "туралы сұраққа"."""
        k = self.token_of(p.start_char)
        for a, b in questions:
            if self.g.case_endings:
                if a - _QUESTION_TOPIC <= k < a and not self._marks_between(k + 1, a, ",;:"):
                    return True
            elif b <= k < b + _QUESTION_TOPIC and not self._marks_between(b, k, ",;:"):
                return True
        return False

    def _birthplace(self, borns, p: Mention) -> bool:
        """A "born" word right after the partner ("Ukrainian-born", "Ресейде туған") or at most two words
        before it ("born in", "родом из", "né en")."""
        k, end = self.token_of(p.start_char), self.token_of(p.end_char - 1) + 1
        return any(a == end or 0 < k - b + 1 <= 2 and b <= k for a, b in borns)

    def _in_biography(self, cues, p: Mention) -> bool:
        """The partner a few words after a biography word, with no comma between ("absolwent uczelni w
        Moskwie", "раніше був послом у Туреччині"); in a language of case endings, a few words before it
        ("Мәскеу университетінің түлегі", "Түркияда елші болған")."""
        k, end = self.token_of(p.start_char), self.token_of(p.end_char - 1) + 1
        if self.g.case_endings:  # (the words after it are the person's: "түлегі вице-министр Мысырмен")
            return any(0 <= a - end <= _BIOGRAPHY_REACH_BEFORE and not self._marks_between(end, a, ",;:") for a, _b in cues)
        return any(0 <= k - b <= _BIOGRAPHY_REACH and not self._marks_between(b, k, ",;:") for _a, b in cues)

    def _in_former_apposition(self, formers, p: Mention) -> bool:
        """The partner stands in an apposition that a "former" word opens after a comma (", a former
        ...", ", ancien ...", ", бывший ..."), before the apposition's next comma."""
        k = self.token_of(p.start_char)
        for a, _b in formers:
            if a >= k:
                continue
            opens = a - 1 if a > 0 and self.lows[a - 1] in _ARTICLES_BEFORE_FORMER else a
            if opens == 0 or "," not in self._gap(opens):
                continue
            if not self._marks_between(a + 1, k, ",;:"):
                return True
        return False

    def _reporting_spans(self, cues, hits: list) -> list[tuple[int, int, bool]]:
        """The character spans of the clauses that only report: after a comma, semicolon or dash (not the
        sentence's first), with a verb of saying or a source word and no act of their own ("Russia and China
        signed a gas deal, officials in Astana said", "…, сообщили в Минэнерго Казахстана", "…, Pakistan's
        commerce ministry said on Wednesday, making the route …"); each with whether a verb of saying (not
        only a source word) reports in it."""
        said = [k for role in ("speech", "quote_verb") for k, _ in cues.get(role, ())]
        sourced = [k for k, _ in cues.get("source", ())]
        acts = [h[1] for h in hits]
        out = []
        for a, b in _segments(self.text, self.s.start_char, self.s.end_char)[1:]:
            lo, hi = bisect_left(self.starts, a), bisect_left(self.starts, b)  # the segment's words: lo..hi-1
            if any(lo <= k < hi for k in acts):
                continue
            speech = any(lo <= k < hi for k in said)
            if speech or any(lo <= k < hi for k in sourced):
                out.append((a, b, speech))
        return out

    def _lenders_money(self, cues, hits: list) -> list:
        lenders = [a for a, _ in cues["lender"]]
        first_partner = min((self.token_of(p.start_char) for p in self.partners), default=None)
        withs = [a for a, _ in cues.get("with", ())]
        allocating = {a for a, _ in cues.get("allocate", ())}  # ("выделит кредит": no sum, so cooperation)
        by = [b for a, b in cues.get("agent_prep", ())]

        def lender_before(h) -> bool:  # the lender before the act, no partner before it, no co-financier after
            return any(a < h[1] for a in lenders) and (first_partner is None or first_partner > h[1]) and not any(
                h[2] <= w <= h[2] + _CO_FINANCIER for w in withs)

        def lender_agent(h) -> bool:  # "a feasibility study financed by the Asian Infrastructure Investment Bank"
            return h[0] == "invest" and any(h[2] <= b - 1 <= h[2] + 1 and 0 <= a - b <= 1 for b in by for a in lenders)

        return [h for h in hits if not ((h[0] == "invest" or h[0] == "cooperate" and h[1] in allocating) and (
            lender_before(h) or lender_agent(h)))]

    def _stated(self) -> tuple[list, dict] | None:
        """The triggers that state an act, and the cue words by role (None: no act is stated). No act
        in a question, a title ("trade minister"), a fixed phrase, the frame of a backdrop, a name
        ("China Railway", "«Актауский морской торговый порт»", "Freedom Finance"), what an owner holds,
        a company's description, or people who travel."""
        if not self.starts or self.text[self.s.start_char:self.s.end_char].rstrip().endswith("?"):
            return None
        hits = self.hits
        # '"Could India sign something similar?" asked an analyst': what stands before a question mark
        # is asked, not stated (the words after it, who asks, are no act either way)
        asked = self.text.rfind("?", self.s.start_char, self.s.end_char)
        if asked >= 0:
            hits = [h for h in hits if self.starts[h[1]] > asked]
            self.partners = [p for p in self.partners if p.start_char > asked]  # (nor who is asked about)
            if not hits:
                return None
        cues: dict[str, list[tuple[int, int]]] = {}
        for role, i, j in self.cue_hits:  # (no setdefault: it would make a list per cue word)
            if role in cues:
                cues[role].append((i, j))
            else:
                cues[role] = [(i, j)]
        # "Daniyar Ospanov, ancien représentant de KazMunayGas aux Pays-Bas", "Aizhan Temirova, a former World
        # Bank economist who spent ten years in Washington": a person's past, in an apposition, names no party
        # ... nor the topic of a question ("asked about US participation, the official declined to comment",
        # "АҚШ-тың қатысуы туралы сұраққа"), nor where a person was born or studied ("a Ukrainian-born
        # engineer", "родом из Украины", "né en Ukraine", "Ресейде білім алған геолог", "a graduate of a
        # university in Moscow", "раніше був послом у Туреччині")
        # "from non-EU suppliers", "Nicht-EU-Staaten", "pays non UE": the partner's negation names all but it
        named = [p for p in self.partners if not _NON_BEFORE.search(self.text, max(0, p.start_char - 6), p.start_char)]
        if len(named) < len(self.partners):
            self.partners = named
            if not named:
                return None
        for role, names_no_party in (("former", self._in_former_apposition), ("question_about", self._asked_about),
                                     ("born", self._birthplace), ("biography", self._in_biography)):
            if role in cues and self.partners:
                self.partners = [p for p in self.partners if not names_no_party(cues[role], p)]
                if not self.partners:
                    return None
        if hits and not {"speech", "quote_verb", "source"}.isdisjoint(cues):
            spans = self._reporting_spans(cues, hits)
            if spans:  # who reports an act is no party to it
                self.home = [m for m in self.home if not any(a <= m.start_char < b for a, b, _ in spans)]
                # (a partner's source stays _said_by's: "according to a State Department spokesperson" names
                # the U.S. as a party)
                self.partners = [m for m in self.partners if not any(
                    a <= m.start_char < b for a, b, speech in spans if speech)]
        # "Узбекистан ... продает Афганистану муку и видит в казахстанских мукомолах соперников", "sees Kazakh
        # millers as rivals": Kazakhstan's side named as a partner's rival, after the acts, is no side of them
        if "rival" in cues and self.home and self.partners and hits:
            last_act = max(i for _t, i, _j in hits)
            subject = any(p.start_char < self.starts[min(i for _t, i, _j in hits)] for p in self.partners)
            self.home = [m for m in self.home if not (subject and self.token_of(m.start_char) > last_act and any(
                0 <= a - self.token_of(m.end_char - 1) - 1 <= _HOME_RIVAL_REACH for a, _ in cues["rival"]))]
        # "une réunion réunissant la Russie, la Chine et l'Inde, à laquelle le Kazakhstan ne participait pas": a
        # Kazakh side that did not take part is no side of the meeting
        if "attend" in cues and "negation" in cues and self.home:
            attends = [a for a, _ in cues["attend"]]
            denied = [n for n, _ in cues["negation"] if any(0 < a - n <= 2 for a in attends)]
            absent = [m for m in self.home if any(0 <= n - self.token_of(m.end_char - 1) - 1 <= 1 for n in denied)]
            if absent:  # (and the meeting it stayed away from is others' meeting)
                self.home = [m for m in self.home if m not in absent]
                hits = [h for h in hits if h[0] != "consult"]
                if not hits:
                    return None
        # "компании, которые помогают Москве обходить ограничения", "helping Russia evade sanctions": help to
        # evade sanctions is the sanctions' story, no cooperation
        if "evade" in cues and any(h[0] == "cooperate" for h in hits):
            hits = [h for h in hits if not (h[0] == "cooperate" and any(0 < a - h[1] <= 3 for a, _ in cues["evade"]))]
            if not hits:
                return None
        # "trade minister", "министр торговли": a title, not an act of trade
        # ... nor is a fixed phrase that holds a trigger word ("z udziałem Niemiec": with Germany taking part),
        # nor a clause opener ("..., the latest sign that Washington is turning")
        attending = {a for a, _ in cues.get("attend", ())}  # (a fixed phrase of taking part still attends: "wzięli udział")
        for role in ("title", "fixed", "clause"):
            if role in cues:
                hits = [h for h in hits if not any(a <= h[1] < b for a, b in cues[role]) or (
                    h[0] == "consult" and h[1] in attending)]
                if not hits:
                    return None
        # "на фоне санкций против России", "amid sanctions on Russia": the acts inside the frame's phrase, up to
        # the partner it names, are the backdrop's
        if "backdrop_np" in cues:
            named = sorted(self.token_of(p.start_char) for p in self.partners)
            frames = [(j, k) for _i, j in self._np_frames(cues) for k in named if j <= k < j + _BACKDROP_NP
                      and not self._marks_between(j, k, ",;:")][:1]
            if frames:
                hits = [h for h in hits if not any(j <= h[1] <= k for j, k in frames)]
                if not hits:
                    return None
        # "Freedom Finance", "the Eurasian Development Bank": a capitalised trigger right after a capitalised
        # word is a word of a name (not where nouns are capitalised, nor in a headline in title case; a
        # way's name, "the Middle Corridor", is still the way)
        if not self.g.capitalised_nouns:
            named_at = [h for h in hits if h[1] > 0 and h[0] != "transit" and self.text[self.starts[h[1]]].isupper()
                        and self.text[self.starts[h[1] - 1]].isupper() and self._gap(h[1]) == " "]
            if named_at and sum(self.text[k].isupper() for k in self.starts) * 2 < len(self.starts):
                hits = [h for h in hits if h not in named_at]
                if not hits:
                    return None
        # "«Актауский морской торговый порт»", "„Търговска банка“": a word of a quoted name is no act
        if any(self.text.find(q, self.s.start_char, self.s.end_char) >= 0 for q in _OPEN_QUOTES):
            hits = [h for h in hits if not self._in_quoted_name(h[1])]
            if not hits:
                return None
        # "Turkey's STAR refinery, owned by Azerbaijan's SOCAR": ownership is an investment only of what
        # Kazakhstan's side names just before it ("Tengizchevroil, which is 50% owned by US major Chevron")
        if "owned_by" in cues:
            named = [(self.token_of(m.start_char), m.entity_type) for m in self.home + self.partners]
            # (or just after it, what the owner holds: "Китайской CNPC принадлежит 50% акций казахстанской компании")
            # (or a joint venture with Kazakhstan's side: "принадлежит 40% в совместном предприятии «Инкай» с
            # «Казатомпромом»")
            ours = [k for k, x in named if x == "home"] + [k for k, _ in cues.get("kazakh_side", ())]
            joint_home = [ji for ji, _ in cues.get("joint", ()) if any(
                ji < k <= ji + _STAKE_REACH + 2 for k in ours)] if "joint" in cues else ()
            owned = {a for a, _ in cues["owned_by"] if max((x for x in named if x[0] < a), default=(0, ""))[1] != "home"
                     and not any(x == "home" and a < k <= a + _STAKE_REACH + 1 for k, x in named)
                     and not any(a < ji <= a + _STAKE_REACH + 1 for ji in joint_home)}
            if owned:
                hits = [h for h in hits if not (h[0] == "invest" and h[1] in owned)]
                if not hits:
                    return None
        # "Swiss trader Glencore", "трейдер Vitol": a company's description before its name is no act
        if not self.g.company_words.isdisjoint(self.lows):
            hits = [h for h in hits if not (self.lows[h[1]] in self.g.company_words and h[2] < len(self.lows)
                                            and self.text[self.starts[h[2]]].isupper() and not self._gap(h[2]).strip())]
            if not hits:
                return None
        # "куди прибули Володимир Путін та лідери", "arrived ministers of ...": people who travel are no goods
        if self.g.officials and any(t == "move" for t, _, _ in hits):
            hits = [h for h in hits if not (h[0] == "move" and h[2] < len(self.lows) and not self.commodities and (
                self.lows[h[2]].startswith(self.g.officials) or self._person_at(h[2])))]
            if not hits:
                return None
            # "President Tokayev travels to Paris", "the delegation went on to Rome": a person who goes
            # somewhere visits it
            if not self.commodities:
                hits = [("consult", i, j) if t == "move" and self._traveller_before(cues, i) else (t, i, j)
                        for t, i, j in hits]
        # "bis zu 2000 Pflegekräfte pro Jahr nach Deutschland gehen", "students will go to Poland": people who
        # go somewhere carry no goods; and tourists or students who visit a city or travel there hold no talks
        # ("Touristen aus China reisen nach Almaty", "Chinese tourists visited Almaty")
        # ... nor do papers sent somewhere ("план будет направлен в секретариат ОПЕК в Вене", "sent a letter to Brussels")
        if ("people" in cues or "papers" in cues) and (
                not self.commodities and any(t == "move" for t, _, _ in hits) or "visit" in cues):
            people = [a for role in ("people", "papers") for a, _ in cues.get(role, ())]
            visits = {a for a, _ in cues.get("visit", ())}
            hits = [h for h in hits if not ((h[0] == "move" and not self.commodities or h[0] == "consult" and h[1] in visits)
                                            and any(abs(a - h[1]) <= _PEOPLE_REACH for a in people))]
            if not hits:
                return None
        # "Azerbaijan, which sells pipeline gas to Europe": goods sold to a region that is no partner, in a
        # sentence with no Kazakh side, are the partner's own trade
        if "elsewhere" in cues and not self.home and any(t in ("trade", "move") for t, _, _ in hits):
            hits = self._sold_elsewhere(cues, hits)
            if not hits:
                return None
        # "ADB backs Kazakhstan's grid links with Uzbekistan", "the World Bank will finance a road linking
        # Kazakhstan and Uzbekistan": a multilateral lender's money, with no partner named before the act
        # or right after it as a co-financier ("cofinancer avec la France"), is no partner's investment
        if "lender" in cues and any(t in ("invest", "cooperate") for t, _, _ in hits):
            hits = self._lenders_money(cues, hits)
            if not hits:
                return None
        # "China Railway", "Russian Railways": a word of a partner's name is no act
        named = [(p.start_char, p.end_char) for p in self.partners
                 if p.mention_kind != "anaphor" and " " in self.text[p.start_char:p.end_char]]
        if named:
            hits = [h for h in hits if not any(a <= self.starts[h[1]] < b for a, b in named)]
            if not hits:
                return None
        # "Abu Dhabi Ports", "Russian Railways": a capitalised word of the way right after a partner's
        # name is a company's name (a verb such as "China Imports" in a headline still acts)
        if any(t == "transit" for t, _, _ in hits):
            # (a capitalised name: German capitalises every noun, "über georgische Häfen" is the way)
            ends = {p.end_char for p in self.partners if p.mention_kind != "anaphor" and self.text[p.start_char].isupper()}
            hits = [h for h in hits if not (h[0] == "transit" and self.text[self.starts[h[1]]].isupper()
                                            and self.starts[h[1]] - 1 in ends and self.text[self.starts[h[1]] - 1] == " ")]
            if not hits:
                return None
        return hits, cues

    def _roles_checked(self, hits: list, cues: dict) -> tuple[list, set | tuple]:
        """The triggers left when the words around them are read: "trade restrictions" is a sanction's
        object, a count raised is no move, receiving needs a quantity, a ranking of others' trade and a
        rank in an apposition state no act. Also the receiving verbs (for the verb left out later)."""
        # "trade restrictions", "торговые ограничения", "restrictions commerciales", "сауда шектеулері": the word
        # "trade" that says what a sanction restricts is no act of trade
        if "trade_modifier" in cues:
            hostile = [(i, j) for t, i, j in hits if t in _HOSTILE]
            if hostile:
                modifiers = {i for i, _ in cues["trade_modifier"]}
                hits = [h for h in hits if not (h[0] == "trade" and h[1] in modifiers and any(
                    i == h[2] or j == h[1] for i, j in hostile))]
                if not hits:
                    return [], ()
        # "рейстерінің санын аптасына 7-ге жеткізу" (to bring the sailings up to seven): a move verb right after a
        # number in the destination case raises a count, it carries no goods
        if self.g.destination_endings and any(t in ("move", "trade") for t, _, _ in hits):
            lows = self.lows
            hits = [h for h in hits if not (h[0] in ("move", "trade") and h[1] >= 2 and lows[h[1] - 1] in self.g.destination_endings
                                            and lows[h[1] - 2][:1].isdigit())]
            if not hits:
                return [], ()
        # "China received about 260,000 tonnes", "Китай отримав 260 тис. тонн": receiving is trade only
        # with a quantity of goods right after it (not "received the ambassador", "received a loan")
        received = {i for i, _ in cues["receive"]} if "receive" in cues else ()
        if received:
            # (or fronted before it, the verb after its object: "Ще 2,1 тис. тонн яловичини отримала Саудівська Аравія")
            # (or the goods named right after it, Kazakh or not: "Грузия получава казахстанска пшеница")
            goods_at = {self.token_of(m.start_char) for m in self.commodities}
            hits = [h for h in hits if h[0] != "trade" or h[1] not in received or self._quantity_after(cues, h[2]) or (
                h[2] in goods_at or h[2] + 1 in goods_at) or (
                h[1] >= _QUANTITY_REACH and not any(m in self.text[self.starts[h[1] - _QUANTITY_REACH]:self.starts[h[1]]]
                                                    for m in (", ", ";", ":"))
                and self._quantity_after(cues, h[1] - _QUANTITY_REACH) and not any(  # (not a contract fronted:
                    t == "agree" and i < h[1] for t, i, _j in hits))]  # "Den Zuschlag für ... 480 Kilometern erhielt")
            if not hits:
                return [], ()
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
                return [], ()
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
            # (another trade word still states its act: "Saudi Arabia, the region's biggest importer, bought
            # 12,000 tonnes" buys; "Białoruś, największy eksporter nabiału w EAEU, sprzedaje ... do Rosji" sells
            # to Russia, a third party's trade)
            if ranked:
                hits = [h for h in hits if h[1] not in ranked]
                if not hits:
                    return [], ()
        # "шабуылдары туралы ақпаратты Астанаға берген", "information about the attacks": an attack or a sanction
        # that information is about is its topic, no act
        if "about" in cues and not _HOSTILE.isdisjoint(t for t, _, _ in hits):
            abouts = cues["about"]
            hits = [h for h in hits if not (h[0] in _HOSTILE and any(
                a == h[2] or 0 <= h[1] - b <= 1 for a, b in abouts))]
            if not hits:
                return [], ()
        return hits, received

    def _np_frames(self, cues) -> list[tuple[int, int]]:
        """The frame words before a noun phrase ("despite sanctions", "въпреки санкциите"); not one before
        "that", which opens a clause that is stated ("въпреки че преговорите ... продължават": although)."""
        n = len(self.lows)
        return [(i, j) for i, j in cues.get("backdrop_np", ()) if not (j < n and self.lows[j] in self.g.that_words)]

    def events(self, crossings: dict[str, tuple[str, ...]], document_partners: set[str]) -> list[ActivityEvent]:
        first = self._stated()
        if first is None:
            return []
        hits, cues = first
        self._cues = cues
        hits, received = self._roles_checked(hits, cues)
        if not hits:
            return []
        coordinated = self._coordinated(cues, hits) if len(hits) > 1 and self.partners and (
            hits[-1][1] - hits[0][1] > 2) and not self.g.coordinators.isdisjoint(self.lows) else ()
        stated = hits  # (every trigger, also those a negation cancels: "has not signed ... with Iran and exports")
        clause = self._clauses(cues, coordinated)
        # (most sentences have no negation word or ending: no call)
        if "own_funds" in cues and "invest" in {t for t, _, _ in hits}:
            # "Анкара планира да инвестира в разширяването на гарата в Карс собствени средства": a side's own money
            # spent in a clause with no Kazakh side is spent at home
            ours = {clause[k] for k in self._home(cues)}
            spent = {clause[a] for a, _ in cues["own_funds"]} - ours
            hits = [h for h in hits if not (h[0] == "invest" and clause[h[1]] in spent)]
            if not hits:
                return []
        if "own_place" in cues and not {"invest", "cooperate"}.isdisjoint(t for t, _, _ in hits):
            # "Azerbejdżan zainwestował w pogłębienie torów wodnych na swoim wybrzeżu", "on its own coast": works
            # on a side's own soil, in a clause with no Kazakh side, are its business at home
            ours = {clause[k] for k in self._home(cues)}
            at_home = {clause[a] for a, _ in cues["own_place"]} - ours
            hits = [h for h in hits if not (h[0] in ("invest", "cooperate") and clause[h[1]] in at_home)]
            if not hits:
                return []
        if "owner_noun" in cues and "relative" in cues:
            hits = self._owners_of_others(cues, clause, hits)
            if not hits:
                return []
        negated = self._negated(cues, clause, hits) if self.g.negative_endings or not _NEGATING.isdisjoint(cues) else ()
        if negated and any(t == "sanction" and i in negated for t, i, _j in hits):
            # "Moscow has not restricted sugar shipments to ...", "Ресей қазақстандық ет импортына ешқандай шектеу
            # енгізбеді": the flow a denied restriction is about is its topic, no act stated
            denied = [(i, j) for t, i, j in hits if t == "sanction" and i in negated]
            # (no comma between: "через територію якої руда йшла до України, обмежень ... не запроваджувала")
            negated = set(negated) | {i for t, i, j in hits if t in ("trade", "move") and any(
                (0 <= i - b <= _RESTRICTED_FLOW or 0 <= a - j <= _RESTRICTED_FLOW) and clause[i] == clause[a]
                and "," not in self.text[self.starts[min(i, a)]:self.ends[max(j, b) - 1]] for a, b in denied)}
        if negated and "topic_about" in cues:  # "Споразумение с Техеран за транзит ... не е подписано": what an
            # agreement not reached is about is not stated either
            deals = [j for t, i, j in hits if t == "agree" and i in negated]
            # (its verb may stand between: "no agreement had been reached on a proposed joint hub")
            abouts = [b for a, b in cues["topic_about"] if any(0 <= a - j <= 4 and clause[a] == clause[j - 1] for j in deals)]
            negated = set(negated) | {i for t, i, _j in hits if (t in _TOPICS or t == "cooperate") and any(
                0 <= i - b <= _TOPIC_REACH and clause[i] == clause[b - 1] for b in abouts)}
        granted = self._concessive(cues) if "conditional" in cues else ()
        conditional = {clause[i] for i, _ in cues["conditional"] if (i == 0 or clause[i - 1] != clause[i])
                       and i not in granted} if "conditional" in cues else ()
        if "question_end" in cues:  # "... сатып алуға қызығушылық таныта ма – бұл әзірге белгісіз": a particle
            # after the verb asks whether its clause holds (Kazakh asks at the end, not with "whether" before)
            conditional = {*conditional, *(clause[i] for i, _ in cues["question_end"] if i > 0)}
        if "conditional" in cues and "conditional_mood" in cues:  # "Buzzi würde ein Klinkerwerk bei Aktau bauen,
            # falls die Regierung ... garantiert": the clause in the mood of "would" beside an "if" is hypothetical too
            conditional = {*conditional, *(clause[i] for i, _ in cues["conditional_mood"])}
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
                0 <= i - b <= _PROHIBIT_REACH and clause[i] in (clause[a], clause[b - 1]) for a, b in cues["prohibit"])}
            if barred:
                hits = [("sanction", i, j) if i in barred else (t, i, j) for t, i, j in hits]
                negated = set(negated) - barred
        if negated or conditional:
            hits = [(t, i, j) for t, i, j in hits if i not in negated and clause[i] not in conditional]
        types = {t for t, _, _ in hits}
        if "investor" in cues and "with" in cues and "consult" in types and "invest" in types:
            # "held meetings with British and American investors": the investors met are whom one talks
            # to, no investment (the list of their countries may stand between)
            withs = [w for v, w in cues["with"] if any(0 <= v - e <= 1 for t, _s, e in hits if t == "consult")]
            met = {i for i, _ in cues["investor"] if clause[i] in {clause[w] for w in withs} and any(
                0 < i - w <= _MET_WITH + 2 and not any(w <= k < i for t, k, _ in hits if t != "invest") for w in withs)}
            if met:
                hits = [h for h in hits if not (h[0] == "invest" and h[1] in met)]
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
            # (a joint thing talked about is the talks' topic too: "rozmawiała ... także o wspólnym terminalu")
            hits = [(t, i, j) for t, i, j in hits if t not in _TOPICS and not (t == "cooperate" and any(
                0 < i - a <= 2 and b <= a for a in about for b, _c in talks)) or t in _TOPICS and not (any(
                0 <= i - b <= (_ABOUT_REACH if t in ("trade", "invest", "cooperate", "sanction") and any(b <= a < i for a in about) else _TOPIC_REACH)
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
            # (but "un contrat ..., qui pourrait être signé d'ici la fin de l'année": its signing is stated; not one
            # denied after it, "обсъдиха ... договор за доставки, но сделка все още не е подписана")
            if pending and all(i in pending or i in negated and i > max(pending) for t, i, j in stated if t == "agree"):
                hits = [h for h in hits if h[1] not in pending]
                types = {t for t, _, _ in hits}
        # "Ці домовленості обговорювали під час візиту", "these agreements were discussed": an agreement right
        # before the talks is what they are about, not reached (unless another agreement word of the sentence is)
        if "consult" in types and "agree" in types:
            talk_starts = [i for t, i, j in hits if t == "consult" and i not in presence]
            pending = {i for t, i, j in hits if t == "agree" and any(
                0 <= c - j <= 1 and clause[c] == clause[i] and self.g.coordinators.isdisjoint(self.lows[j:c])
                and not self._marks_between(j, c, ",.:;") and not any(  # ("a concession agreed during talks":
                    j <= d < c for d, _e in cues.get("during", ()))  # reached at them)
                for c in talk_starts)}
            if pending and all(i in pending or i in negated and i > max(pending) for t, i, j in stated if t == "agree"):
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
            # (not a sum: Polish "kwota" is both, "sfinansuje projekt kwotą do 500 mln dolarów")
            quotas = [i for i, _ in cues["quota"] if not any(
                w.startswith(self.g.money_words) for w in self.lows[i + 1:i + 7])]
            # (past an article and a word or two: "has granted a duty-free quota of 150,000 tonnes")
            hits = [(t, i, j) for t, i, j in hits if not (t == "invest" and any(
                0 <= q - j <= _QUOTA_GRANTED and clause[q] == clause[i] and not self._marks_between(j, q, ",;:")
                for q in quotas))]
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
        # "Kazatomprom's subsidiary Ulba", "«Қазатомөнеркәсіптің» еншілес кәсіпорны", "a subsidiary of
        # KazMunayGas": a Kazakh company's own subsidiary is no foreign investment
        if "subsidiary" in cues and "invest" in types and (self.home or "kazakh_side" in cues):
            spans = [(self.token_of(m.start_char), self.token_of(m.end_char - 1) + 1) for m in self.home]
            spans += cues.get("kazakh_side", ())
            places = [x for role in ("place", "destination") for x, _ in cues.get(role, ())]
            places += [x for x, w in enumerate(self.lows) if w in self.g.invest_place_words]
            own = {a for a, b in cues["subsidiary"] if any(  # (not "a subsidiary in Aktobe": where it is)
                0 <= a - e <= 1 and not self._marks_between(e, a, ",;:") or 0 <= s - b <= 3 and not self._marks_between(
                    b, s, ",;:") and not any(
                    b <= x < s for x in places) for s, e in spans)}
            if own:
                hits = [h for h in hits if not (h[0] == "invest" and h[1] in own)]
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
            final = [i for t, i, j in hits if t == "sanction" and self._ends_clause(j)]
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
        # (or a stake in it: "Қытай әлемдегі сирек жер металдарын өңдеудің 90 пайызын бақылайды", China
        # controls 90% of the world's processing)
        if "world" in cues and self.partners and not types.isdisjoint(_WORLDWIDE):
            worldwide = {clause[a] for a, _ in cues["world"]} - {clause[k] for k in home}
            world_at = [a for a, _ in cues["world"]]
            hits = [(t, i, j) for t, i, j in hits if not (t in _MOVING and (clause[i] in worldwide or (
                any(j <= a <= j + _WORLD_SHARE_REACH and clause[a] == clause[i] for a in world_at)
                and self._actor_before(clause, i) == "partner")) or t == "invest" and clause[i] in worldwide and any(
                a < i for a in world_at if clause[a] == clause[i]))]
        # "а Беларус е вторият по големина доставчик на калий след Канада", "Білорусь, другий після Росії
        # постачальник": a rank among suppliers behind another partner, in a clause with no Kazakh side, ranks
        # the world's or a region's trade, no act with Kazakhstan
        if ("comparison" in cues or "comparison_after" in cues) and ("ordinal" in cues or "superlative" in cues) \
                and not types.isdisjoint(_MOVING):
            ranks = [b for role in ("ordinal", "superlative") for _a, b in cues.get(role, ())]
            behind = [j for _i, j in cues.get("comparison", ()) if any(self.token_of(p.start_char) == j for p in self.partners)]
            ours = {clause[k] for k in home} | {clause[k] for k, _ in cues.get("kazakh_side", ())}
            # ... and a partner ranked behind Kazakhstan ranks as its rival, whatever Kazakh side the clause
            # names ("Русия, вторият по големина доставчик на пшеница за Централна Азия след Казахстан",
            # "Ресей ... Қазақстаннан кейінгі ең ірі астық жеткізуші")
            home_at = {self.token_of(m.start_char) for m in self.home}
            rank_start = {b: a for role in ("ordinal", "superlative") for a, b in cues.get(role, ())}
            behind_home = [j for _i, j in cues.get("comparison", ()) if j in home_at] + [
                i - 1 for i, _j in cues.get("comparison_after", ()) if i - 1 in home_at]
            hits = [(t, i, j) for t, i, j in hits if not (t in _MOVING and any(
                0 <= i - b <= _RANK_TO_ACT and clause[b] == clause[i] and (any(
                    b <= c <= j + _RANK_TO_ACT and clause[c] == clause[i] for c in behind) and clause[i] not in ours or any(
                    rank_start[b] - 2 <= c <= j + 2 * _RANK_TO_ACT and clause[c] == clause[i] and not self._marks_between(j, c, ",;:")
                    for c in behind_home)) for b in ranks))]
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
        # "Russia exported 45 million tonnes of wheat", "китайските производители са изнесли над 110 млн
        # тона стомана": a partner right before an export word, in a clause with no Kazakh side and no
        # place the goods go to, sells to the world, not to Kazakhstan
        if "export_word" in cues and "trade" in types:
            # (not where the goods go, before a verb that comes last: "nach Usbekistan exportiert werden")
            # (nor a name whose case ending says where the goods go or come from: "Өзбекстанға экспортталады")
            sellers_end = [self.token_of(m.end_char - 1) + 1 for m in self.partners if not self._after_any(
                cues, ("destination", "origin", "via", "via_weak"), self.token_of(m.start_char), 1) and not (
                self.g.case_endings and any(self.lows[self.token_of(m.end_char - 1)].endswith(suf)
                                            for suf, r in self.g.case_endings if r in ("destination", "origin")))]
            bound_to = [k for k in (self.token_of(m.start_char) for m in self.partners)
                        if self._after_any(cues, ("destination",), k, 1)]
            # (or its relative clause: "L'Ukraine, qui a exporté ... vers l'Afrique du Nord")
            relatives = {k for k, _ in cues.get("relative", ())}
            sold_out = {a for a, _ in cues["export_word"] if clause[a] not in kz_clauses and any(
                0 <= a - e <= 2 and clause[e - 1] == clause[a] or e in relatives and 0 < a - e <= 3
                and clause[e] == clause[a] for e in sellers_end) and not any(
                a < k and clause[k] == clause[a] for k in bound_to)}
            # "Россия ввела квоту на вывоз зерна", "a quota on grain exports": a partner's quota on its own
            # exports, in a clause with no Kazakh side and no place they go to, is its own export rule
            for q, qe in cues.get("quota", ()):
                a = next((a for a, _ in cues["export_word"] if 0 <= a - qe <= 2 and clause[a] == clause[q]), None)
                if a is not None and clause[q] not in kz_clauses and any(
                        k < q and clause[k] == clause[q] for k in (self.token_of(m.start_char) for m in self.partners)) and not any(
                        q < k and clause[k] == clause[q] for k in bound_to):
                    sold_out |= {q, a}
            if sold_out:
                hits = [h for h in hits if not (h[0] == "trade" and h[1] in sold_out)]
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
        kazakh_goods = any(m.mention_kind == "demonym" for m in self.home)  # ("Kazakh wheat", "казахстанская пшеница")
        via_home_at = {clause[k] for k in (
            *(self.token_of(m.start_char) for m in self.home if m.mention_kind in ("name", "abbreviation") or (
                territory and (self.token_of(m.end_char - 1) + 1 in territory or self.token_of(m.start_char) - 1 in territory))
            ), *(i for i, _ in cues.get("border_station", ()) if not kazakh_goods and self._sent_on(cues, i)))
            if self._on_the_way(cues, clause, k, k + 1) and not (kazakh_goods and self._chain_start(k))} if moves else set()
        via_home = bool(via_home_at)
        self._suffix_role = {}
        if self.g.case_endings:
            for p in self.partners:
                last = self.token_of(p.end_char - 1)
                role = next((r for suf, r in self.g.case_endings if self.lows[last].endswith(suf)), None) \
                    if self.lows[last] not in self.g.bare_names else None
                if role is None and last + 1 < len(self.lows) and self._gap(last + 1) in _HYPHENS:
                    # an abbreviation takes its ending after a hyphen: "АҚШ-қа", "ЕО-мен"
                    role = next((r for suf, r in self.g.case_endings if self.lows[last + 1] == suf), None)
                if role is None and p.mention_kind == "demonym" and last + 1 < len(self.lows) and (
                        self.g.market_nouns and self.lows[last + 1].startswith(self.g.market_nouns)):
                    # an adjective does not inflect, its noun does: "ауған нарығына" (to the Afghan market)
                    role = next((r for suf, r in self.g.case_endings if self.lows[last + 1].endswith(suf)), None)
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
                    j <= mi < j + _BACKDROP_NP and not self._marks_between(j, mi, ",;:") for i, j in self._np_frames(cues))):
                if "relative" in cues:  # "Unlike Canada's Cameco, which sells mostly to U.S. utilities": what
                    # the relative clause of a compared partner says is background too
                    framed_clauses.update(clause[k] for k in self._relatives_after(cues, me))
                continue
            via = self._on_the_way(cues, clause, head, me, ways, moved_to)
            if via and moves and kazakh_goods and self._chain_end_from_home(p):
                via = None  # "казахстанська пшениця ... залізницею Казахстан – Туркменістан – Іран": where the
                # line from Kazakhstan ends, Kazakh goods go (a tariff for freight on it leaves Iran on the way)
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
            if via is None and p.mention_kind != "demonym" and self._in_compound(p) and not (
                    moves and self._chain_end_from_home(p)):
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

        # ("Des représentants ouzbeks et tadjiks, présents en qualité d'observateurs, ont pris part aux
        # consultations": observers take part in the meeting, they do not talk to each other)
        third_party = set() if len(parties) < 2 else {
            (i, j) for t, i, j in hits
            if not (t == "consult" and "observer" in cues)
            and (clause[i] not in (tied if t in _NEEDS_HOME else kz_sides(t))
                 or self._home_aside(clause, i, j))
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
        # ("Kazakhstan and Russia agreed to increase the transit of Russian oil to China": what an
        # agreeing verb's infinitive is about, right after it, is its topic too)
        about_at = [a for a, _ in cues["topic_about"]] if "topic_about" in cues and (
            "agree" in types or "consult" in types) else []
        agreed_ends = [j for t, _i, j in hits if t == "agree"]
        in_topic = {mi for p, mi, me, head, c, via in parties if (any(
            j <= a < head and clause[a] == c == clause[i] and t in ("agree", "consult") for a in about_at
            for t, i, j in hits) and self._after_any(cues, ("destination", "origin"), head, 0)) or (any(
                # (a way there only: "z Turkmenistanem" is with whom as often as from where)
                j < head and clause[j - 1] == c for j in agreed_ends) and self._after_cue(cues, "destination", head, 0)
                and not self._after_cue(cues, "with", head, 0))} if about_at or agreed_ends else ()
        if in_topic and not any(mi not in in_topic and p.entity_id not in {q.entity_id for q, qi, *_ in parties if qi in in_topic}
                                and c in {clause[qi] for qi in in_topic} for p, mi, _me, _h, c, _v in parties):
            in_topic = ()  # (no other partner signs: "signed an agreement on wheat supplies to Uzbekistan" is with it;
            # one in another clause does not either: "..., что свидетельствует о растущем интересе Японии")
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
        # "bei einem Treffen mit den Umweltministern Kasachstans, Kirgistans ... 45 Millionen Euro zugesagt", "at a
        # meeting with the ministers of ...": those met, Kazakhstan among them, meet; the pledge is the host's
        if "with" in cues and "consult" in types and len(types) > 1 and home:
            met = [w for v, w in cues["with"] if any(0 <= v - e <= 1 for t, _s, e in hits if t == "consult")]
            acts_at = [i for _t, i, _j in hits]
            near = lambda k, w: 0 <= k - w <= _MET_WITH and not any(w <= i < k for i in acts_at) and not (  # noqa: E731
                self._marks_between(w, k, ";"))  # ("... z kazachskim ministrem; strony podpisały": a new clause's pair)
            met = [w for w in met if any(near(k, w) for k in home)]  # (Kazakhstan among those met)
            if met:
                attendees = {*attendees, *(head for p, mi, me, head, c, via in parties if any(near(head, w) for w in met))}
        # "meant to carry Turkmen gas through Afghanistan and Pakistan to India": goods a partner's
        # adjective owns, in a clause with no Kazakh side, move between others (the owner's transit
        # across Kazakhstan is the one act: "Russian wheat ... moves across Kazakhstan")
        # (the adjective right before the goods, or right after them: "gaz turkmène"; not "l'office public
        # algérien des céréales", a buyer's name)
        foreign_goods = {clause[mi]: p.entity_id for p, mi, me, *_ in parties if p.mention_kind == "demonym" and any(
            self.token_of(g.start_char) == me or self.token_of(g.end_char - 1) + 1 == mi
            for g in self.commodities)} if self.commodities and (
            moves or "trade" in types) else {}
        # "Қытайдан Түркия мен Еуропаға бағытталған контейнерлер де Қазақстан аумағы арқылы өтеді": goods from a
        # partner across Kazakhstan are that partner's (ACTIVITY.md: its transit); where they go is no side of it
        if via_home and moves and not kazakh_goods:
            for p, mi, me, head, c, via in parties:
                if c not in foreign_goods and via is None and self._after_role(cues, ("origin",), head):
                    foreign_goods[c] = p.entity_id
        # (the clauses with a Kazakh side that is more than a place on the way: asked once, not per act and party)
        kz_off_way = {clause[k] for k in home if not self._on_the_way(cues, clause, k, k + 1)} \
            if foreign_goods and via_home else set()
        ranked_blocs = {mi: _one_side(p.entity_id) - {p.entity_id} for p, mi, *_ in parties if p.entity_id in _BLOCS} if (
            "ordinal" in cues or "superlative" in cues) and len(parties) > 1 else {}
        # "Спільний російсько-казахстанський комплекс ... з українською ракетою": a joint word right before a
        # partner joined to Kazakhstan by a hyphen names its two sides
        paired = self._hyphen_paired(hits) if "joint" in cues or "cooperate" in types else {}
        levied = self._tariffs_on_others(cues, home) if "tariff" in cues else ()
        sellers, buyers = self._selling_to_others(cues, clause, parties, hits, home) if (
            "relative" in cues and len(parties) > 1 and ("trade" in types or "move" in types)) else ((), ())
        # "among the world's three largest flour exporters, together with Turkey and Russia", "вместе с Турцией
        # поставляет муку в Афганистан": partners listed right after "together with", where Kazakhstan's side acts
        # before it, are its fellow sellers, no counterpart of its trade
        alongside = {mi for _p, mi, *_ in parties if any(0 <= self._list_head(mi) - b <= 1 and any(
            k < a and clause[k] == clause[a] for k in home) for role in ("joint_with", "alongside")
            for a, b in cues.get(role, ()))} if home and ("joint_with" in cues or "alongside" in cues) and (
            "trade" in types or "move" in types) else ()
        # (Kazakhstan's goods before it are what is resold: "kaufte ... kasachischen Weizen und verkaufte ihn ... weiter")
        goods_of_home = {self.token_of(m.start_char) for m in self.home if m.mention_kind == "demonym"}
        resold = [r for r, _ in cues["resell"] if any(qi < r and cq == clause[r] for _q, qi, _qe, _qh, cq, _v in parties)
                  and not any(k < r and clause[k] == clause[r] and k not in goods_of_home for k in home)] if "resell" in cues else ()
        # "ACWA Power has invested $5 billion in Uzbekistan", "hat in Usbekistan eine Anlage eröffnet": an
        # investment placed in another country, in a clause with no Kazakh side, is that country's project
        # (a country's name: "die Bundesregierung in Berlin" is who invests, "в американски облигации" what in)
        invested_abroad = {c for p, mi, _me, _h, c, _v in parties if c not in kz_clauses and p.mention_kind == "name" and (
            k := mi - self._articles_in(cues, mi - 2, mi)) > 0 and self.lows[k - 1] in self.g.invest_place_words} if (
            "invest" in types and self.g.invest_place_words) else ()
        for t, i, j in hits:
            move = t == "move"
            for p, mi, me, head, c, via in parties:
                if in_topic and mi in in_topic and t in ("agree", "consult"):
                    continue
                if paired and i in paired and p.entity_id != paired[i]:
                    continue
                if t == "consult" and "invited" in cues and any(0 <= head - b <= 1 for _a, b in cues["invited"]):
                    continue  # "переговоров в Бишкеке, на которые приглашался и Таджикистан": invited, not there
                if foreign_goods and t in _MOVING and clause[i] in foreign_goods and (
                        clause[i] not in kz_clauses or (via_home and clause[i] not in kz_off_way)) and not (
                        via_home and p.entity_id == foreign_goods[clause[i]]):
                    continue
                if attendees and head in attendees and t != "consult":
                    continue
                if ranked_blocs and mi in ranked_blocs and (0 <= i - me <= 1 or 0 < mi - j <= 2) and any(
                        qi < i and cq == clause[i] and q.entity_id in ranked_blocs[mi] for q, qi, _qe, _qh, cq, _v in parties):
                    continue  # "Hungary is the third-largest investor from the EU", "the largest EU investor": the
                    # bloc is the group its member ranks in, no investor of its own
                if hostile_by and mi in hostile_by and t not in _HOSTILE:
                    continue  # "угода з Астаною не підпадає під американські санкції": the sanctions' side only
                if fellows and t == "consult" and mi in fellows and mi > i and "visit" in cues and any(
                        a == i for a, _ in cues["visit"]) and any(
                        qi < i and cq == clause[i] and qi not in fellows[mi] for q, qi, _qe, _qh, cq, v in parties):
                    continue  # "Brazil's foreign minister visited Uzbekistan and Kazakhstan": two visits, Brazil's
                if t in _MOVING and (head in buyers or (mi in sellers and clause[i] not in kz_clauses
                                                         and clause[i] != sellers[mi])):
                    continue  # "chińscy producenci, którzy dostarczali urządzenia do Uzbekistanu", "поставки из
                    # Монголии и России, которые продают уголь китайским электростанциям": a partner's own buyers
                if levied and t == "trade" and i in levied:
                    continue  # "Zölle auf russische und belarussische Düngemittel", "nawozy z Rosji obłożono cłami":
                    # duties on another partner's goods are its trade with whoever levies them
                if resold and t in ("trade", "move") and any(r < mi and clause[r] == c for r in resold):
                    continue  # "швейцарските търговци препродават казахстанската суровина на японски ...": whom a
                    # foreign reseller sells on to buys from it, not from Kazakhstan
                if alongside and t in ("trade", "move") and mi in alongside:
                    continue
                if fellows and t in ("trade", "move") and mi in fellows and any(
                        cq == clause[i] and v is None and qi not in fellows[mi] for q, qi, _qe, _qh, cq, v in parties):
                    continue
                if owned and (owned.get(mi, i) != i or (i in owned.values() and mi not in owned)):
                    continue
                if opener is not None and t in ("trade", "move") and p.entity_id != opener.entity_id and (
                        clause[i] != clause[0] and clause[i] not in kz_clauses and not any(
                            clause[qi] == clause[i] and qi < i for q, qi, *_ in parties)):
                    continue
                if c != clause[i] and relative_of.get(me) != clause[i] and attended.get(i) != c and not (
                        p.mention_kind == "demonym" and via_home and relative_of.get(me + 1) == clause[i]) and (
                        not relative_of or self._named_antecedent_of(relative_of, me) != clause[i]):
                    continue  # (the antecedent of "which" also acts in its relative clause)
                if t == "conflict" and (mi in sites or (i < mi and self._actor_before(clause, i) == "home" and not any(
                        b in (i, i - 1) for _a, b in cues.get("comparison", ()))) or any(  # (not "після атаки ...": a time)
                        0 <= si - j <= 2 for si in sites)):  # ("Nach dem russischen Angriff auf die Ukraine": their war)
                    continue  # (ACTIVITY.md: the partner's attacks; "Kazakh customs seized Chinese trucks" is none)
                if t in _NEEDS_HOME and not (clause[i] in tied or self.routes):
                    continue  # "China tightened export controls": not tied to Kazakhstan
                if t == "invest" and mi > j and self._marks_between(j, mi, ",;") and self._after_any(
                        cues, ("destination",), head - self._articles_in(cues, head - 2, head), 0):
                    continue  # "où KTZ Express détient 49 % d'un terminal, vers le Vietnam": where the goods go on
                    # to, past a comma, is no side of the stake
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
                                (cq == clause[i] and (qi < i or (any(  # (or the buyer after the way that opens
                                    # the clause, its subject: "Через польські порти ... Україна також імпортує
                                    # вугілля зі США")
                                    tt in _MOVING and k > qi and clause[k] == cq for tt, k, _e in hits)
                                    and not any(tt in _MOVING and k < mi and clause[k] == cq for tt, k, _e in hits)
                                    and not self._after_any(cues, _ROLE_CUES, qh, 0))))
                                or relative_of.get(qe) == clause[i]
                                # (the name itself right before "which", its apposition aside: "z USA i
                                # Australii, który trafia do niej przez polskie porty")
                                or relative_of.get(self.token_of(q.end_char - 1) + 1) == clause[i]
                                # (or its goods, one noun on: "китайские товары, которые следуют через Кыргызстан")
                                or (q.mention_kind == "demonym" and relative_of.get(qe + 1) == clause[i]))
                            and not self._after_role(cues, ("destination",), qh)
                            and self._suffix_role.get(qh) != "destination"
                            for q, qi, qe, qh, cq, v in parties)):
                        add(p.entity_id, "transit", i, j, p)
                    continue  # a partner on (or off) the way is not a buyer or seller
                # (not in a clause of its own where Kazakhstan acts: "Turkmen gas crosses Kazakhstan, and
                # Kazakhstan itself exported gas to China")
                on_way = via_home and (clause[i] in via_home_at or clause[i] not in kz_clauses)
                if t in _MOVING and on_way and not self._after_role(cues, ("destination",), head):
                    add(p.entity_id, "transit", i, j, p)  # "China to Europe through Kazakhstan"
                    continue
                if t in _MOVING and on_way:
                    continue  # ... and Europe, where the partner's goods go, is no Kazakh buyer
                if t == "transit" and via is None and self._transit_from(cues, clause, i, head):
                    add(p.entity_id, "transit", i, j, p)  # "транзитные контейнеры из Китая в Европу"
                    continue
                if t == "transit" and via is None and mi < i and clause[mi] == clause[i] and any(
                        a == i for a, _ in cues.get("lets_through", ())) and not any(
                        mi < self.token_of(q.start_char) < i for q in self.partners):
                    add(p.entity_id, "transit", i, j, p)  # "Узбекистан продолжает пропускать через свою
                    continue  # энергосистему казахстанскую электроэнергию": who lets the goods through is the way
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
                if t == "cooperate" and not home and (self._suffix_role.get(head) == "place" or any(
                        i < a < mi for a, _ in cues.get("project_noun", ()))):
                    continue  # "KOMIR участвует в проектах в Монголии", "Моңғолия мен Вьетнамдағы жобаларына
                    # қатысады": projects in a country, with no Kazakh side, are someone's business there
                if t == "invest" and (clause[i] in invested_abroad or c in invested_abroad):
                    continue  # (neither the country invested in nor its investor is a side of Kazakhstan's)
                if "concern" in cues and any(i < a and 0 <= mi - b <= _CONCERN_REACH and clause[i] == clause[a] == clause[mi]
                                             for a, b in cues["concern"]):
                    continue  # "Reeksport budzi pytania w Waszyngtonie", "re-exports worry Washington": who worries is
                    # an onlooker of the act before
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
                        (a == j or (a > 0 and self.lows[a - 1].startswith(self.g.officials))) and b in (mi, self._list_head(mi))
                        for a, b in cues["arrival_from"])):  # (or the list it heads: "délégations de Corée du Sud et de Singapour")
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
                        (i - 2 <= k < i or (k < i and clause[k] == clause[i] and clause[i] not in kz_clauses))
                        and self._actor_before(clause, k) == "partner" for k in own)):
                    continue  # "a quota on the export of its own grain"; (verb last, no Kazakh side in the clause:
                    # "Түрікменстан өз мұнайының бір бөлігін Әзербайжан арқылы экспорттайды")
                if t == "trade" and not self._trades(cues, p, mi, me, head, i, j, clause[i] in kz_clauses):
                    continue
                if t == "sanction" and i < mi and self._after_role(cues, ("destination",), head):
                    # "set a limit on the transit of Kazakh oil to Germany": where the restricted goods
                    # go is their buyer, not a sanctioned side
                    # (a transit or a move: "blacklisted firms for supplying drones to Russia" sanctions Russia)
                    flow = next(((k, kj) for tt, k, kj in stated if tt in ("transit", "move") and i < k < mi
                                 and clause[k] == clause[i]), None)
                    if flow is not None:
                        # (not another partner's goods: "ограничил транзит российского угля в Узбекистан" restricts
                        # what Uzbekistan buys from Russia)
                        if not any(flow[0] < self.token_of(q.start_char) < mi and q.mention_kind == "demonym"
                                   and q.entity_id != p.entity_id for q in self.partners):
                            add(p.entity_id, "trade", flow[0], flow[1], p)
                        continue
                if t == "invest" and "cofinance" in cues and self._after_cue(cues, "with", head, 1) and any(
                        a == i and 0 <= head - b <= 3 for a, b in cues["cofinance"]) and any(
                        k < i and clause[k] == clause[i] for k in home):
                    add(p.entity_id, "cooperate", i, j, p)  # "le Kazakhstan ... cofinancer avec l'Ouzbékistan la centrale":
                    continue  # Kazakhstan's fellow financier cooperates (not "la BAD va cofinancer avec la France ... au Kazakhstan")
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
        # "Saudi Arabia's Manara Minerals, a joint venture of the Public Investment Fund and Ma'aden, will take a
        # stake": a joint venture in an apposition with no Kazakh side says who owns the company, no cooperation
        # (not one "with" a partner: "Its plant in Astana, a joint venture with US-based Wabtec,")
        owners_joint = {i for i, _ in cues["joint"] if clause[i] <= -2000 and not any(
            clause[k] == clause[i] for k in home) and not any(clause[w] == clause[i] for w, _ in cues.get("with", ()))} \
            if "joint" in cues and "cooperate" in types else ()
        events = [e for e in found.values() if e.activity_type != "cooperate" or not any(
            abs(k - self.token_of(e.start_char)) <= _ONE_STATEMENT for k in stated_at.get(e.partner_id, ())) and (
            not invested or self.token_of(e.start_char) not in joint
            or (e.partner_id, clause[self.token_of(e.start_char)]) not in invested) and (
            self.token_of(e.start_char) not in owners_joint) and not any(
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
        # "The largest buyer is the UAE, followed by Saudi Arabia and Qatar": the next in the ranking buy too;
        # so do those a trade's partner is narrowed to ("to the EU, mainly Italy", "на НПЗ країн ЄС, передусім
        # в Італії", a place word between)
        if ("rank_next" in cues or "elaboration" in cues) and events:
            nexts = {j for _, j in cues.get("rank_next", ())} | {
                k for _, j in cues.get("elaboration", ()) for k in (j, j + 1)}
            have = {e.partner_id for e in events}
            for p in self.partners:
                head = self._list_head(self.token_of(p.start_char))
                if p.entity_id in have or not (head in nexts or head - 1 in nexts):
                    continue
                # (in the same clause: not ", а теперь получает бензин в основном из Румынии" after a purchase)
                e = max((e for e in events if e.activity_type == "trade" and e.partner_start_char is not None
                         and e.partner_start_char < p.start_char and clause[self.token_of(e.start_char)] == clause[head]),
                        key=lambda e: e.partner_start_char, default=None)
                if e is not None:
                    have.add(p.entity_id)
                    events.append(ActivityEvent(p.entity_id, e.activity_type, e.sector, e.planned, e.sentence_index,
                                                e.start_char, e.end_char, e.surface_text, p.start_char, p.end_char))
        # "Китай отримав 260 тис. тонн, Узбекистан — 55 тис. тонн": each partner with its own quantity
        # and the verb left out trades as the one named with the verb
        if gapped and events:
            have = {e.partner_id for e in events}
            verb_last = self._verb_after_partners()
            for p in gapped:
                # (the nearest partner before it: "crossed Turkmenistan by rail, while Uzbekistan received
                # 200,000 t and Afghanistan 150,000 t" repeats Uzbekistan's trade, not Turkmenistan's transit)
                e = max((e for e in events if e.activity_type in ("trade", "transit") and e.partner_start_char is not None
                         and e.partner_start_char < p.start_char), key=lambda e: e.partner_start_char, default=None) \
                    if not verb_last else min((  # (verb last: the nearest partner after it)
                        e for e in events if e.activity_type in ("trade", "transit") and e.partner_start_char is not None
                        and e.partner_start_char > p.start_char), key=lambda e: e.partner_start_char, default=None)
                if e is not None and p.entity_id not in have:
                    have.add(p.entity_id)
                    events.append(ActivityEvent(p.entity_id, e.activity_type, e.sector, e.planned, e.sentence_index,
                                                e.start_char, e.end_char, e.surface_text, p.start_char, p.end_char))
        return events

    def _verb_after_partners(self) -> bool:
        """A verb-final language whose sentence states its one act after every partner it names (not
        "Моңғолия Қытайға 83 млн тонна жөнелтсе, Ресей ... сатқан": a verb in each part)."""
        if not (self.g.case_endings and self.hits):
            return False
        first, last = self.token_of(self.partners[0].start_char), self.token_of(self.partners[-1].start_char)
        return all(i > last for _t, i, _j in self.hits if i > first)

    def _gapped(self) -> list[Mention]:
        """Partners after a comma or "and" whose own quantity follows them with the verb left out
        ("China received 260,000 t, Uzbekistan 55,000 t and Tajikistan 30,000 t", "Узбекистан — 55 тис.")."""
        out = []
        if self._verb_after_partners():  # (verb last: "Өзбекстанға 1,5 млн тонна бидай, ал Ауғанстанға 700 мың
            # тонна ұн жөнелтілді": the partners before the last, each with its own quantity, leave the verb out)
            named = [p for p in self.partners if p.mention_kind in ("name", "capital")
                     and _GAPPED_QUANTITY.match(self.text, p.end_char, self.s.end_char)]
            return [p for p in named[:-1] if "," in self.text[p.end_char:named[-1].start_char]]
        first = self.partners[0].start_char
        for p in self.partners:
            if p.start_char == first or p.mention_kind not in ("name", "capital"):
                continue
            k = self.token_of(p.start_char)
            if k > 1 and len(self.lows[k - 1]) <= 3 and "," not in self._gap(k) and self.lows[k - 1] not in self.g.coordinators:
                k -= 1  # (an article before the name: ", l'Ouzbékistan 0,8 million")
            if not ("," in self._gap(k) or (k > 0 and self.lows[k - 1] in self.g.coordinators)):
                continue
            m = _GAPPED_QUANTITY.match(self.text, p.end_char, self.s.end_char)
            # (a word before the number is a qualifier of it, "about 55", never a verb: "Afghanistan reached
            # 1.9 million tonnes" has its own)
            if m and (m.group(1) is None or m.group(1).lower() in self.g.qualifier_words):
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
        topic = agreed and k < c and any(c - 2 <= a < c for a, _ in self._cues.get("topic_about", ()))
        # (further after the agreement where "about" opens its topic: "Podpisanie memorandum między KTZ a
        # polskim przewoźnikiem PKP Cargo w sprawie wspólnej obsługi")
        # (a list of sides between counts as one word: "einigten sich die Bahngesellschaften Kasachstans,
        # Litauens und Lettlands auf einen gemeinsamen Durchgangstarif")
        listed = sum(1 for w in range(min(c, k) + 1, max(c, k)) if w in self._name_bounds()[1] or (
            self.lows[w] in self.g.coordinators and self._joins_names(w))) if abs(c - k) > _ABOUT_THEM_REACH else 0
        if clause[c] != clause[k] or not 0 < abs(c - k) - max(0, listed - 1) <= _ABOUT_THEM_REACH * (2 if topic else 1):
            return False
        if not topic and any(self.lows[w] in self.g.coordinators and not self._joins_names(w)
                             for w in range(min(c, k) + 1, max(c, k))):
            return False  # (but "підписали договір ... та ще 11 документів про співпрацю": what more was signed is about)
        # (before talks only in their own words: "– Polska i Kazachstan chcą rozwijać współpracę – mówił
        # podczas wizyty" is a statement of its own)
        return agreed or (c < k and not self._marks_between(c, k, ",–—;:")) or 0 < c - k <= _TOPIC_REACH


    def _selling_to_others(self, cues, clause, parties, hits, home) -> tuple[dict[int, int], set[int]]:
        """A foreign partner (or a list of them) with a relative clause that sells to another partner
        and names no Kazakh side: ({first token of each seller: the relative clause}, {first tokens
        of the buyers})."""
        sellers: dict[int, int] = {}
        buyers: set[int] = set()
        kz = {clause[k] for k in home}
        for r, _ in cues["relative"]:
            rc = clause[r]
            if rc in kz or "," not in self._gap(r):
                continue
            named = [qh for _q, _qi, qe, qh, _c, _v in parties if qe <= r and r - qe <= 2]
            if not named:
                continue
            moves = [k for t, k, _j in hits if t in _MOVING and k > r and clause[k] == rc]
            others = {qh for _q, qi, _qe, qh, cq, _v in parties if cq == rc and qi > r and moves and qi > moves[0]}
            if others:
                head = named[-1]
                sellers.update({qi: rc for _q, qi, _qe, qh, _c, _v in parties if qh == head})
                buyers |= others
        return sellers, buyers

    def _tariffs_on_others(self, cues, home: list[int]) -> set[int]:
        """Tariff words on a foreign partner's goods: its demonym right after the word ("Zölle auf
        russische ... Düngemittel") or the goods from it right before ("nawozy z Rosji obłożono
        cłami"), with no Kazakh side between."""
        out = set()
        for a, b in cues["tariff"]:
            for q in self.partners:
                qs, qe = self.token_of(q.start_char), self.token_of(q.end_char - 1) + 1
                if q.mention_kind == "demonym" and b <= qs <= b + 3:
                    span = (b, qe + 3)
                elif qe <= a and a - qe <= 3 and self._after_cue(cues, "origin", qs, 0):
                    span = (qs - 3, a)
                else:
                    continue
                if not any(span[0] <= k <= span[1] for k in home):
                    out.add(a)
        return out

    def _sent_on(self, cues, b: int) -> bool:
        """Goods through the Kazakh border station at token b go on to a partner named after it ("über
        den Grenzbahnhof Altynkol ... aus China nach Usbekistan"): they cross Kazakhstan; through it
        alone they enter it ("поступать из Китая ... через Хоргос")."""
        # (or a region beyond, anywhere in the sentence: "Chinese container trains to Europe pass through Khorgos")
        return "onward_region" in cues or any(
            self.token_of(p.start_char) > b and self._after_cue(cues, "destination", self.token_of(p.start_char), 0)
            for p in self.partners)

    def _name_bounds(self) -> tuple[set[int], set[int]]:
        """(last tokens, first tokens) of the partners and Kazakh sides named in the sentence."""
        bounds = self.__dict__.get("_bounds")
        if bounds is None:
            named = (*self.partners, *self.home)
            bounds = self._bounds = ({self.token_of(m.end_char - 1) for m in named},
                                     {self.token_of(m.start_char) for m in named})
        return bounds

    def _joins_names(self, w: int) -> bool:
        """The "and" at token w joins two names of a list ("Kasachstans, Litauens und Lettlands"): it
        adds a side, not a statement."""
        ends, starts = self._name_bounds()
        return w - 1 in ends and w + 1 in starts

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


    def _ends_in_case(self, p: Mention) -> bool:
        """The partner's word carries a case ending ("Еуропаға"; not "Өзбекстан", whose "-тан" is its name's).
        (Where no copula is written, "Ең ірі сатып алушы ... Өзбекстан" names the ranked one in the nominative.)"""
        w = self.lows[self.token_of(p.end_char - 1)]
        return w not in self.g.bare_names and w.endswith(self.g.role_endings)


    def _region_after(self, cues, p: Mention) -> bool:
        """A region word right after the demonym ("russischen Region", "Russian region of")."""
        me = self.token_of(p.end_char - 1) + 1
        # (or after the region's own name: "Ресейдің Краснодар өлкесіндегі", "Russia's Krasnodar region")
        if me < len(self.lows) and self.lows[me] == "s" and self._gap(me) in ("'", "’"):
            me += 1
        named = me + 1 if me < len(self.lows) and self.text[self.starts[me]].isupper() else me
        # (or right before it, where the adjective follows its noun: "la région russe de Krasnodar")
        mi = self.token_of(p.start_char)
        return any(a in (me, named) or (b == mi and p.mention_kind == "demonym") for a, b in cues["region"])

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
