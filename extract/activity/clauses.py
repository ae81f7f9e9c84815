"""Where a sentence's clauses begin: marks, contrast and clause words, coordination, appositions."""
from __future__ import annotations

import re
from bisect import bisect_right

from .roles import _MOVING
from .tokens import _GAP_DASH


_CLAUSE_MARK = re.compile(r"[;()]")
_GLOSS_WORDS = 4  # a bracketed aside this short glosses the name before it: "(AFD)", "(Kazakhstan Temir Scholy)"
# ... and so does a share or figure in brackets: "Chevron (15%)", "du russe Lukoil (13,5 %)"
_GLOSS = re.compile(r"\((?=[^()\n]{1,60}\))(?:(?:[^\W\d_][\w.&'’-]*(?:\s+|(?=\)))){1,%d}|\d[\d.,\s]*%%?\s*)\)"
                    % _GLOSS_WORDS)
_COLON_CLAUSE = re.compile(r":[ \t\u00a0]+(?=[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐӘҒҚҢӨҰҮҺĄĆĘŁŃŚŹŻ])")
_INDEFINITE = frozenset(("a", "an", "un", "une", "eine", "ein"))
_APPOSITION_WORDS = 7  # words of an apposition that describes a partner ("gros acheteur de blé russe")
_CONTRAST_REACH = 4  # words from "not through" to its "but" ("nie przez Rosję, lecz przez")


class Clauses:
    """The clause-cutting part of a coded sentence (coder._Sentence)."""

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
        if breaks and "backdrop" in cues:  # ("Салыстыру үшін": "үшін" ends the frame's words, opens no clause)
            breaks -= {k for a, b in cues["backdrop"] for k in range(a + 1, b)}
        if "clause_others" in cues:  # "Kazakhstan did not join when Tashkent, Kabul and Islamabad signed a deal":
            # "when" opens a clause of its own where two or more partners and no Kazakh side follow it (their
            # deal), not where it goes on with Kazakhstan's act ("suffered when Russia banned imports")
            homes = [self.token_of(m.start_char) for m in self.home]
            named = [self.token_of(p.start_char) for p in self.partners]
            for i, _ in cues["clause_others"]:
                if i > 0 and len({p.entity_id for p, k in zip(self.partners, named) if k > i}) >= 2 and not any(
                        k > i for k in homes):
                    breaks.add(i)
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
        if "backdrop_np" in cues:  # "Въпреки преговорите с Токио миналата година, износ ... все още няма": a
            # frame that opens the sentence ends at its comma, and what follows is the statement
            for i, j in cues["backdrop_np"]:
                if i == 0:
                    e = next((e for e in range(j + 1, n) if "," in self._gap(e)), None)
                    if e is not None:
                        breaks.add(e)
        if len(self.partners) + len(self.home) > 1 and (len(self.hits) > 1 or self.home):
            breaks.update(self._asyndetic_breaks())
        if "conditional" in cues:  # ", if they serve deals with Russian counterparties": the condition is a clause
            # (an "if" that can mean nothing else opens one without a comma too)
            opens = {i for i, _ in cues.get("condition_opens", ())}
            granted = self._concessive(cues)
            breaks.update(i for i, _ in cues["conditional"] if i > 0 and ("," in self._gap(i) or i in opens)
                          and i not in granted)
        if "not_clause" in cues:  # "а также" (as well as) is no "а" (whereas); nor is any word inside
            # the phrase ("as well as": neither "as")
            breaks.difference_update(k for i, j in cues["not_clause"] for k in range(i, j))
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
        if not breaks and "relative" not in cues and "world" not in cues and "joint" not in cues and (len(self.partners) < 2 or not any(
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
        # (a comma inside a list of names does not end it: ", в който участваха делегации от Казахстан,
        # Узбекистан и Туркменистан")
        names = self.partners + self.home
        listed = {self.token_of(m.start_char) for m in names} & {
            self.token_of(m.end_char - 1) + 1 for m in names} if "relative" in cues and len(names) > 2 else ()
        for k, (i, _) in enumerate(cues.get("relative", ())):
            if i > 1 and len(self.lows[i - 1]) <= 3 and "," in self._gap(i - 1):
                i -= 1  # ", в котором Казахстан не участвует", ", dans lequel": a preposition before the pronoun
            elif i > 2 and "," not in self._gap(i) and "," in self._gap(i - 2) and "," not in self._gap(i - 1) and any(
                    a == i - 1 for a, _b in cues.get("owner_noun", ())):
                i -= 2  # ", найбільшим акціонером якого є Саудівська Аравія,": the pronoun after the noun it belongs to
            elif i == 0 or "," not in self._gap(i):
                continue
            end = next((e for e in range(i + 1, n) if "," in self._gap(e) and e not in listed
                        or out[e] != out[i]), n)
            for e in range(i, end):
                out[e] = -1 - k
        # "Its plant in Astana, a joint venture with US-based Wabtec, shipped locomotives to Uzbekistan": an
        # apposition that a joint venture opens after a comma, up to the next comma, is a clause of its own
        for k, (i, _) in enumerate(cues.get("joint", ())):
            opens = i - 1 if i > 0 and self.lows[i - 1] in _INDEFINITE else i
            if opens == 0 or "," not in self._gap(opens):
                continue
            end = next((e for e in range(i + 1, n) if "," in self._gap(e)), None)
            if end is not None:
                for e in range(opens, end):
                    out[e] = -2000 - k
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

    def _opens_with_conjunction(self, cues) -> set[int]:
        """Tokens where a clause cue of one word starts a clause ("однако", "however", ", а")."""
        return ({i for i, j in (*cues.get("clause", ()), *cues.get("clause_post", ())) if j == i + 1}
                | self._comma_opens) - {k for i, j in cues.get("not_clause", ()) for k in range(i, j)} - self._instead(cues)

    def _concessive(self, cues) -> set[int]:
        """Tokens of "even if" ("nawet jeśli pochodzą one z Kazachstanu"): what it grants is so, no condition."""
        return {k for i, j in cues.get("concessive", ()) for k in range(i, j)}

    def _instead(self, cues) -> set[int]:
        """"not through Russia but across Azerbaijan", "nie przez Rosję, lecz przez Gruzję": the "but" that
        gives the way taken instead goes on with the same verb, no new clause."""
        if "bypass" not in cues or "contrast" not in cues:
            return set()
        return {i for i, _ in cues["contrast"] if any(b < i <= b + _CONTRAST_REACH for _, b in cues["bypass"])}
