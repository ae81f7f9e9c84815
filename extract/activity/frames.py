"""Background, not a party: comparisons and rivals ("after Russia", "unlike China"), reported speech
and the speaker's own country, acts compared with another."""
from __future__ import annotations

from .roles import _HOSTILE, _ROLE_CUES


_COMPARED_NP = 5  # "Ресей арқылы өтетін теміржол бағытына қарағанда": the partner to "than" after the phrase
_COMPARISON_REACH = 1   # a comparison word is right before the partner
_COMPARED_NP_AFTER = 3  # "niż w ofertach rosyjskich": a partner's adjective this close after "than"
_RIVAL_REACH = 5        # "Russia, the biggest competitor," : rival word within this many words after
_VERSUS_REACH = 14  # words from "wobec ponad" (against more than) to the partners of its quantity
_QUOTE_ENDS = "\"»”“«–—"  # what ends a quoted statement before its verb of saying ('," said', "», — дейді", "– ocenia")
_SPEAKER_REACH = 14  # words after that verb that describe the speaker ("Piotr Lis, były attaché ... ambasady Niemiec")
_COMPARED_REACH = 5  # "than" at most this many words before the partner of the act compared ("than overland transit through Russia")


class Frames:
    """The background part of a coded sentence (coder._Sentence)."""

    def _background(self, cues, clause, mi: int, me: int) -> bool:
        # "Unlike Khorgos on the Chinese border, the new zone ...", "W przeciwieństwie do portów w Rosji, ...": a
        # comparison that opens the sentence runs to its first comma, and what it names is background
        # (not a word that also tells time: "Po przekroczeniu granicy składy jadą przez Rosję", "After ...")
        if "comparison" in cues and any(a == 0 for a, _ in cues["comparison"]) and not any(
                a == 0 for role in ("time_before", "after_lead") for a, _ in cues.get(role, ())):
            comma = self.text.find(",", self.s.start_char, self.s.end_char)
            # (not "After Russia banned Kazakh wheat, ...": "after" before an act opens a clause whose subject acts)
            # (nor a partner after the act the sentence states: "Obok prezydenta Kazachstanu uczestniczyli w
            # szczycie prezydenci Kirgistanu, Tadżykistanu i ...", whose first comma is inside the list)
            if comma > 0 and self.starts[mi] < comma and self._opens_clause_after(cues, mi, me) is None and not any(
                    0 < k < mi for _t, k, _e in self.hits):
                return True
        # "unlike the United States", "contrairement à la Russie": the article stands between
        if "comparison" in cues and self._after_cue(
                cues, "comparison", mi - self._articles_in(cues, mi - 2, mi), _COMPARISON_REACH - 1) and \
                self._opens_clause_after(cues, mi, me) is None:
            return True
        if "than" in cues and (self._compared_act(cues, clause, mi) or self._in_compared_phrase(cues, clause, mi, me)):
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
        if "comparison_after" in cues and any(i == me or (i == self._list_end(mi) and i > me)
                                              for i, _ in cues["comparison_after"]):
            return True  # "Ресейден кейін" (after Russia), "Қытайға қарағанда" (than China)
        if "than_after" in cues:
            # (from the end of the partner's list: "Ресей мен Қытай шекарасындағы сауда аймақтарынан айырмашылығы")
            le = max(me, self._list_end(mi))
            if any(max(me + 1, le) <= i <= le + _COMPARED_NP and not self._marks_between(me, i, ",;:") and not any(
                    le <= self.token_of(q.start_char) < i for q in self.partners + self.home) for i, _ in cues["than_after"]):
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
        # (nor after a paper: "Според документа американски компании ще инвестират" reads the document)
        return not articles and len(self.lows[mi - 1]) > 3 and self._after_cue(cues, "source", mi - 1, 0) and not any(
            i == mi - 1 for _, i, _ in self.hits) and not self._gap(mi).strip() and not any(
            a == mi - 1 for a, _ in cues.get("papers", ()))

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
        # (a cue word there is no adjective: "далеч зад Индия и Германия по износ")
        cue_at_me = any(a == me for spans in cues.values() for a, _ in spans)
        # (nor another partner, the subject: "W przeciwieństwie do Rosji Azerbejdżan zainwestował")
        cue_at_me = cue_at_me or any(self.token_of(q.start_char) == me for q in self.partners)
        # (a port or a terminal is no act of its own: "ustępuje rosyjskiemu portowi w Machaczkale")
        facilities = {a for a, _ in cues.get("facility", ())}
        if me >= n or self._gap(me).strip() not in ("", ".") or not any(
                (i == me or (i == me + 1 and not self._gap(i).strip() and not cue_at_me))
                and j < n and not self._gap(j).strip() and i not in facilities for _, i, j in self.hits):
            return None
        word = next((i for i, j in cues["comparison"] if j == mi), None)
        if word is None or any(j == word for _, j in cues.get("ordinal", ())):
            return None
        return word

    def _in_compared_phrase(self, cues, clause, mi: int, me: int) -> bool:
        """"6 dol. więcej niż w ofertach rosyjskich", "нижче за пропозиції французьких трейдерів": a
        partner's adjective in the phrase right after "than", with no number, comma or other side between
        (not "more than 20% to Russian buyers": "than" before a number qualifies the number)."""
        if not any(self.token_of(p.start_char) == mi and p.mention_kind == "demonym" for p in self.partners):
            return False
        return any(0 < mi - j <= _COMPARED_NP_AFTER and clause[j] == clause[mi]
                   and not any(any(ch.isdigit() for ch in w) for w in self.lows[j:mi])
                   and not self._marks_between(j, mi, ",;:") and not any(
                       j <= self.token_of(q.start_char) < mi for q in self.partners + self.home)
                   for _, j in cues["than"])

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
