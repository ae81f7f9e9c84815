"""Who "both sides", "the two countries", "the Georgian side" or a title without a name stands for:
the partners named before, resolved into mentions of the sentence that uses them."""
from __future__ import annotations

import re

from ..cleaning import lowered
from ..model import Mention, Sentence
from ..partners.matcher import HOME
from .tokens import _WORD


_APPOSITION = 4  # characters between "both countries" and the names that spell the pair out (" — ")
_PAIR_REACH = 2  # "both sides" stands for the partner named at most this many sentences back
_ANAPHOR_REACH = 5  # the antecedent opens the sentence before: "Вицепремиерът на Грузия пристигна ..."
_FIRST_WORD = re.compile(r"\W*(\w+)")
_HYPHENS = ("-", "‐", "–", "—")


def _named_before(by_sentence: dict[int, list[Mention]], before: int) -> dict[str, int]:
    """How often each partner is named (not stood for) in the sentences before `before`."""
    counts: dict[str, int] = {}
    for k, ms in by_sentence.items():
        if k < before:
            for m in ms:
                if m.entity_type == "partner" and m.mention_kind != "anaphor":
                    counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    return counts


def _main_partner(by_sentence: dict[int, list[Mention]], before: int) -> str | None:
    """The partner the text so far is about: named at least three times, twice as often as any other."""
    counts = _named_before(by_sentence, before)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 3 or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(counts, key=counts.get)


def _named_more(by_sentence: dict[int, list[Mention]], k: int, ids: set[str]) -> set[str]:
    """The pair's partner, or the one partner sentence k names itself when the text so far names that one
    more often ("„Двете страни имат интерес ...“, заяви министърът след среща с китайския посланик" after a
    sentence on a Swiss trader, in an article on China)."""
    own = {q.entity_id for q in by_sentence.get(k, ()) if q.entity_type == "partner" and q.mention_kind != "anaphor"}
    if len(own) != 1 or own == ids:
        return ids
    counts = _named_before(by_sentence, k)
    (mine,), (theirs,) = own, ids
    return own if counts.get(mine, 0) > counts.get(theirs, 0) else ids


def _pair(pid: str, k: int, m: re.Match) -> list[Mention]:
    """"Both countries": the partner and Kazakhstan, in the same words (the sentence is no third-party deal)."""
    return [Mention("partner", pid, "anaphor", k, m.start(), m.end(), m.group()),
            Mention("home", HOME, "anaphor", k, m.start(), m.end(), m.group())]


def _partner_ids(mentions: list[Mention]) -> set[str]:
    return {q.entity_id for q in mentions if q.entity_type == "partner"}


def _each_with_home(by_sentence: dict[int, list[Mention]], last: int, k: int, m: re.Match) -> bool:
    """Each partner that sentence `last` names beside Kazakhstan is paired with it in sentence k (at a
    meeting Kazakhstan held with several partners, what was agreed there is each one's); False when
    that sentence names fewer than two partners or no Kazakh side."""
    ids = _partner_ids(by_sentence[last])
    if len(ids) < 2 or not any(q.entity_type == "home" for q in by_sentence[last]):
        return False
    for pid in sorted(ids):
        by_sentence.setdefault(k, []).extend(_pair(pid, k, m))
    return True


def _pair_ids(by_sentence: dict[int, list[Mention]], last: int, k: int, opens_at: int | None = None) -> set[str]:
    """Whom "both sides" in sentence k pairs with Kazakhstan: the partners of the last sentence that
    names one, or, in an article about one partner, that partner. opens_at: where sentence `last` starts."""
    # (the sentence right before pairs Kazakhstan with one partner: that pair, whoever the article is
    # about: "... deputy prime minister is due to discuss both disputes with his Belarusian counterpart.
    # In 2019 the two countries signed")
    # (or opens with its one partner as the subject: "Азербайджан пообіцяв скоротити час очікування
    # поромів. Про це домовилися прем'єр-міністри двох країн")
    ms = by_sentence[last]
    if last == k - 1 and len(_partner_ids(ms)) == 1 and (any(q.entity_type == "home" for q in ms) or (
            opens_at is not None and any(q.entity_type == "partner" and 0 <= q.start_char - opens_at <= 2 for q in ms))):
        return _partner_ids(ms)
    main = _main_partner(by_sentence, k)
    if main:
        return {main}
    # "Сторони обговорили підготовку до саміту ... в азербайджанській Габалі. ... лідери домовилися ...
    # між двома країнами": a pair goes on being the pair the sentence before stood for
    ms = by_sentence[last]
    paired = {q.entity_id for q in ms if q.entity_type == "partner" and q.mention_kind == "anaphor" and any(
        h.entity_type == "home" and h.start_char == q.start_char for h in ms)}
    return paired or _partner_ids(ms)


