"""Transit: whether a partner is on the way the goods take (after a via word, crossed by a route),
and where they go on from."""
from __future__ import annotations


_VIA_REACH = 3          # "through Azerbaijan and Georgia" : via word this many words before


class Ways:
    """The route part of a coded sentence (coder._Sentence)."""

    def _on_the_way(self, cues, clause, mi: int, me: int, ways: list[int] = (), moved_to: list[int] = ()) -> bool | None:
        """True: the partner is on the way; False: it is bypassed; None: neither is said.
        ways: where transit words stand ("the port of Ceyhan in Turkey", "Russian ports")."""
        if "bank_noun" in cues and any(mi < a <= me + 1 for a, _ in cues["bank_noun"]):
            return None  # "die Abwicklung über Schweizer Banken", "through Chinese banks": money's way, no goods'
        if self._after_cue(cues, "bypass", mi, 1) or "bypass_after" in cues and any(
                me <= i <= me + 1 for i, _ in cues["bypass_after"]):
            return False
        if "via_relative" in cues and any(0 <= a - me <= 1 for a, _ in cues["via_relative"]):
            return True  # "Polen, durch dessen Gebiet das Öl fließt", "Грузия, через территорию которой": the way
        # "the port of Ceyhan in Turkey", "Russian ports": a transit word near the partner, the
        # partner after a place preposition or right before the word
        if ways and me in ways and self._suffix_role.get(mi) == "destination":
            ways = [w for w in ways if w != me]  # "Қытайға теміржол арқылы" (by rail to China): the dative ends the way
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
            # "към иранските пристанища са изпратени 420 хил. тона пшеница", "Ақтау портынан Иран порттарына",
            # "shipped to Iranian ports": the partner's ports the goods are sent to, with no other country on the
            # way before them and nothing said of where they go next, are where the goods go
            to_ports = any(w == me and clause[w] == clause[mi] for w in ways) and (
                (adjective and self._after_cue(cues, "destination", mi, 0)) or (
                    not located and self.g.destination_endings and any(
                        w == me and self.lows[w].endswith(self.g.destination_endings) for w in ways)))
            # (a transit word, "перевантажують у латвійському порту", says the goods only pass there)
            facilities = {a for a, _ in cues.get("facility", ())}
            if to_ports and not any(t == "transit" and i != me and i not in facilities for t, i, _j in self.hits) and not any(
                    me <= i for role in ("onward", "then") for i, _ in cues.get(role, ())) and not any(
                    d > me + 1 for d, _ in cues.get("destination", ())) and not any(
                    self.token_of(q.start_char) < mi for q in self.partners):
                if not located:  # ("Иран порттарына": the case ending on the port word is the partner's)
                    self._suffix_role[mi] = "destination"
                return None
            # (not a way of Kazakhstan's named between: "по железным дорогам Казахстана в Узбекистан" goes there)
            # (nor across a verb of its own: "Обладнання для терміналу можуть закупити в Німеччині")
            if any(clause[w] == clause[mi] and ((located and mi - 4 <= w < mi and w not in acts and w not in owned
                                                 and not any(w < k < mi for k in self._home_at)
                                                 and not any(w < h < mi for _t, h, _e in self.hits)) or (
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
        to_here = "via" in cues and "destination" in cues and self._after_cue(
            cues, "destination", mi - self._articles_in(cues, mi - 2, mi), 0) and all(
            p.mention_kind != "capital" for p in self.partners if self.token_of(p.start_char) == mi) and not any(
            i > me for i, _ in cues.get("via", ()))
        if "via" in cues and not to_here:
            stops = {k for k in self._home_at if self._kazakh_stop_listed(k, mi)}
            if any(j <= mi and clause[i] == clause[mi] and (mi - _VIA_REACH <= j or any(
                    j <= k <= j + _VIA_REACH for k in stops)) and not any(
                    j <= k < mi and k not in stops for k in self._home_at) and not self._time_span(cues, j)
                    for i, j in cues["via"]):  # ("через территорию Казахстана в Китай")
                return True
        # (one word between only if it is "territory": "Ресей аумағы арқылы", not "Еуроодақ КТК арқылы")
        if "via_after" in cues and any(i == e or (i == e + 1 and e in self._territory_at(cues))
                                       for i, _ in cues["via_after"] for e in [me] + [
                self.token_of(q.end_char - 1) + 1 for q in self.partners
                if self._list_head(self.token_of(q.start_char)) == mi]):
            return True  # "Әзербайжан мен Грузия арқылы": the list before the postposition
        # ("by": "supplied by China's Goldwind"; "par le": "fournies par le chinois Goldwind", "par l'équipementier
        # allemand Adidas": the agent, a word or two before the partner)
        agents = dict(cues.get("agent_prep", ()))
        if moved_to and "via_weak" in cues and not self._after_cue(cues, "destination", mi, 0) and any(
                mi - _VIA_REACH <= j <= mi and clause[i] == clause[mi] and any(0 <= i - b <= 2 for b in moved_to)
                and not (i in agents and (agents[i] == mi or (
                    0 < mi - agents[i] <= 2 and self.lows[agents[i]] in self.g.company_words))
                         and any(t == "trade" and 0 <= i - b <= 2 for t, _a, b in self.hits)
                         and not any(d > mi and clause[d] == clause[mi] for d, _ in cues.get("destination", ())))
                for i, j in cues["via_weak"]):  # ("shipped by rail to China": the buyer, not the way)
            # (nor the doer of a passive: "will be supplied by China's Goldwind"; after a word that
            # sells or supplies only, and with no destination after it: "transite toutefois par la Russie",
            # "livré par l'Ouzbékistan vers l'Afghanistan" name the way)
            return True  # "par" / "by" says the way only right after a word that moves something
        return None

    def _kazakh_stop_listed(self, k: int, mi: int) -> bool:
        """The Kazakh place at token k is the first stop of a list of ways that goes on to the partner at
        mi: "über den Hafen Aktau, Baku und Georgien", "через порт Актау та Азербайджан" (a port or
        city, one word, then only a comma or "and"; not Kazakhstan itself: "через Казахстан в Китай")"""
        if k + 1 > mi or any(self.token_of(m.start_char) == k and m.mention_kind in ("name", "abbreviation", "demonym")
                             for m in self.home):
            return False
        return all(self.lows[w] in self.g.coordinators for w in range(k + 1, mi)) and (
            k + 1 < mi or "," in self._gap(mi)) and not any(ch in self.text[self.ends[k]:self.starts[mi]] for ch in ".;:()")

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
            me <= i <= me + 2 and any(k in dest for k in range(j, j + 3)) and not any(
                me <= h < i for _t, h, _e in self.hits) for i, j in cues.get("via_weak", ()))
        # (not after the verb that ends the leg: "in die Türkei gehen, per Fähre nach Aserbaidschan" says how)

    def _time_span(self, cues, j: int) -> bool:
        """A via word before a period is time, not a way: "през следващите три години", "через два
        года", "przez trzy lata", "über drei Jahre"."""
        if j < len(self.lows) and len(self.lows[j]) == 4 and self.lows[j].isdigit() and self.lows[j][:2] in ("19", "20"):
            return True  # "През 2024 г. български фирми ...": a year
        # (not a country named right after it: "Через Казахстан в прошлом году прошли")
        return "period" in cues and any(j <= k <= j + 3 for k, _ in cues["period"]) and j not in self._name_bounds()[1] \
            and not any(a == j for a, _ in cues.get("border_station", ()))

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

    def _from_home_port(self, cues, clause, mi: int) -> bool:
        """Kazakhstan's side before token mi in its clause as where the goods leave from: after "from", with
        an origin ending ("Ақтаудан"), or before "via" after it ("Ақтау порты арқылы")."""
        via_after = [a for a, _ in cues.get("via_after", ())]
        for k in self._home_at:
            if k < mi and clause[k] == clause[mi] and (self._after_cue(cues, "origin", k, 0) or (
                    self.g.origin_endings and self.lows[k].endswith(self.g.origin_endings)) or any(k < a <= k + 2 for a in via_after)):
                return True
        return False

    def _home_bypassed(self, cues) -> bool:
        """Kazakhstan right after a bypass word, or right before one that ends its clause (verb-final)."""
        for m in self.home:
            k, e = self.token_of(m.start_char), self.token_of(m.end_char - 1) + 1
            if any(j == k or (j == k - 1 and k - 1 in self._article_at(cues)) for _, j in cues["bypass"]):
                return True
            if any(i == e and self._closes_before(j, ".,;:") for i, j in cues["bypass"]):
                return True
        return False
