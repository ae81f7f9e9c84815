"""Who is a party: Kazakhstan's side in the sentence, lists of partners, third-party dealings
between others."""
from __future__ import annotations

from functools import lru_cache

from ..model import Mention
from ..reference import load_csv
from .roles import _CASE_ROLES, _LIST_FILLERS, _LIST_WORDS, _ROLE_CUES
from .tokens import _DASH, _GAP_DASH


_THIRD_PARTY_REACH = 6  # the other party of a third-party deal stands this close after the trigger
_TRADE_ROLE_REACH = 2   # a buyer or seller right after "to" / "from" ("went to Iran", "z Chin")
_INVERTED_SUBJECT = 3   # "trafen sich die EU-Vertreter": a subject after its verb (German, verb second)
_ENDS_REACH = 6         # where goods go from one partner to another, both stand this close to the act


@lru_cache(maxsize=None)
def _one_side(pid: str) -> frozenset[str]:
    """A partner with its bloc and the bloc's members: "The European Union, whose refiners in Italy ...
    buy" is one side, no deal between two."""
    rows = load_csv("bloc_members")
    blocs = {r["bloc_id"] for r in rows if r["partner_id"] == pid} | {pid}
    return frozenset({pid, *blocs, *(r["partner_id"] for r in rows if r["bloc_id"] in blocs)})


_BLOCS = frozenset(r["bloc_id"] for r in load_csv("bloc_members"))


_OPEN_QUOTES = ("«", "„", "“", '"')
_CLOSE_QUOTES = ("»", "“", "”", '"')


