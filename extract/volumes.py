"""Export volumes: a tonnage tied to a commodity named in the same sentence.

    link_export_volumes(text, lang, sentences, figures, mentions) -> list[ExportVolume]

Every mass figure whose sentence names a listed commodity gives one volume:
  * commodity: the nearest commodity mention, preferring one right after the tonnage
    ("480 тыс. тонн казахстанской пшеницы", "1,850 tonnes of tungsten products");
  * route: a route named after the tonnage belongs to it when no other tonnage stands
    between them ("6.1 Mt, of which 5.3 Mt went through the CPC": only 5.3 Mt); a route
    named before the tonnages carries over to all of them ("по нефтепроводу Казахстан –
    Китай поставлено 10,9 млн тонн, включая ... 10 млн тонн");
  * partner: the nearest partner mention in the sentence (the destination or buyer), if any.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import ExportVolume, Figure, Mention, Sentence
from .reference import load_csv, rows_for
from .sentences import sentence_at

# what ends a clause inside a sentence: a comma (not a decimal one), ;, :, brackets, a spaced dash.
# Written to start with one class (the checks come after it as look-behinds): sre then skips in a
# tight loop to the next character that may start a break, instead of trying the pattern everywhere.
_CLAUSE_BREAK = re.compile(r"[,;:()\s](?:(?<=,)(?:(?<!\d,)|(?!\d))|(?<=[;:()])|(?<=\s)[—–-]\s)")

# a comma (not a decimal one) or a semicolon between two parts of a sentence
_COMMA = re.compile(r"(?<!\d),|,(?!\d)|;")

# a colon or semicolon: what follows explains or adds, it does not name what came before
_EXPLAINS = re.compile(r"[:;]")

# a spaced dash after a tonnage, then at most two words before the goods ("– фуражно зърно")
_DASH_THEN_GOODS = re.compile(r"[ \t\u00a0]*[—–-][ \t\u00a0]+(?:[^\W\d_]+[ \t\u00a0]+){0,2}")

# only a space (or a colon or a dash) between goods and a tonnage after them
_RIGHT_BEFORE = re.compile(r"[ \t\u00a0]*(?:[:—–-][ \t\u00a0]*)?")

# a commodity before the tonnage is farther than one after it ("тонн пшеницы" vs "пшеница ... тонн")
_BEFORE_PENALTY = 2.0


def link_export_volumes(text: str, lang: str, sentences: list[Sentence], figures: list[Figure],
                        mentions: list[Mention]) -> list[ExportVolume]:
    by_sentence: dict[int, dict[str, list[Mention]]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_index, {}).setdefault(m.entity_type, []).append(m)
    masses_by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        if f.kind == "mass":
            masses_by_sentence.setdefault(f.sentence_index, []).append(f)
    _second_language_commodities(text, lang, sentences, masses_by_sentence, by_sentence)
    measured = [f for f in figures if f.kind == "number" and f.unit]
    out: list[ExportVolume] = []
    for i, f in enumerate(figures):
        if f.kind != "mass" or f.value is None:
            continue
        found = by_sentence.get(f.sentence_index, {})
        commodities = found.get("commodity", [])
        if commodities:
            # "Астық одағы", "Зерновой союз", "the Grain Union": an association named after goods
            org = _org_after(lang)
            commodities = [m for m in commodities if not org.match(text, m.end_char)]
        if len(commodities) > 1 and any(m.entity_id != "electricity" for m in commodities):
            # electricity is never weighed: beside other goods a tonnage is theirs ("contrats de fourniture
            # de concentré d'uranium avec des compagnies d'électricité ... jusqu'à 6 500 tonnes")
            commodities = [m for m in commodities if m.entity_id != "electricity"]
        if commodities and measured:
            # "ok. 1 mld m3 gazu ... 1 mln ton mocznika": goods right after a measure of another unit are what
            # it measures (gas in cubic metres is never weighed), not the goods of a tonnage
            commodities = [m for m in commodities if not any(
                0 <= m.start_char - g.end_char <= _MEASURED_GAP and g.sentence_index == m.sentence_index
                for g in measured)]
        if not commodities:
            continue
        # the commodity of the figure's own clause when it names one ("Експорт нафти склав 1 500 тонн,
        # а зерна — 2 млн т": the oil is the 1 500 tonnes'), else the nearest in the sentence
        lo, hi = _clause(text, sentences, f, lang)
        own = [m for m in commodities if lo <= m.start_char and m.end_char <= hi]
        if not own and len(commodities) > 1:
            # what follows a colon or semicolon after the figure explains it ("вырос на 340 тыс. тонн:
            # ТЭС переходят с газа на уголь"): a commodity before it names the tonnage's goods
            told = [m for m in commodities if m.end_char <= f.start_char or not _EXPLAINS.search(
                text, f.end_char, m.start_char)]
            commodities = told or commodities
        if len(own) > 1 and any(m.start_char >= f.end_char for m in own):
            # "vor allem Rohöl und Metalle: Etwa 1,4 Millionen Tonnen kasachisches Rohöl": the goods before
            # a colon lead in to the part that names the tonnage's own goods after it
            own = [m for m in own if not (m.end_char <= f.start_char and _EXPLAINS.search(
                text, m.end_char, f.start_char))] or own
        if _measures_other(text, lang, f, found):
            continue
        # "Weizen mit etwa 900.000 Tonnen und Ferrolegierungen mit 310.000 Tonnen": the goods right
        # before "with" and their tonnage
        with_it = [m for m in own or commodities if m.end_char <= f.start_char and _goods_with(lang).fullmatch(
            text, m.end_char, f.start_char)]
        # "около 520 хил. тона – фуражно зърно", "2 Mio. t — Weizen": the goods a dash right after the
        # tonnage names are its own (the dash says "that is")
        dashed = [m for m in commodities if _DASH_THEN_GOODS.fullmatch(text, f.end_char, m.start_char)] if not with_it else ()
        near = own or commodities
        if len(near) > 1 and len(masses_by_sentence.get(f.sentence_index, ())) > 1:
            # "640 000 tonnes et les produits pétroliers 310 000 tonnes": goods right before another tonnage
            # are that tonnage's
            near = [m for m in near if not any(g is not f and _RIGHT_BEFORE.fullmatch(text, m.end_char, g.start_char)
                                               for g in masses_by_sentence[f.sentence_index])] or near
        commodity = with_it[-1] if with_it else dashed[0] if dashed else min(near, key=lambda m: _distance(f, m))
        if commodity.entity_id in _GENERIC:
            # (a generic metal right after the tonnage looks back in its own sentence only; grain stays
            # grain: "2 млн тонн зерна" after wheat is all grain)
            right_after = commodity.entity_id == "metals_other" and 0 <= commodity.start_char - f.end_char <= _GENERIC_AFTER
            commodity = _named_before(text, lang, commodity, list(found.get("commodity", ())) if right_after else [
                *by_sentence.get(f.sentence_index - 1, {}).get("commodity", ()), *found.get("commodity", ())], right_after)
        routes = found.get("route", [])
        masses = masses_by_sentence.get(f.sentence_index, [])
        route = _route_for(text, lang, f, routes, masses)
        # (not a capital inside a route's name: "Baku" of "Baku–Tbilisi–Ceyhan")
        partners = [m for m in found.get("partner", []) if m.entity_id != "KZ" and not any(
            r.start_char <= m.start_char and m.end_char <= r.end_char for r in routes)]
        # (not a partner after it that heads its own tonnage: "Uzbekistan received 2.8 million tonnes,
        # Afghanistan 1.6 million": Afghanistan's is the 1.6 million)
        if len(masses) > 1 and len(partners) > 1:
            partners = [m for m in partners if m.start_char < f.end_char or not any(
                g is not f and 0 <= g.start_char - m.end_char <= _OWN_TONNAGE for g in masses)] or partners
        partner = min(partners, key=lambda m: _distance(f, m)).entity_id if partners else None
        out.append(ExportVolume(
            figure_index=i, commodity_id=commodity.entity_id, route_id=route, partner_id=partner,
            volume_tonnes=f.value, volume_tonnes_max=f.value_max, qualifier=f.qualifier or "exact",
            change=f.change or "level", sentence_index=f.sentence_index, start_char=f.start_char,
            end_char=f.end_char, surface_text=f.surface_text))
    return out


# Kazakh articles name commodities in Russian too ("1,2 млн тонн пшеницы"): a tonnage whose sentence
# names no commodity in Kazakh is looked up in the Russian lexicon as well. Any article may quote
# another language inside a sentence of its own ("«... 9-10 mn t of coal to China»" in Russian,
# "«Қытайға 4,6 млн тонна көмір жөнелтілді»" in Russian): such a sentence is looked up in the
# language of the quote's script too (English for Latin letters, Russian for Cyrillic, Kazakh for
# Kazakh letters).
_SECOND_LANGUAGE = {"kk": "ru"}
_CYRILLIC_DOCS = ("ru", "uk", "bg", "kk")
# (language of the quote, its letters, the article languages where those letters mark a quote)
_QUOTED = (("en", re.compile(r"[A-Za-z]{3}"), _CYRILLIC_DOCS),
           ("ru", re.compile(r"[\u0430-\u044f]{3}", re.IGNORECASE), ("en", "pl", "fr", "de")),
           ("kk", re.compile(r"[\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb]", re.IGNORECASE),
            ("ru", "uk", "bg", "en", "pl", "fr", "de")))


def _second_language_commodities(text, lang, sentences, masses_by_sentence, by_sentence) -> None:
    bare = [s for s in sentences if s.index in masses_by_sentence
            and "commodity" not in by_sentence.get(s.index, {})]
    if not bare:
        return
    from .partners import find_mentions  # only for the few sentences that need it
    by_lang: dict[str, list[Sentence]] = {}
    for s in bare:
        chunk = text[s.start_char:s.end_char]
        for other, rx, docs in _QUOTED:
            if lang in docs and rx.search(chunk) and _may_name_commodity(chunk, other):
                by_lang.setdefault(other, []).append(s)
        second = _SECOND_LANGUAGE.get(lang)
        if second and s not in by_lang.get(second, []):
            by_lang.setdefault(second, []).append(s)
    for other, group in by_lang.items():
        end = max(s.end_char for s in group)
        try:
            found = find_mentions(text, other, sorted(group, key=lambda s: s.start_char), end)
        except Exception:  # a language without a lexicon: nothing to add
            continue
        for m in found:
            if m.entity_type in ("commodity", "route"):
                by_sentence.setdefault(m.sentence_index, {}).setdefault(m.entity_type, []).append(m)


def _clause(text: str, sentences: list[Sentence], f: Figure, lang: str = "") -> tuple[int, int]:
    """Start and end of the clause around the figure, inside its sentence. A dash or colon right before
    the figure is not a break but its "is" ("угля — 2 млн т, нефти — 5 млн т", "Weizen: 2 Mio. t"); a
    conjunction that opens a contrasting clause is one ("21,000 tonnes while copper reached ...")."""
    k = sentence_at(sentences, f.start_char)
    s_start, s_end = (sentences[k].start_char, sentences[k].end_char) if k >= 0 else (0, len(text))
    lo = s_start
    for m in _CLAUSE_BREAK.finditer(text, s_start, f.start_char):
        if m.group().strip() in _IS_MARKS and _LEAD_IN.fullmatch(text, m.end(), f.start_char):
            continue
        lo = m.end()
    hi = s_end
    m = _CLAUSE_BREAK.search(text, f.end_char, s_end)
    if m:
        hi = m.start()
    conj = _conjunctions(lang)
    for m in conj.finditer(text, lo, f.start_char):
        lo = m.end()
    m = conj.search(text, f.end_char, hi)
    return lo, (m.start() if m else hi)


# a dash or colon that introduces the figure; what may stand between it and the number: a hedge or two
_IS_MARKS = {"—", "–", "-", ":"}
_LEAD_IN = re.compile(r"[ \t\u00a0]*(?:[^\W\d_]+\.?[ \t\u00a0]+){0,2}")


@lru_cache(maxsize=None)
def _conjunctions(lang: str) -> re.Pattern:
    """Conjunctions that open a contrasting clause ("while", "whereas", "тогда как", "während"), from
    grammar/figure_context_words.csv (role clause_conj)."""
    words = _role_words(lang, "clause_conj")
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


# "15,2 tys. ton tego zboża", "plus de la moitié de ce métal": a generic word after a demonstrative
# stands for the specific goods named just before it (of the same category: wheat for "this grain")
_GENERIC = frozenset(("grain", "metals_other"))


@lru_cache(maxsize=None)
def _category(commodity_id: str) -> str | None:
    return next((r["category"] for r in load_csv("commodities") if r["commodity_id"] == commodity_id), None)


@lru_cache(maxsize=None)
def _demonstrative_before(lang: str) -> re.Pattern | None:
    words = _role_words(lang, "demonstrative")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")[\s\u00a0]+\Z", re.I) if words else None


_GENERIC_AFTER = 4  # characters from the tonnage to the generic word that names its goods ("62 тыс. тонн металла")


def _named_before(text: str, lang: str, generic: Mention, candidates: list[Mention], right_after: bool = False) -> Mention:
    # (right_after: "рафинированный цинк: в Корею было отгружено 62 тыс. тонн металла", the generic word
    # right after the tonnage stands for the specific goods named before it, with no demonstrative)
    pattern = _demonstrative_before(lang)
    if not right_after and (pattern is None or not pattern.search(text[max(0, generic.start_char - 16):generic.start_char])):
        return generic
    kind = _category(generic.entity_id)
    earlier = [m for m in candidates if m.end_char <= generic.start_char and m.entity_id not in _GENERIC
               and _category(m.entity_id) == kind]
    return max(earlier, key=lambda m: m.start_char) if earlier else generic


def _measures_other(text: str, lang: str, f: Figure, found: dict[str, list[Mention]]) -> bool:
    """"produce 5 bcm of gas and up to 600,000 tonnes of sulphur": the tonnage says what it weighs
    ("of"/"de" and a noun that is no listed commodity, and none follows), so it is no volume of the
    sentence's other goods."""
    # "3,1 mln ton ładunków, w tym ... 700 tys. ton zboża": a tonnage of cargo in general (its noun in the
    # genitive, no "of") is no volume of the goods its sentence names after it
    cargo = _word_set(lang, "cargo_noun")
    w = _NEXT_WORD.match(text, f.end_char) if cargo else None
    if w:
        if w.group(1).lower() in cargo:
            return True
        # (an adjective, no commodity, may stand between: "1,3 млн тонн казахстанських вантажів")
        w2 = _NEXT_WORD.match(text, w.end())
        if w2 and w2.group(1).lower() in cargo and not any(
                q.start_char <= w.start(1) < q.end_char for ms in found.values() for q in ms):
            return True
    rx = _of_noun(lang)
    m = rx.match(text, f.end_char) if rx is not None else None
    if m is None or m.group(1).lower() in _word_set(lang, "stop"):
        return False
    at = m.start(1)
    return not any(q.start_char <= at < q.end_char or (q.entity_type == "commodity" and at <= q.start_char < at + 40)
                   for ms in found.values() for q in ms)


