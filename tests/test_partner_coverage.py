"""Every partner Kazakhstan trades with is named by its name, its capital and its demonym in each
of the seven languages with adjectives (Kazakh builds them from the name: 'италиялық')."""
from __future__ import annotations

from collections import defaultdict

import pytest

from extract.reference import load_csv

# Kazakhstan's main trading partners (the countries its customs statistics list by name)
MAIN = ("CN RU TR US DE FR IT NL GB JP IN IR UZ KG TJ TM AF AZ GE UA PL BG AE SA QA CH ES BY AM MN PK EG BR "
        "HU CZ AT BE GR RO FI NO DK SE MY VN TH ID AU OM KW IQ LT LV EE MD RS HR SK SI PT IE MX AR ZA KR KP").split()
# capitals that are the country's own name, or that stand for another partner in the gold rules
NO_CAPITAL = {"BE": "Brussels names the EU", "SG": "Singapore", "KW": "Kuwait"}


def _kinds():
    out = defaultdict(set)
    for r in load_csv("partner_aliases"):
        out[(r["partner_id"], r["mention_kind"])].add(r["lang"])
    return out


@pytest.mark.parametrize("lang", ["en", "ru", "uk", "pl", "bg", "fr", "de"])
def test_main_partners_have_name_and_demonym(lang):
    kinds = _kinds()
    missing = [p for p in MAIN if lang not in kinds[(p, "name")] or lang not in kinds[(p, "demonym")]]
    assert not missing, missing


def test_main_partners_have_a_capital_in_english():
    kinds = _kinds()
    missing = [p for p in MAIN if p not in NO_CAPITAL and "en" not in kinds[(p, "capital")]]
    assert not missing, missing
