"""Probe articles (tests/probes): new articles in all eight languages, written and annotated before
the extractor read them, with the traps of ACTIVITY.md (third-party deals, comparisons, negations,
plans, background) and figures in the forms outlets print. Scored by ../shared/eval/score.py on
extract()'s records, against the floors the held-out articles are judged by (issues 10 and 11)."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

import pytest

from extract import extract
from tests.test_pages_noisy import _scorer

PROBES = Path(__file__).resolve().parent / "probes"
GOLD = sorted(PROBES.glob("gold_*.json"))


def _gold() -> list[dict]:
    return [g for path in GOLD for g in json.loads(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def scored():
    gold = _gold()
    if not gold:
        pytest.skip("no probe articles")
    lang, partners, figures, volumes, activities = {}, defaultdict(set), defaultdict(list), defaultdict(list), defaultdict(set)
    for g in gold:
        f = g["file"]
        r = extract((PROBES / f).read_text(encoding="utf-8"))
        lang[f] = r.language
        partners[f] = {m.partner_id for m in r.mentions if m.partner_id}
        figures[f] = [asdict(x) for x in r.figures]
        volumes[f] = [asdict(v) for v in r.export_volumes]
        activities[f] = {(e.partner_id, e.activity_type) for e in r.events}
    score = _scorer()
    score.load = lambda _w: (lang, partners, figures, volumes, activities)
    return score, score.score(gold, "-")


def _total(res: dict) -> dict:
    tot = defaultdict(int)
    for c in res["per_language"].values():
        for k, v in c.items():
            tot[k] += v
    return tot


def test_every_language_has_probes():
    assert {g["language"] for g in _gold()} >= {"pl", "ru", "bg", "fr", "en", "de", "uk", "kk"}


def test_partners_figures_and_volumes_hold_the_floors(scored):
    score, res = scored
    tot = _total(res)
    assert tot["lang_ok"] == tot["docs"]
    assert score.prf(tot["p_tp"], tot["p_pred"], tot["p_gold"])[2] >= 0.99, res["misses"]
    assert score.prf(tot["f_tp"], tot["f_pred"], tot["f_gold"])[2] >= 0.95, res["misses"]
    assert score.prf(tot["v_tp"], tot["v_pred"], tot["v_gold"])[2] >= 0.95, res["misses"]
    for lang, c in res["per_language"].items():
        assert score.prf(c["f_tp"], c["f_pred"], c["f_gold"])[2] >= 0.92, (lang, res["misses"])


def test_activities_hold_the_floors(scored):
    score, res = scored
    tot = _total(res)
    p, _, f = score.prf(tot["a_tp"], tot["a_pred"], tot["a_gold"])
    assert f >= 0.80 and p >= 0.85, (p, f, [m for m in res["misses"] if "activities" in m])
