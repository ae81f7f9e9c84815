#!/usr/bin/env python3
"""Regenerate dbt_project/seeds/partners.csv and partner_aliases.csv (offline).

    .venv/bin/python scripts/build_partner_lexicon.py

partners.csv: every UN member state, the two observer states, Taiwan and the EU,
with English names from CLDR (Babel), ISO alpha-3 from pycountry and the UN M49
region. partner_aliases.csv: for every language in dbt_project/seeds/languages.csv
the CLDR territory name (Babel) and the pycountry names with their gettext
translations, merged with the hand-curated rows of scripts/partner_aliases_curated.csv
(abbreviations, demonyms, capitals, organisations CLDR lacks), minus the rows of
scripts/partner_aliases_excluded.csv (names that are also common words).

A new language therefore gets country names for free: add it to languages.csv and
re-run; add curated demonyms/capitals when you have them.
"""
from __future__ import annotations

import csv
import gettext
import sys
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "dbt_project" / "seeds"
CURATED = Path(__file__).resolve().parent / "partner_aliases_curated.csv"
EXCLUDED = Path(__file__).resolve().parent / "partner_aliases_excluded.csv"

# UN member states (193) and the observer states VA, PS, plus TW, by UN M49 region.
REGIONS = {
    "Africa": "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML "
              "MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW",
    "Americas": "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT "
                "US UY VE",
    "Asia": "AF AM AZ BH BD BT BN KH CN CY GE IN ID IR IQ IL JP JO KZ KW KG LA LB MY MV MN MM NP KP OM PK PH QA "
            "KR SA SG LK SY TJ TH TL TR TM AE UZ VN YE PS TW",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT MD MC ME NL MK NO PL PT RO "
              "RU SM RS SK SI ES SE CH UA GB VA",
    "Oceania": "AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU",
}
KINDS = ("name", "abbreviation", "demonym", "capital", "organisation", "place")  # place: "Indian Ocean" claims its words, no mention


def languages() -> list[str]:
    with open(SEEDS / "languages.csv", encoding="utf-8", newline="") as f:
        return [r["lang"] for r in csv.DictReader(f)]


def partners() -> list[dict[str, str]]:
    en = Locale("en").territories
    rows = []
    for region, codes in REGIONS.items():
        for code in codes.split():
            c = pycountry.countries.get(alpha_2=code)
            rows.append({"partner_id": code, "partner_name": en.get(code) or c.name, "iso3": c.alpha_3,
                         "region": region, "is_bloc": "false"})
    rows.append({"partner_id": "EU", "partner_name": "European Union", "iso3": "EUU", "region": "Europe",
                 "is_bloc": "true"})
    return sorted(rows, key=lambda r: r["partner_id"])


def _clean(name: str) -> list[str]:
    """CLDR/ISO display names as surface forms: 'Myanmar (Burma)' gives both, inverted ones are dropped."""
    name = name.strip()
    if not name or "," in name or " - " in name or " – " in name:
        return []
    if "(" in name:
        head, _, rest = name.partition("(")
        inner = rest.rstrip(")").strip()
        # a lower-case inner part qualifies the name, it is no name itself: 'Palestyna (państwo)'
        return [n for n in (head.strip(), inner) if n and not any(ch in n for ch in ",()") and n[0].isupper()]
    return [name]


def _kind(alias: str) -> str:
    bare = alias.replace(".", "").replace(" ", "")
    return "abbreviation" if bare.isupper() and len(bare) <= 6 else "name"


def generated(langs: list[str], codes: set[str]) -> list[tuple[str, str, str, str]]:
    out = []
    for lang in langs:
        try:
            terr = Locale(lang).territories
        except Exception:  # Babel has no such locale: curated rows only
            terr = {}
        tr = None
        if lang != "en":
            try:
                tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                tr = None
        for code in sorted(codes):
            names = []
            if code in terr:
                names += _clean(terr[code])
            c = pycountry.countries.get(alpha_2=code)
            if c is not None:
                for attr in ("name", "official_name", "common_name"):
                    v = getattr(c, attr, None)
                    if not v:
                        continue
                    if lang == "en":
                        names += _clean(v)
                    elif tr is not None:
                        t = tr.gettext(v)
                        if t != v or lang == "en":
                            names += _clean(t)
            for n in names:
                out.append((code, lang, n, _kind(n)))
    return out


# the first half of a hyphenated compound adjective ("турецько-казахстанський", "польско-белорусский",
# "polsko-białoruski", "турско-казахстански"): the demonym with its ending swapped
_COMPOUND_FIRST = {"ru": ("кий", "ко"), "uk": ("кий", "ко"), "bg": ("ски", "ско"), "pl": ("ki", "ko")}


def compound_firsts(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    out = []
    for pid, lang, alias, kind in rows:
        ending = _COMPOUND_FIRST.get(lang)
        if kind == "demonym" and ending and " " not in alias and alias.endswith(ending[0]):
            out.append((pid, lang, alias[: -len(ending[0])] + ending[1], "demonym"))
    return out


def main() -> int:
    langs = languages()
    prow = partners()
    codes = {r["partner_id"] for r in prow}
    with open(CURATED, encoding="utf-8", newline="") as f:
        curated = [(r["partner_id"], r["lang"], r["alias"].strip(), r["mention_kind"]) for r in csv.DictReader(f)]
    with open(EXCLUDED, encoding="utf-8", newline="") as f:
        excluded = {(r["lang"], r["alias"]) for r in csv.DictReader(f)}
    bad = [r for r in curated if r[0] not in codes or r[3] not in KINDS]
    if bad:
        print("curated rows with unknown partner or kind:", bad, file=sys.stderr)
        return 1
    seen, rows = set(), []
    # curated first: its mention_kind wins over the generated guess for the same alias
    made = generated(langs, codes)
    for pid, lang, alias, kind in curated + made + compound_firsts(curated + made):
        key = (lang, alias)
        if key in excluded or (pid, lang, alias) in seen:
            continue
        seen.add((pid, lang, alias))
        rows.append({"partner_id": pid, "lang": lang, "alias": alias, "mention_kind": kind})
    owners: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        owners.setdefault((r["lang"], r["alias"]), set()).add(r["partner_id"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    for k, v in sorted(clashes.items()):
        print(f"warning: alias {k} names {sorted(v)}; keeping the first row", file=sys.stderr)
    done, final = set(), []
    for r in rows:
        k = (r["lang"], r["alias"])
        if k in done:
            continue
        done.add(k)
        final.append(r)
    final.sort(key=lambda r: (r["partner_id"], r["lang"], r["mention_kind"], r["alias"]))
    with open(SEEDS / "partners.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["partner_id", "partner_name", "iso3", "region", "is_bloc"], lineterminator="\n")
        w.writeheader()
        w.writerows(prow)
    with open(SEEDS / "partner_aliases.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["partner_id", "lang", "alias", "mention_kind"], lineterminator="\n")
        w.writeheader()
        w.writerows(final)
    print(f"{len(prow)} partners, {len(final)} aliases in {len(langs)} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
