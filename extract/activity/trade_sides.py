"""The buyer or seller of a trade word: who stands before it, after "to" / "from", or as the
subject of a verb that closes the clause."""
from __future__ import annotations

from ..model import Mention
from .roles import _HOSTILE


_COPULA_SPAN = 5  # words between a copula and the trade noun it says the subject is ("remains Kazakhstan's largest uranium customer")
_DEMONYM_REACH = 9      # "Turkish steel mills became a key buyer"
_TRADE_REACH = 4        # a buyer or seller stands this close before the trade word ...
_TRADE_ROLE_SPAN = 12   # a buyer or seller after "to" / "from": at most this many words from the trade word, no partner between
_BRACKET_SPAN = 15      # a verb bracket's partner and the trade word closing it: at most this many words apart


class TradeSides:
    """The trade part of a coded sentence (coder._Sentence)."""

    def _with_home_after(self, me: int) -> int:
        """The end of "<partner> and Kazakhstan" when Kazakhstan follows the partner's name (else me)."""
        if me + 1 < len(self.lows) and self.lows[me] in self.g.coordinators and me + 1 in self._home_at:
            return me + 2
        return me

    def _trades(self, cues, p: Mention, mi: int, me: int, head: int, i: int, j: int, with_home: bool) -> bool:
        """Is the partner buyer, seller, origin or destination of this trade word? Without a
        parser: it stands next to it, or right after "to"/"from" (itself or the list it
        heads), or is a demonym near it."""
        if 0 <= head - j <= 3 or ((0 <= i - me <= _TRADE_REACH or (
                head == mi and len(self.partners) > 1 and 0 <= i - self._list_end(mi) <= _TRADE_REACH) or (  # "Italy and the Netherlands ... buyers"
                head == mi and 0 <= i - self._with_home_after(me) <= _TRADE_REACH))  # "Узбекистан и Казахстан ... взаимный товарооборот"
                and not self._hostile_target(cues, head)):
            return True  # "China buys", "Chinese buyers"; "purchases by China"
        # ("exports from Russia" with no Kazakh side: Russia's own exports)
        role = self._after_role(cues, ("destination", "between"), head) or (
            with_home and self._after_role(cues, ("origin",), head))
        # (the span counts from the last partner after the same role word: "з яких понад третину — до Китаю, а
        # решту — до Узбекистану")
        if role and (self._words_between(i, head) <= _TRADE_ROLE_SPAN or any(
                min(i, head) < (qh := self.token_of(q.start_char)) < max(i, head) and self._same_role_word(cues, qh, head)
                and self._words_between(qh, head) <= _TRADE_ROLE_SPAN for q in self.partners)) and not any(
                min(i, head) < self.token_of(q.start_char) < max(i, head) and not (self._same_role_word(
                    cues, self.token_of(q.start_char), head) and not self._after_any(cues, ("comparison", "than"), head, 2))
                for q in self.partners) and not any(
                min(i, head) < k < max(i, head) for k in self._trade_words):
            return True  # ("to Italy and wheat to Iran": a partner after the same role word does not stand between)
        if "bracket" in cues and self._bracket_subject(cues, mi, me, i, j, p.mention_kind):
            return True
        # "Die Ukraine, die vor dem Krieg Kohle aus Ekibastus bezog": the name right before "which" trades in its
        # relative clause, however far its verb stands at the clause's end
        # (not one that sends Kazakh goods on to others: "Rosatom, which has long shipped Kazakh uranium to Asian
        # customers")
        if "relative" in cues and me < i and any(a == me for a, _ in cues["relative"]) and not self._marks_between(
                me + 1, i, ",;:") and not any(me < self.token_of(q.start_char) < i for q in self.partners) and not (
                any(me < self.token_of(m.start_char) < i + 4 and m.mention_kind == "demonym" for m in self.home)
                and any(me < d <= j + 4 for d, _ in cues.get("destination", ()))):
            return True
        # "Les échanges entre le Kazakhstan et l'Afghanistan", "trade between Kazakhstan and China": the partner
        # joined to Kazakhstan after "between" (Kazakhstan heads the list, so the partner's own role is "and")
        if "between" in cues and self._words_between(i, head) <= _TRADE_ROLE_SPAN and any(
                k in (b, b + 1) and 0 < head - k <= 4 and all(
                    self.lows[w] in self.g.coordinators or w in self._article_at(cues) or w == k
                    or self.text[self.starts[w]].isupper() for w in range(k, head))
                for _a, b in cues["between"] for k in self._home_at):
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

    def _company_after(self, me: int) -> int:
        """The end of a company noun and its capitalised name right after a demonym ("deutsche Konzern
        Siemens Energy"), or me when no company noun follows."""
        lows, n = self.lows, len(self.lows)
        if me >= n or lows[me] not in self.g.company_words:
            return me
        k = me + 1
        while k < n and k <= me + 3 and self.text[self.starts[k]].isupper() and not self._marks_between(k, k + 1, ",;:"):
            k += 1
        return k

    def _bracket_subject(self, cues, mi: int, me: int, i: int, j: int, p_kind: str = "") -> bool:
        """A verb bracket ("Deutschland hat im vergangenen Jahr Öl aus Kasachstan importiert",
        "Im Januar hat Italien ... gekauft"): the partner right before or after the finite auxiliary
        is the subject of the participle or infinitive that closes the clause, however far it stands;
        so is the partner right after a subordinator ("..., dass Italien ... gekauft hat")."""
        # (an article may stand between: "hat die Türkei", "dass die Türkei")
        # (and a demonym's company with its name: "Der deutsche Konzern Siemens Energy wird ... liefern")
        if p_kind == "demonym":
            me = self._company_after(me)
        if not mi < i <= me + _BRACKET_SPAN or not (any(a == me or mi - 1 <= b <= mi for a, b in cues["bracket"]) or any(
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
        lows = self.lows
        # (nor the words of a range: "entre 250 000 et 320 000 tonnes", "between 2 and 3 million")
        ranges = {i for i, _ in self._cues["between"] if i + 1 < len(lows) and lows[i + 1].isdigit()} \
            if "between" in self._cues else ()
        return sum(1 for k in range(a + 1, b) if not lows[k].isdigit() and k not in ranges and not (
            lows[k - 1].isdigit() and k + 1 < len(lows) and lows[k + 1].isdigit()))