_MEASURED_GAP = 4  # characters from a measure to the goods it measures ("1 mld m3 gazu", "5 bcm of gas")
_NEXT_WORD = re.compile(r"[ \t\n\u00a0]+([^\W\d_]+)")


@lru_cache(maxsize=None)
def _of_noun(lang: str) -> re.Pattern | None:
    """The noun after "of"/"de" right after a figure (grammar/figure_context_words.csv, role linker)."""
    words = _role_words(lang, "linker")
    if not words:
        return None
    # (a word after the linker, not inside it: "contre 300 000 tonnes deux ans plus tôt" has no "de ux";
    # an elided linker takes its noun at once: "d'uranium")
    elided = [w for w in words if w.endswith(("'", "’"))]
    whole = [w for w in words if w not in elided]
    return re.compile(r"[ \t\n\u00a0]+(?:(?:" + "|".join(re.escape(w) for w in whole) + r")[ \t\n\u00a0]+"
                      + ("|(?:" + "|".join(re.escape(w) for w in elided) + r")[ \t\n\u00a0]*" if elided else "")
                      + r")([^\W\d_]+)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _spaced_word(lang: str, role: str, after: str) -> re.Pattern:
    """Spaces, one word of the role (figure_context_words.csv), then `after`: "Астық одағы" (role
    org_after: an association named after goods), "Weizen mit 900.000 Tonnen" (role goods_with: the
    gap between goods and their tonnage)."""
    words = _role_words(lang, role)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"[ \t\n\u00a0]+(?:" + "|".join(re.escape(w) for w in words) + r")" + after, re.IGNORECASE)


