"""The lexicon of one language: partner, commodity and route aliases from the seeds.

Rows come from dbt_project/seeds (partner_aliases, commodity_aliases, commodity_lookalikes,
route_aliases, state_companies). Two additions make mixed-language articles work without extra
data: English abbreviations (US, U.S., EU, UK, UAE...) are looked for in every
language, and a language whose own aliases are mostly non-Latin (ru, bg, uk, kk)
also gets the English names, so a Russian text quoting "the United States" or
"Russia's" still resolves.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..reference import load_csv

FOREIGN_SOURCE = "en"  # language whose Latin-script aliases are looked for everywhere


@dataclass(frozen=True, slots=True)
class Entry:
    entity_type: str   # partner | commodity | route | company
    entity_id: str
    kind: str          # mention_kind
    alias: str
    # derived once (the matcher asks for every match): abbreviations are matched on the exact
    # spelling (US, not "us"; ЕС; UE); proper names must start with a capital in the text too
    # ("Turkey", not "turkey")
    exact_case: bool = field(init=False, compare=False)
    capitalised: bool = field(init=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "exact_case", self.kind == "abbreviation")
        object.__setattr__(self, "capitalised",
                           self.kind in ("name", "capital", "organisation") and self.alias[:1].isupper())


def _is_abbreviation(alias: str) -> bool:
    bare = alias.replace(".", "").replace(" ", "").replace("+", "")
    return bool(bare) and len(bare) <= 6 and bare.upper() == bare and any(ch.isalpha() for ch in bare)


def _latin_share(rows) -> float:
    letters = [ch for r in rows for ch in r["alias"] if ch.isalpha()]
    return sum(ch < "\u0250" for ch in letters) / max(1, len(letters))


@lru_cache(maxsize=None)
def entries(lang: str) -> tuple[Entry, ...]:
    own = [r for r in load_csv("partner_aliases") if r["lang"] == lang]
    english = [r for r in load_csv("partner_aliases") if r["lang"] == FOREIGN_SOURCE]
    foreign = [] if lang == FOREIGN_SOURCE else (
        english if own and _latin_share(own) < 0.5 else [r for r in english if r["mention_kind"] == "abbreviation"])
    out: dict[tuple[str, bool], Entry] = {}
    for r in own + foreign:
        e = Entry("partner", r["partner_id"], r["mention_kind"], r["alias"])
        out.setdefault((e.alias, e.exact_case), e)  # the language's own reading first
    # a partner's state company ("SOCAR", "Росатом") acts for it where the article names the
    # partner (ACTIVITY.md); it is never a partner mention itself, so extract() keeps it internal
    # ... and so do its leaders and ministers ("Xi", "Путин", "Erdoğan": ACTIVITY.md counts officials)
    for r in [*load_csv("state_companies"), *load_csv("partner_officials")]:
        e = Entry("company", r["partner_id"], "abbreviation" if _is_abbreviation(r["alias"]) else "organisation",
                  r["alias"])
        out.setdefault(("company|" + e.alias, e.exact_case), e)
    for table, etype, id_col in (("commodity_aliases", "commodity", "commodity_id"), ("route_aliases", "route", "route_id")):
        for r in load_csv(table):
            if r["lang"] != lang:
                continue
            kind = "abbreviation" if _is_abbreviation(r["alias"]) else "name"
            e = Entry(etype, r[id_col], kind, r["alias"])
            out.setdefault((etype + "|" + e.alias, e.exact_case), e)
    # "sunflower oil", "produit intérieur brut", "парниковые газы": phrases whose words would name a
    # commodity (oil, brut, газ) but name none; as places do for partners, they claim their words (the
    # id is the alias they shadow: in a text about sunflower oil, a bare "oil" is that oil too)
    for r in load_csv("commodity_lookalikes"):
        if r["lang"] == lang:
            out.setdefault(("commodity|" + r["phrase"], False),
                           Entry("commodity", (r.get("shadows") or "").lower(), "place", r["phrase"]))
    return tuple(out.values())
