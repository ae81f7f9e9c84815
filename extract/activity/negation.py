"""Which triggers a negation, a hedge or a denial takes back, before or after them."""
from __future__ import annotations


_NEGATION_REACH = 3     # a negation word governs this many following words ("has not yet signed")
_WRAPPED_NEGATION = 6  # words between "ne" and its "pas" ("n'a en revanche importé aucune")
_CLOSING_REACH = 5  # a negation after the act ("transit through Russia is impossible", "unterzeichnete ... nicht") reaches back this far
_OBJECT_NEGATION_REACH = 8  # a negated object denies the verb this far before it ("liefert ... seit 2022 kein Zink")
_SPECULATOR_REACH = 3  # Kazakhstan's side right before "could" speaks of its own plan
_REPORT_REACH = 20  # "Reports that ... were denied": the reports stand this far before the denial
_VERB_FINAL_REACH = 6  # a negated verb that ends its clause at most this far after the negation ("hat nicht ... investiert")
_CONTENT_REACH = 6      # "agreed on Tuesday to lift trade": the agreement's subject follows it this close
_BRIDGED_BEFORE = 2  # "у переговорах участі не бере": the act before the participation word
_NEGATING = frozenset(("negation", "hedge", "negation_after", "negation_object", "speculation", "denial", "failed",
                        "negation_open", "never_done", "negation_final"))  # cues _negated reads first


_UNSENT_WAY = 6  # a negated move verb to the way it would have taken ("не изпраща стоки по ... маршрут")
_QUANTITY_REACH = 6      # "received about 260,000 tonnes": the unit this many words after a receiving verb


class Negation:
    """The negation part of a coded sentence (coder._Sentence)."""

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
            for _t, k, e in hits:
                if stop <= k < j + _VERB_FINAL_REACH and clause[k] == clause[i] and (
                        self._ends_clause(e) or clause[e] != clause[k]):
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
        # Kazakh ends its clause on the verb: a closing "жоқ" there denies every act its clause names,
        # however long the nominal phrase before it ("Түрікменстаннан газ сатып алу мәселесі әзірге
        # қаралып жатқан жоқ": buying gas is not being considered)
        for i, j in cues.get("negation_final", ()):
            if i not in cancelled and self._ends_clause(j):
                span = [k for _t, k, _e in hits if k < i and clause[k] == clause[i]]
                out.update(span)
                self._denied_at.update(span)
        for i in closing:
            span = [k for k in range(max(i - _CLOSING_REACH, 0), i) if clause[k] == clause[i]]
            # ("Les pourparlers avec l'Ouzbékistan ont été annulés": the act that opens the clause)
            first = clause.index(clause[i])
            span += [k for _t, k, _e in hits if k < i and clause[k] == clause[i] and (
                k == first or (k == first + 1 and self._articles_in(cues, first, k)))]
            out.update(span)
            j = ends.get(i)
            if j is not None and self._ends_clause(j):
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
            # (after an article too: "The Turkmen delegation, invited to the meeting, did not come")
            after_adjective = {self.token_of(m.end_char - 1) + 1 for m in self.partners
                               if m.mention_kind == "demonym" and (self.token_of(m.start_char) == first or (
                                   self.token_of(m.start_char) == first + 1 and self._articles_in(cues, first, first + 1)))}
            # (or that opens with a project the act names: "Проектът за съвместна корабна компания с
            # Туркменистан обаче не беше одобрен", "The project of a joint venture ... was not approved")
            project = first + self._articles_in(cues, first, first + 2) if "project_noun" in cues else -1
            if project >= 0 and not any(a == project for a, _ in cues["project_noun"]):
                project = -1
            if any(k < i and clause[k] == c and (k == first or k in after_adjective or (k == first + 1 and (
                    self._articles_in(cues, first, k) or not any(
                        self.token_of(m.start_char) == first for m in self.partners + self.home))) or (
                    project >= 0 and project < k <= project + _NEGATION_REACH))
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
        # "L'usine qu'un investisseur turc devait construire ..., n'a finalement pas vu le jour", "the plant
        # ... never materialised", "сделка ... не состоялась": what never came about is no act, however far
        # back in its clause it is named
        # (not across a relative pronoun: "signed a memorandum on a plant that never materialised" signed)
        for i, _j in cues.get("never_done", ()):
            out.update(k for _t, k, _e in hits if k < i and clause[k] == clause[i] and not any(
                k < r < i for r, _ in cues.get("relative", ())) and self.g.that_words.isdisjoint(self.lows[k + 1:i]))
        # "вече не изпраща стоки по сухопътния маршрут през Русия", "no longer ships goods along the route
        # through Russia": the way of goods that do not move is not taken either
        unsent = [i for t, i, j in hits if t == "move" and i in out]
        if unsent:
            out.update(k for t, k, _ in hits if t == "transit" and any(
                0 < k - i <= _UNSENT_WAY and clause[k] == clause[i] for i in unsent))
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
            # ("Reports that Turkish Airlines would buy a stake ... were denied", "Слуховете, че ... бяха
            # опровергани": what the reports before the denial say)
            reports = [a for a, _ in cues.get("report_noun", ()) if 0 < i - a <= _REPORT_REACH]
            if reports:
                out.update(range(min(reports), i))
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
