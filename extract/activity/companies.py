"""Companies whose nationality the text gives once ("Polski Asseco", "Amerykański EPAM", "China's
CNPC", "la compagnie turque Pegasus"): their other, bare mentions ("Asseco Poland otworzy", "EPAM
zatrudnia") speak for that partner too, as ACTIVITY.md counts a company for the country the text
gives it. Which words may stand between the nationality and the name ("company", "spółka") and
which may not be a name ("President", "Minister") are cue data (role company_word, official, title).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Mention, Sentence

_GAP = re.compile(r"(?:['’]s)?[ \t\u00a0]+")  # "China's CNPC", "Polski Asseco"
_TOKEN = re.compile(r"[\w&-]+")
_MIN_NAME = 3  # shorter capitalised tokens are initials or abbreviations of other things
# the rest of a long name and its abbreviation in brackets: "Saudi Agricultural and Livestock Investment Co (SALIC)"
_ABBREVIATED = re.compile(r"(?:[ \t\u00a0]+(?:[^\W\d_][\w&.'’-]*))*?[ \t\u00a0]*\(([^\W\d_][^\W_a-zа-яё]{1,9})\)")
_LONG_NAME = 80  # characters from the name's first word to its bracket


def named_companies(text: str, sentences: list[Sentence], mentions: list[Mention], company_words: frozenset[str],
                    not_names: tuple[str, ...], is_act=lambda word: False,
                    company_suffixes: tuple[str, ...] = (), place_nouns: tuple[str, ...] = ()) -> list[Mention]:
    """Mentions (entity_type "company") of each company named right after a partner's demonym,
    at its other places in these sentences; a word of an act is no name (German capitalises
    nouns: "russische Lieferungen" names no company "Lieferungen")."""
    # (or a name in the English genitive: "Qatar's QAFCO", "China's CNPC")
    # (or an abbreviation used as one: "the U.S. Treasury", "the EU Commission")
    demonyms = [m for m in mentions if m.entity_type == "partner" and (m.mention_kind == "demonym" or (
        m.mention_kind in ("name", "abbreviation") and text.startswith(("'s ", "’s "), m.end_char)) or (
        m.mention_kind == "abbreviation" and text.startswith(" ", m.end_char)))]
    if not demonyms or not sentences:
        return []
    opens = {s.start_char for s in sentences}  # ("... in the U.S. The financing": a new sentence, no name)
    demonyms = [m for m in demonyms if m.mention_kind != "abbreviation" or m.end_char + 1 not in opens]
    taken = {m.start_char for m in mentions}
    names: dict[str, str] = {}
    for m in demonyms:
        name = _name_after(text, m.end_char, company_words, not_names, company_suffixes)
        # (a name after a genitive or an abbreviation, written as a word is, "Cameco", not "QAFCO")
        plain = name is not None and m.mention_kind != "demonym" and not any(ch.isupper() for ch in name[0][1:])
        if plain and not _stands_alone(text, name[2], place_nouns):
            continue  # (after a genitive only a name written like a company's, "QAFCO", "PetroChina", or one that
            # stands alone, "Canada's Cameco, which", "Russia's Rosatom said": not a place, "Russia's Krasnodar
            # region", nor the first word of a longer name, "Russia's Black Sea ports")
        if name and name[1] not in taken and not is_act(name[0]):
            names.setdefault(text[name[1]:name[2]], m.entity_id)
            if plain:
                taken.add(name[1])  # (where the genitive stands, the partner's own mention speaks: its later
                # mentions are the ones it gives a side, "Cameco also buys uranium from Uzbekistan")
            short = _ABBREVIATED.match(text, name[2], name[1] + _LONG_NAME)
            if short:  # (and its abbreviation, by which the text names it after: "SALIC will become";
                names.setdefault(short.group(1), m.entity_id)  # not in its brackets, where the name stands)
                taken.add(short.start(1))
    if not names:
        return []
    starts = [s.start_char for s in sentences]
    first, last = sentences[0].start_char, sentences[-1].end_char
    out = []
    for name, pid in names.items():
        for hit in re.finditer(rf"(?<![\w&-]){re.escape(name)}(?![\w&-])", text[:last]):
            a = hit.start()
            if a < first or a in taken:
                continue
            k = bisect_right(starts, a) - 1
            if a < sentences[k].end_char:
                out.append(Mention("company", pid, "company", sentences[k].index, a, hit.end(), name))
    return out


def _stands_alone(text: str, end: int, place_nouns: tuple[str, ...]) -> bool:
    """The name ending at `end` is a whole name of its own: a mark or a lowercase word that is no
    place's noun follows it."""
    gap = _GAP.match(text, end)
    if gap is None:
        return end >= len(text) or text[end] in ",;:.)"
    word = _TOKEN.match(text, gap.end())
    return word is not None and word.group()[0].islower() and not word.group().lower().startswith(place_nouns)


def _name_after(text: str, at: int, company_words: frozenset[str], not_names: tuple[str, ...],
                company_suffixes: tuple[str, ...] = ()):
    """(word, start, end) of the capitalised name right after position `at`, past one company word
    (or a compound ending in one: "Stahlkonzern"), or two ("the Swiss commodity house Mercuria")."""
    for _ in range(3):
        gap = _GAP.match(text, at)
        if gap is None:
            return None
        word = _TOKEN.match(text, gap.end())
        if word is None:
            return None
        w = word.group()
        if w.lower() in company_words or (company_suffixes and w.lower().endswith(company_suffixes)):
            at = word.end()
            continue
        if len(w) < _MIN_NAME or not w[0].isupper() or w.lower().startswith(not_names):
            return None
        return w, word.start(), word.end()
    return None
