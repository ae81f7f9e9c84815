"""The noisy dev corpus (tests/noisy: pages as outlets and scrapers deliver them) scored the way the
warehouse is: clean_text -> language -> extract on body_text, compared with gold.json by the
shared scorer's own functions. The same score comes from a warehouse build:
    SOURCE_DIR=$PWD/tests/noisy WAREHOUSE_PATH=$PWD/warehouse/noisy.duckdb .venv/bin/python -m orchestration.run
    .venv/bin/python ../shared/eval/score.py --gold tests/noisy/gold.json --warehouse warehouse/noisy_bi.duckdb
"""
from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

import pytest

from extract import extract
from extract.cleaning import clean_text
from extract.language import detect_language

NOISY = Path(__file__).resolve().parent / "noisy"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
for candidate in (SCORER, Path("/work/shared/eval/score.py")):
    if candidate.is_file():
        SCORER = candidate
        break


@pytest.fixture(scope="module")
def built():
    gold = json.loads((NOISY / "gold.json").read_text(encoding="utf-8"))
    lang, partners, figures, volumes, bodies = {}, defaultdict(set), defaultdict(list), defaultdict(list), {}
    for g in gold:
        f = g["file"]
        c = clean_text((NOISY / f).read_text(encoding="utf-8"))
        lang[f] = detect_language(c.body_text)[0]
        r = extract(c.body_text, lang=lang[f])
        bodies[f] = (c, r)
        partners[f] = {m.partner_id for m in r.mentions if m.partner_id}
        figures[f] = [asdict(x) for x in r.figures]
        volumes[f] = [asdict(v) for v in r.export_volumes]
    return gold, (lang, partners, figures, volumes), bodies


def _scorer():
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not here")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_noisy_corpus_scores(built):
    gold, loaded, _ = built
    score = _scorer()
    score.load = lambda _w: loaded
    res = score.score(gold, "-")
    tot = defaultdict(int)
    for lang, c in res["per_language"].items():
        for k, v in c.items():
            tot[k] += v
        assert score.prf(c["f_tp"], c["f_pred"], c["f_gold"])[2] >= 0.92, (lang, res["misses"])
    assert tot["lang_ok"] == tot["docs"] == len(gold)
    assert score.prf(tot["p_tp"], tot["p_pred"], tot["p_gold"])[2] >= 0.99, res["misses"]
    assert score.prf(tot["f_tp"], tot["f_pred"], tot["f_gold"])[2] >= 0.95, res["misses"]
    assert score.prf(tot["v_tp"], tot["v_pred"], tot["v_gold"])[2] >= 0.95, res["misses"]


def test_body_text_starts_with_the_headline_and_keeps_no_chrome(built):
    gold, _, bodies = built
    for g in gold:
        c, r = bodies[g["file"]]
        assert c.headline_detected and "/" not in c.title and "›" not in c.title, g["file"]
        if g["boilerplate_starts_with"]:
            assert g["boilerplate_starts_with"] not in c.body_text, g["file"]
        for f in r.figures:
            assert c.body_text[f.start_char:f.end_char] == f.surface_text
        assert all(v.volume_tonnes >= 0 for v in r.export_volumes)