def _resolve_anaphors(text: str, g, sentences: list[Sentence], by_sentence: dict[int, list[Mention]]) -> None:
    """A sentence that names no partner and opens with a personal pronoun ("He also promised to
    finance", "Той подписа") or says "his country", right after a sentence whose subject is the
    only partner it names ("Turkish Transport Minister ... stayed in Astana"): the pronoun stands
    for that partner."""
    named = {m.sentence_index for ms in by_sentence.values() for m in ms if m.entity_type == "partner"}
    pairs, openers, talks = g.pair_anaphors, g.pair_openers, g.talk_openers
    last = None  # the last sentence that names a partner (or stands for one)
    opens = {s.index: s.start_char for s in sentences}
    attendees = g.attendee_openers
    summits = g.summit_words
    for k, s in enumerate(sentences):
        if s.index in named:
            first = _first_letter(text, s)
            if attendees and s.index - 1 in by_sentence and any(
                    q.entity_type == "home" for q in by_sentence[s.index - 1]):
                a = attendees.match(text, first, s.end_char)
                if a:  # "Серед учасників були віцепрем'єри Туреччини": Kazakhstan's forum, just told
                    by_sentence[s.index].append(Mention("home", HOME, "anaphor", s.index, a.start(), a.end(), a.group()))
            # "... arrived in Astana for the OTS summit. Hungary and Turkmenistan are represented at the
            # summit as observers": the summit just told of, Kazakhstan's meeting
            # (not a summit elsewhere: "... held their own summit in Budapest")
            if summits and k and s.index - 1 in by_sentence and not any(
                    q.entity_type == "home" or q.mention_kind == "capital" for q in by_sentence[s.index]) and any(
                    q.entity_type == "home" for q in by_sentence[s.index - 1]):
                prev = sentences[k - 1]
                a = summits.search(text, s.start_char, s.end_char)
                if a and prev.index == s.index - 1 and summits.search(text, prev.start_char, prev.end_char):
                    by_sentence[s.index].append(Mention("home", HOME, "anaphor", s.index, a.start(), a.end(), a.group()))
            # "Oba kraje rozmawiają także o tranzycie ... przez polskie porty", "Көшбасшылар ... растады":
            # a sentence that opens with the pair is about the pair, whatever partner it names further on
            m = (g.pair_starts.match(text, first, s.end_char) or (_opener_after_lead(
                text, s, g.pair_starts, g.after_leads) if g.after_leads else None)) if g.pair_starts and last is not None and (
                s.index - last <= _PAIR_REACH) else None
            if m and _named_right_there(m, by_sentence[s.index]):
                m = None  # "Дві країни — Казахстан і Азербайджан — домовилися": the pair is named right there
            ids = _pair_ids(by_sentence, last, s.index, opens.get(last)) if m else ()
            if ids and len(ids) == 1:
                ids = _named_more(by_sentence, s.index, ids)
            if ids and len(ids) == 1:  # "Тараптар ... қазақ-түрік тауар айналымын": the pair its own words spell
                own = _hyphen_pair(text, by_sentence[s.index])
                ids = {own} if own else ids
            if m is None and pairs and text.find(";", s.start_char, s.end_char) >= 0:  # "...met Prime Minister Bektenov; both sides said ...": the pair
                # after a semicolon is Kazakhstan and the one partner named before it in the sentence
                # (an opener too, opening the clause after the semicolon: "...; strony uzgodniły")
                m = next((x for x in (g.pair_starts or pairs).finditer(text, s.start_char, s.end_char)
                          if text[s.start_char:x.start()].rstrip().endswith(";")), None)
                ids = {q.entity_id for q in by_sentence[s.index] if q.entity_type == "partner"
                       and q.start_char < m.start()} if m else ()
            if len(ids) == 1:
                by_sentence[s.index] += _pair(next(iter(ids)), s.index, m)
            last = s.index
            continue
        if (pairs or openers or talks) and last is not None and s.index - last <= _PAIR_REACH:
            # "Both sides also pledged to deepen cooperation" after "Kazakhstan and Azerbaijan signed ...":
            # the pair is Kazakhstan and the one partner named last
            m = (pairs.search(text, s.start_char, s.end_char) if pairs else None) or (
                openers.match(text, s.start_char, s.end_char) if openers else None) or (
                _opener_after_lead(text, s, openers, g.after_leads) if openers and g.after_leads else None)
            ids = _pair_ids(by_sentence, last, s.index, opens.get(last)) if m else ()
            if m is None and g.group_anaphors and s.index - last == 1:
                # "Ministers of Kazakhstan, Azerbaijan and Georgia met in Baku. The three countries agreed"
                m = g.group_anaphors.search(text, s.start_char, s.end_char)
                if m and _each_with_home(by_sentence, last, s.index, m):
                    named.add(s.index)
                    last = s.index
                    continue
                m = None
            if m is None and talks and s.index - last == 1:
                m = talks.match(text, s.start_char, s.end_char)
                # "Қазақстан, Өзбекстан және Қырғызстан ... кездесу өткізді. Онда ... уағдаласылды"
                if m and _each_with_home(by_sentence, last, s.index, m):
                    named.add(s.index)
                    last = s.index
                    continue
                ids = _partner_ids(by_sentence[last]) if m else ()
            if len(ids) == 1:
                by_sentence.setdefault(s.index, []).extend(_pair(next(iter(ids)), s.index, m))
                named.add(s.index)
                last = s.index
                continue
        if not g.anaphors or s.index - 1 not in named:
            continue
        m = _FIRST_WORD.match(text, s.start_char, s.end_char) if text.startswith(
            g.anaphor_starts, s.start_char) or not text[s.start_char:s.start_char + 1].isalpha() else None
        span = m.span(1) if m and m.group(1).lower() in g.anaphors else None
        if span is None and g.anaphor_phrases:
            span = _anaphor_phrase(text, s, g.anaphor_phrases)
            if span and _named_after(text, span[1]):
                span = None  # "обеспечивает компания Alstom": the noun introduces a company by its name
        pid = _antecedent(text, sentences, by_sentence, s.index - 1, [
            m for m in by_sentence[s.index - 1] if m.entity_type == "partner"]) if span else None
        if pid:
            by_sentence.setdefault(s.index, []).append(Mention(
                "partner", pid, "anaphor", s.index, span[0], span[1], text[span[0]:span[1]]))
            named.add(s.index)
            last = s.index


