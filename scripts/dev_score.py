#!/usr/bin/env python3
"""Score extract() on a gold corpus straight from the files, without building a warehouse.

    .venv/bin/python scripts/dev_score.py [--gold ../shared/corpus/dev/gold.json] [--misses] [--lang ru]

Uses the scoring functions of ../shared/eval/score.py on records from extract(),
so its figures match a warehouse build up to text cleaning. For a quick loop
while working on the extractor; the warehouse score stays the reference.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extract import extract  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "corpus" / "dev" / "gold.json"))
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--lang")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", a.scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = json.load(open(a.gold, encoding="utf-8"))
    if a.lang:
        gold = [g for g in gold if g["language"] == a.lang]
    folder = os.path.dirname(a.gold)

    def fake_load(_warehouse):
        lang, partners, figures, volumes = {}, defaultdict(set), defaultdict(list), defaultdict(list)
        activities = defaultdict(set)
        for g in gold:
            f = g["file"]
            r = extract(open(os.path.join(folder, f), encoding="utf-8").read())
            lang[f] = r.language
            partners[f] = {m.partner_id for m in r.mentions if m.partner_id}
            figures[f] = [asdict(x) for x in r.figures]
            volumes[f] = [asdict(v) for v in r.export_volumes]
            activities[f] = {(e.partner_id, e.activity_type) for e in r.events}
        return lang, partners, figures, volumes, activities

    score.load = fake_load
    sys.argv = ["score.py", "--gold", a.gold, "--warehouse", "-"] + (["--misses"] if a.misses else [])
    if a.lang:  # score only the chosen language
        tmp = Path("/tmp") / f"gold_{a.lang}.json"
        tmp.write_text(json.dumps(gold, ensure_ascii=False))
        sys.argv[2] = str(tmp)
    return score.main()


if __name__ == "__main__":
    sys.exit(main())