def _org_after(lang: str) -> re.Pattern:
    return _spaced_word(lang, "org_after", r"(?!\w)")


def _goods_with(lang: str) -> re.Pattern:
    return _spaced_word(lang, "goods_with", r"[ \t\n\u00a0]+")


@lru_cache(maxsize=None)
def _word_set(lang: str, role: str) -> frozenset[str]:
    """The words of one role, lowercased, for membership tests."""
    return frozenset(w.lower() for w in _role_words(lang, role))


@lru_cache(maxsize=None)
def _role_words(lang: str, role: str) -> tuple[str, ...]:
    """The words of one role in grammar/figure_context_words.csv, longest first (for alternations)."""
    return tuple(sorted({r["word"] for r in rows_for("grammar/figure_context_words", lang) if r["role"] == role},
                        key=len, reverse=True))


_OWN_TONNAGE = 12  # characters from a partner to the tonnage it heads ("Afghanistan 1.6 million", "Узбекистан — около 1,2")


def _distance(f: Figure, m: Mention) -> float:
    if m.start_char >= f.end_char:
        return m.start_char - f.end_char
    if m.end_char <= f.start_char:
        return (f.start_char - m.end_char) * _BEFORE_PENALTY
    return 0.0


def _route_for(text: str, lang: str, f: Figure, routes: list[Mention], masses: list[Figure]) -> str | None:
    if not routes:
        return None
    after = [r for r in routes if r.start_char >= f.end_char]
    before = [r for r in routes if r.end_char <= f.start_char]
    if after:
        r = min(after, key=lambda r: r.start_char)
        # the route after this tonnage is its own only when no other tonnage comes first, and not when
        # the next clause names it while this clause has its own ("По нефтепроводу Атырау — Самара ушло
        # 9,1 млн тонн, а по трубопроводу Атасу — Алашанькоу — 1,1 млн т": the 9,1 is Atyrau–Samara's)
        prev = max(before, key=lambda r: r.end_char) if before else None
        if not any(f.end_char <= g.start_char and g.end_char <= r.start_char for g in masses if g is not f) and not (
                prev is not None and _COMMA.search(text, f.end_char, r.start_char)
                and not _COMMA.search(text, prev.end_char, f.start_char)) and not (
                # "составил 52 млн тонн, из них через КТК прошло около 80%": the route is a part's
                _partitive(lang).search(text, f.end_char, r.start_char)):
            return r.entity_id
    if before:
        return max(before, key=lambda r: r.end_char).entity_id
    inside = [r for r in routes if r.start_char < f.end_char and f.start_char < r.end_char]
    return inside[0].entity_id if inside else None


@lru_cache(maxsize=None)
def _partitive(lang: str) -> re.Pattern:
    """Words that open a part of the amount before them ("из них", "of which", "dont"), from
    grammar/figure_context_words.csv (role partitive); a pattern that never matches when none."""
    words = _role_words(lang, "partitive")
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


_TOKENS = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=None)
def _alias_heads(lang: str) -> frozenset[str]:
    """The first four letters of the first word of every commodity and route alias of lang."""
    heads = set()
    for table in ("commodity_aliases", "route_aliases"):
        for r in rows_for(table, lang):
            words = _TOKENS.findall(r["alias"].lower())
            if words:
                heads.add(words[0][:4])
    return frozenset(heads)


def _may_name_commodity(chunk: str, lang: str) -> bool:
    """A cheap test before the lexicon of another language is run on a sentence: one of its words starts
    like an alias of that language ("coal", "көмір")."""
    heads = _alias_heads(lang)
    return any(w[:4].lower() in heads for w in _TOKENS.findall(chunk))