_LEAD_WORDS = 3  # "After the meeting,", "Po spotkaniu", "Кездесуден кейін": the words of a short lead


def _opener_after_lead(text: str, s: Sentence, openers: re.Pattern, leads: frozenset[str]) -> re.Match | None:
    """"After the meeting, the sides signed", "После встречи стороны подписали": the pair's words right
    after a lead of at most three words that opens with "after" (or, in Kazakh, ends with "кейін")."""
    words = list(_WORD.finditer(text, s.start_char, min(s.end_char, s.start_char + 80)))[:_LEAD_WORDS + 1]
    if len(words) < 2:
        return None
    first_is_after = words[0].group().lower() in leads
    for k in range(1, len(words)):
        if first_is_after or words[k - 1].group().lower() in leads:
            m = openers.match(text, words[k].start(), s.end_char)
            if m:
                return m
    return None


def _pair_in_sentence(text: str, g, s: Sentence, by_sentence: dict[int, list[Mention]]) -> None:
    """"Детали обсудят министры ... двух стран 18 ноября в Бишкеке": the pair of a sentence that
    names one partner (and no pair yet) is that partner and Kazakhstan."""
    mentions = by_sentence[s.index]
    ids = _partner_ids(mentions)
    if len(ids) != 1 or any(q.mention_kind == "anaphor" and q.entity_type == "home" for q in mentions):
        return
    m = g.pair_anaphors.search(text, s.start_char, s.end_char)
    if m is None or _named_right_there(m, mentions):
        return
    mentions += _pair(next(iter(ids)), s.index, m)


