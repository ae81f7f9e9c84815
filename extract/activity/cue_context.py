"""Cue words whose role depends on where they stand, read into the role they play there, and the rules
that read one such place: a comparative said of a way, a fund named by a Kazakh name.

Roles (activity_cues.csv):
  conditional_first     a condition only as the sentence's first word ("Should Tokyo sign, ...")
  comparison_if_ranked  a comparison only beside a rank ("le deuxième fournisseur ..., derrière la Russie")
  clause_if_infinitive  a clause opener only before a zu-infinitive ("um die Exporte zu steigern")
  relative_comma        a relative pronoun only after a comma, before a clause that ends in a verb
  ranked_region         a region a ranking is made in ("the largest producer in Central Asia"): no Kazakh side
"""
from __future__ import annotations

import re

_CONTEXT_ROLES = frozenset(("conditional_first", "comparison_if_ranked", "clause_if_infinitive", "relative_comma",
                            "ranked_region"))
_RANKED_REGION = 6  # "the largest cotton producer in Central Asia": the region this close after the ranking word
_INFINITIVE_REACH = 10  # "um ... zu steigern": the infinitive this many words after "um" at most
_ZU_INFINITIVE = re.compile(r"(?:an|auf|aus|ein|mit|vor|ab|bei|fest|weiter|um|durch|zurück|her|hin)zu\w+en\b")
_COMPARED_WAY = 4  # "jest o 5 dni krótsza": the comparative this close after the copula


def roles_in_context(cues: list, text: str, lows: list[str], starts: list[int], ends: list[int]) -> list:
    """The cues with each context role replaced by the role it plays here, or dropped where it plays none."""
    roles = {c[0] for c in cues}
    if roles.isdisjoint(_CONTEXT_ROLES):
        return cues
    ranked = [j for role, _i, j in cues if role in ("ordinal", "superlative")]
    regions = {i for role, i, _j in cues if role == "ranked_region" and any(0 < i - r <= _RANKED_REGION for r in ranked)}
    out = []
    for role, i, j in cues:
        if role == "clause_if_infinitive":
            if _infinitive_follows(text, lows, starts, ends, j):
                out.append(("clause", i, j))
        elif role == "comparison_if_ranked":
            if ranked:
                out.append(("comparison", i, j))
        elif role == "conditional_first":
            if i == 0:
                out.append(("conditional", i, j))
        elif role == "relative_comma":
            # (a word in lower case next: not ", die Türkei und Aserbaidschan"; a verb at the clause's end: not the
            # apposition ", die deutsche Förderorganisation für den Akademikeraustausch,")
            if 0 < i < len(lows) - 1 and "," in text[ends[i - 1]:starts[i]] and not text[starts[i + 1]].isupper() \
                    and _verb_last(text, starts, ends, i):
                out.append(("relative", i, j))
        elif role == "ranked_region":
            continue
        elif role == "kazakh_side" and i in regions:
            continue
        else:
            out.append((role, i, j))
    return out


def _infinitive_follows(text: str, lows: list[str], starts: list[int], ends: list[int], j: int) -> bool:
    """A German infinitive with "zu" within a few words after token j ("um die Exporte zu steigern", "um den
    Hafen auszubauen"), not "bis zu 4 Mrd."."""
    for k in range(j, min(j + _INFINITIVE_REACH, len(lows))):
        if lows[k] == "zu" and k + 1 < len(lows) and (k == 0 or lows[k - 1] != "bis") and text[starts[k + 1]].islower():
            return True
        if _ZU_INFINITIVE.match(text, starts[k], ends[k]):
            return True
    return False


def _verb_last(text: str, starts: list[int], ends: list[int], i: int) -> bool:
    """The words from token i to the next comma (or the sentence's end) end in a word in lower case, a
    German verb, not a noun (and no infinitive with "zu": ", den bilateralen Handel ... zu steigern")."""
    k = next((k for k in range(i + 1, len(starts)) if "," in text[ends[k - 1]:starts[k]]), len(starts)) - 1
    return k > i and text[starts[k]].islower() and text[starts[k - 1]:ends[k - 1]] != "zu" and not _ZU_INFINITIVE.match(
        text, starts[k], ends[k])


def compared_ways(cues: list, hits: list, text: str, lows: list[str], starts: list[int], ends: list[int],
                  verb_final: bool) -> list:
    """"Trasa północna przez Rosję jest o 5 dni krótsza", "the route via Russia remains cheaper", "Ресей арқылы
    өтетін солтүстік бағыт әлі де арзанырақ": a way that "is shorter" is compared, nothing goes along it (role
    comparative: after a copula and short words only, not "will be cleared faster"; in a verb-final language,
    at the sentence's end). An act beside it, after a comma, keeps its own words."""
    copulas = [b for role, _a, b in cues if role == "copula"]
    said = [i for role, i, _j in cues if role == "comparative" and (any(
        0 <= i - b <= _COMPARED_WAY and all(lows[k].isdigit() or len(lows[k]) <= 5 for k in range(b, i)) for b in copulas)
        or (verb_final and i >= len(lows) - 2))]
    return [h for h in hits if not (h[0] in ("transit", "move") and any(
        0 < k - h[2] <= _COMPARED_WAY * 2 and "," not in text[ends[h[2] - 1]:starts[k]] for k in said))]


def kazakh_funds(hits: list, cues: list, lows: list[str], fund_words: frozenset[str], home_ends: set[int]) -> list:
    """"казахстанський фонд «Самрук-Казина»", "the Samruk-Kazyna fund": a fund that a Kazakh name or adjective
    names is Kazakhstan's side, no investment of its own (role fund_noun)."""
    names = [(i, j) for role, i, j in cues if role == "kazakh_side"]
    return [h for h in hits if not (h[0] == "invest" and h[2] - h[1] == 1 and lows[h[1]] in fund_words and (
        h[1] in home_ends or any(0 <= i - h[2] <= 1 or 0 <= h[1] - j <= 1 for i, j in names)))]
