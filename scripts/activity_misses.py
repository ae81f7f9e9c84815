#!/usr/bin/env python3
"""Activity pairs of extract() against a gold file, with the sentence of every extra event.

    .venv/bin/python scripts/activity_misses.py [--gold ../shared/corpus/dev/gold.json] [--lang pl]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extract import extract  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "corpus" / "dev" / "gold.json"))
    ap.add_argument("--lang")
    a = ap.parse_args()
    folder = os.path.dirname(a.gold)
    tp = fp = fn = 0
    for g in json.load(open(a.gold, encoding="utf-8")):
        if "activities" not in g or (a.lang and g["language"] != a.lang):
            continue
        text = open(os.path.join(folder, g["file"]), encoding="utf-8").read()
        r = extract(text)
        sent = {s.index: text[s.start_char:s.end_char] for s in r.sentences}
        gold = {(x["partner"], x["type"]): x["evidence"] for x in g["activities"]}
        got = {}
        for e in r.events:
            got.setdefault((e.partner_id, e.activity_type), e)
        tp += len(gold.keys() & got.keys())
        fp += len(got.keys() - gold.keys())
        fn += len(gold.keys() - got.keys())
        for k in sorted(gold.keys() - got.keys()):
            print(f"{g['file']}: MISSING {k} :: {gold[k][:110]}")
        for k in sorted(got.keys() - gold.keys()):
            e = got[k]
            print(f"{g['file']}: EXTRA {k} [{e.surface_text}] :: {sent[e.sentence_index][:160]}")
    p = tp / (tp + fp) if tp + fp else 0
    rc = tp / (tp + fn) if tp + fn else 0
    print(f"tp={tp} fp={fp} fn={fn} P={p:.3f} R={rc:.3f} F1={2 * p * rc / (p + rc) if p + rc else 0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