def _hyphen_pairs(text: str, mentions: list[Mention]):
    """Each partner joined to Kazakhstan by a hyphen ("қазақ-түрік", "Kazakh-Turkish", "казахстанско-турецкий"),
    with where the pair's first word starts: (partner mention, start)."""
    homes = [m for m in mentions if m.entity_type == "home"]
    for p in mentions:
        if p.entity_type != "partner" or p.mention_kind == "anaphor":
            continue
        for h in homes:
            if text[h.end_char:p.start_char] in _HYPHENS:
                yield p, h.start_char
            elif text[p.end_char:h.start_char] in _HYPHENS:
                yield p, p.start_char


def _pair_before(starts: list[int], i: int, pair_starts) -> int | None:
    """Where the hyphen pair that ends right before token i starts ("казахстанско-турецкий завод": the
    pair's two words, or one if the hyphen joins them into one token), when one does."""
    return next((starts[k] for k in (i - 1, i - 2) if k >= 0 and starts[k] in pair_starts), None)


def _hyphen_pair(text: str, mentions: list[Mention]) -> str | None:
    """The partner joined to Kazakhstan by a hyphen in the sentence, when there is one."""
    found = {p.entity_id for p, _start in _hyphen_pairs(text, mentions)}
    return next(iter(found)) if len(found) == 1 else None


def _named_right_there(m: re.Match, mentions: list[Mention]) -> bool:
    """"Дві країни — Казахстан і Азербайджан —": the pair is spelled out right after its words."""
    return any(0 <= q.start_char - m.end() <= _APPOSITION for q in mentions)


def _first_letter(text: str, s: Sentence) -> int:
    """Where the sentence's words begin: after an opening quote or dash ("« Nos pays coopèrent")."""
    k = s.start_char
    while k < s.end_char and not text[k].isalnum():
        k += 1
    return k


_NAME_AFTER = re.compile(r"[ \t\u00a0]+[«\"„“']?([^\W\d_])")


def _named_after(text: str, at: int) -> bool:
    """A capitalised name right after position `at` (past a space and an opening quote)."""
    m = _NAME_AFTER.match(text, at)
    return m is not None and m.group(1).isupper()


def _anaphor_phrase(text: str, s: Sentence, phrases: list[str]) -> tuple[int, int] | None:
    """Where the sentence says "his country", "the company", "Das Unternehmen", "l'entreprise"."""
    a, b = s.start_char, s.end_char
    low = lowered(text)  # (the article's lowercase, made once for the figure readers)
    if len(low) == len(text) and low.find("'", a, b) < 0 and low.find("’", a, b) < 0:
        for phrase in phrases:
            k = low.find(phrase, a, b)
            if k >= 0:
                return k + 1, k + len(phrase) - 1
            if (a > 0 and low.startswith(phrase, a - 1)) or low.startswith(phrase[1:], a):
                return a, a + len(phrase) - 2
        return None
    low = " " + text[s.start_char:s.end_char].lower().replace("'", " ").replace("’", " ")
    if len(low) != s.end_char - s.start_char + 1:
        return None  # (a letter whose lowercase is longer: offsets would shift)
    for phrase in phrases:
        k = low.find(phrase)
        if k >= 0:  # (low[k] is the space before the phrase: text[s.start_char + k] is its first letter)
            return s.start_char + k, s.start_char + k + len(phrase) - 2
    return None


def _antecedent(text: str, sentences: list[Sentence], by_sentence: dict[int, list[Mention]], k: int,
                partners: list[Mention]) -> str | None:
    """The partner that sentence k opens with as its subject, when it names only that one."""
    if len({m.entity_id for m in partners}) != 1:
        return None
    first = min(partners, key=lambda m: m.start_char)
    start = next((s.start_char for s in sentences if s.index == k), None)
    if start is None or len(_WORD.findall(text, start, first.start_char)) > _ANAPHOR_REACH or any(
            m.entity_type == "home" and m.start_char < first.start_char for m in by_sentence.get(k, ())):
        return None
    return first.entity_id