class Parties:
    """The party part of a coded sentence (coder._Sentence)."""

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
        if out and "comparison_after" in cues:  # "Қазақстаннан кейін тұрса да" (though after Kazakhstan): compared
            after = {a for a, _ in cues["comparison_after"]}
            for m in self.home:
                if self.token_of(m.end_char - 1) + 1 in after:
                    out = [x for x in out if x != self.token_of(m.start_char)]
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
            # (and the rest of the list the first one heads: "entre l'Azerbaïdjan, la Géorgie, la Roumanie et la Hongrie")
            firsts = {self._list_head(mi) for p, mi, me, head, c, via in parties if e <= head <= e + 1 and c == clause[i]}
            listed = [(p.entity_id, self._list_end(head)) for p, mi, me, head, c, via in parties
                      if c == clause[i] and (e <= head <= e + 1 or (firsts and self._list_head(mi) in firsts))]
            pair = {x for x, _ in listed}
            end = max((le for _, le in listed), default=e)
            # (a bloc and its own member are one side; two members of one bloc are two: "entre ... la
            # Roumanie et la Hongrie")
            if len(pair) > 1 and not any(_one_side(x) & (pair - {x}) & _BLOCS for x in pair) and not any(
                    e <= k < end for k in self._home_at):
                return True
        return False

    def _home_aside(self, clause: list[int], i: int, j: int) -> bool:
        """The clause's Kazakh side stands only aside from the act at i..j: after a ", and" or ", but"
        that follows it ("Washington banned imports of Russian uranium last year, and utilities have since
        turned to Central Asia"), or inside an apposition of a partner before it ("Japan, once a major
        buyer of Kazakh zinc, now sources its concentrate from Australia and Peru")."""
        homes = [k for k in self._home_at if clause[k] == clause[i]]
        if not homes:
            return False
        first = min(homes)
        if first > j and any(self.lows[k] in self.g.comma_and and "," in self._gap(k) for k in range(j, first)):
            return True
        for p in self.partners:
            me = self.token_of(p.end_char - 1) + 1
            if first >= me and me < i and "," in self._gap(me):
                end = next((e for e in range(me + 1, i + 1) if "," in self._gap(e)), None)
                # (not a list's member: "Әзербайжан, Қазақстан, Өзбекстан және Түркия министрлерінің
                # кездесуі", where the Kazakh name alone stands between the commas)
                if end is not None and all(me <= h < end for h in homes) and not all(
                        any(m.start_char <= self.starts[k] < m.end_char for m in self.home) for k in range(me, end)):
                    return True
        return False

    def _subject_before_comma(self, cues, parties, clause: list[int], i: int) -> set[str]:
        """", а нині отримує пальне переважно з Литви та Польщі": a clause with no Kazakh side (the caller's
        test) that a conjunction after a comma opens, with no subject before its act, goes on with the
        subject of the clause before (the partner that opens that clause in no role: "Україна імпортувала
        ..."); empty when there is none."""
        start = clause.index(clause[i])
        # (or a conjunction of a clause after a comma: ", тъй като купуват повече суровина от ЮАР", ", because")
        opened = start in self._comma_opens or start > 0 and ("," in self._gap(start) and any(
            a == start for a, _b in cues.get("clause", ())) or ";" in self._gap(start))  # (or a semicolon)
        if not opened:
            return set()
        prev = clause[start - 1]  # (start > 0: the clause was opened after another)
        first = clause.index(prev)
        verb = min((k for _t, k, _e in self.hits if first <= k < start), default=start)
        if any(first <= k < verb and k - first <= 3 for k in self._home_at):
            return set()  # ("Россия и Казахстан договорились ..., а поставки в Италию выросли": Kazakhstan's)
        return {p.entity_id for p, mi, me, head, c, via in parties if c == prev and via is None
                and head < verb and head - first <= 3 and not self._after_any(cues, _ROLE_CUES, head, 0)
                and not self._after_cue(cues, "with", head, 0)}

    def _third_party(self, cues, parties, kz_clauses: set[int], clause: list[int], i: int, j: int, moving: bool) -> bool:
        """Two partners deal with each other and the clause names no Kazakh side: a partner
        before the trigger and another right after it ("Germany buys gas from Norway",
        "Washington banned imports of Russian fuel"), or, for goods that move, a partner
        with no role beside one that is the origin or destination of this very trigger
        ("Германия Норвегиядан газ сатып алды"). A partner far after the trigger belongs to
        another predicate ("Azerbaijani millers took 310,000 t, mostly for re-export to Georgia")."""
        if clause[i] in kz_clauses and not self._home_aside(clause, i, j):
            return False
        # (the antecedent of "which" is the subject of its relative clause: "Turkmenistan, which sells
        # most of its gas to China,")
        relative = {k for k, _ in cues.get("relative", ()) if clause[k] == clause[i]} if "relative" in cues else ()
        # ("Най-голям купувач са Емирствата, следвани от Саудитска Арабия и Катар", "followed by": the next in
        # the ranking, no other side)
        nexts = {j for _, j in cues.get("rank_next", ())} if "rank_next" in cues else ()
        mine = [(p, head, mi, me) for p, mi, me, head, c, via in parties
                if (c == clause[i] or me in relative) and (via is None or not moving)
                and not (nexts and (head in nexts or head - 1 in nexts))]
        # (a destination before the trigger is no actor: "to Japan and signed with Korea")
        dest = {j for _, j in cues.get("destination", ())}
        # ("to France's Orano": a company after a destination and its country's genitive is one too)
        before = {p.entity_id for p, head, mi, _ in mine if head < i and head not in dest and head - 1 not in dest
                  and not (p.mention_kind == "organisation" and any(0 < mi - d <= 3 for d in dest))}
        # (a talk or a deal: the other side anywhere after it in the clause, "discussed the corridor in
        # Baku last week with his Georgian counterpart")
        if not before and self.g.capitalised_nouns and not moving:
            # (German puts the subject after the verb when the sentence opens with something else: "Am Rande
            # trafen sich die EU-Vertreter mit Diplomaten aus Japan": the partner right after it, in no role)
            before = {p.entity_id for p, head, mi, _ in mine if j <= mi <= j + _INVERTED_SUBJECT
                      and not self._after_any(cues, _ROLE_CUES, head, 0) and not self._after_cue(cues, "with", head, 0)}
        if not before and clause[i] not in kz_clauses and clause[i] > 0:
            before = self._subject_before_comma(cues, parties, clause, i)
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
        # (but investors of two nationalities invest side by side: "German and French investors took 46% of
        # the book")
        adjectives = {head for p, head, mi, _ in mine if p.mention_kind == "demonym"}
        investing = any(t == "invest" and k == i for t, k, _ in self.hits)
        if any(len(ids) > 1 and not (investing and head in adjectives and all(
                p.mention_kind == "demonym" for p, h, *_ in mine if h == head)) for head, ids in subjects.items()):
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
        # "Перевозка контейнера из Китая в Польшу", "Қытайдан Польшаға дейін тасымалдау": goods from one
        # partner to another, where the clause names no Kazakh side, are theirs
        # (near the act, each in one role only: Polish "z" is "with" as well as "from")
        ends = {}
        for p, head, mi, me in mine:
            if not (i - _ENDS_REACH <= mi and me <= j + _ENDS_REACH) or self._after_cue(cues, "with", head, 0):
                continue
            role = self._suffix_role.get(mi) if self._suffix_role else None
            if role is None:
                role = next((r for r in ("origin", "destination") if self._after_role(cues, (r,), head)), None)
            if role in ("origin", "destination"):
                ends.setdefault(role, set()).add(p.entity_id)
        if len(ends) == 2 and ends["origin"] - ends["destination"] and ends["destination"] - ends["origin"]:
            return True
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
        linked = (_GAP_DASH.match(self.text, p.start_char - 3) is not None and p.start_char - 3 in ends) or (
            _GAP_DASH.match(self.text, p.end_char) is not None and p.end_char + 3 in starts)
        # (a name in quotes is an event's, no route: "«Ауғанстан — Қазақстан» сауда көрмесі")
        if linked and (self.text[p.start_char - 1:p.start_char] in _OPEN_QUOTES or self.text[p.end_char:p.end_char + 1]
                       in _CLOSE_QUOTES or any(self.text[m.start_char - 1:m.start_char] in _OPEN_QUOTES and (
                           m.end_char + 3 == p.start_char) for m in self.home) or any(
                           self.text[m.end_char:m.end_char + 1] in _CLOSE_QUOTES and p.end_char + 3 == m.start_char
                           for m in self.home)):
            return False
        return linked

    def _chain_start(self, k: int) -> bool:
        """The name at token k opens a dashed chain ("по железной дороге Казахстан – Туркменистан – Иран"):
        where the line starts, the goods come from; it is not on their way."""
        a, b = self.starts[k], self.ends[k]
        dash = _DASH.search(self.text, b, b + 2)
        return dash is not None and not _DASH.search(self.text[max(0, a - 2):a]) and any(
            0 <= m.start_char - dash.end() <= 1 for m in self.partners)  # (not "през Казахстан – с 30% повече")

    def _chain_end_from_home(self, p: Mention) -> bool:
        """The last place of a dashed chain that starts at Kazakhstan ("по железопътната линия Казахстан –
        Туркменистан – Иран"): where the line ends, the goods go, not a place on their way."""
        if _DASH.search(self.text[p.end_char:p.end_char + 2]):
            return False
        by_end = {m.end_char: m for m in self.partners + self.home}
        k, m = p.start_char, None
        for _ in range(6):  # (walk back over the chain, one dashed link at a time)
            m = by_end.get(k - 3) if _GAP_DASH.match(self.text, k - 3) else by_end.get(k - 1) if (
                k > 0 and _DASH.match(self.text, k - 1)) else None
            if m is None:
                return False
            if m.entity_type == "home":
                return True
            k = m.start_char
        return False

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
