#!/usr/bin/env python3
"""Which (partner, type) pairs a change to the coder gains or loses, file by file, with each pair's
gold status: run it once before a change (--save) and once after (--against).

    .venv/bin/python scripts/activity_diff.py --save /tmp/before.json FOLDER...
    .venv/bin/python scripts/activity_diff.py --against /tmp/before.json FOLDER...

A FOLDER holds article .txt files and, where annotated, a gold*.json with `activities`
(../shared/corpus/dev, ../shared/seeds, tests/probes, tests/noisy). "(gold)" marks a pair the gold
has, "(extra)" one it has not, "(?)" a file without activity gold.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extract import extract  # noqa: E402


def snapshot(folders: list[Path]) -> tuple[dict[str, list], dict[str, set]]:
    pairs, gold = {}, {}
    for d in folders:
        for gf in sorted(d.glob("gold*.json")):
            for g in json.loads(gf.read_text(encoding="utf-8")):
                if "activities" in g:
                    gold[f"{d.name}/{g['file']}"] = {(a["partner"], a["type"]) for a in g["activities"]}
        for p in sorted(d.glob("*.txt")):
            events = extract(p.read_text(encoding="utf-8")).events
            pairs[f"{d.name}/{p.name}"] = sorted({(e.partner_id, e.activity_type) for e in events})
    return pairs, gold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--save", type=Path, help="write the pairs here")
    ap.add_argument("--against", type=Path, help="print what changed since this saved snapshot")
    a = ap.parse_args()
    pairs, gold = snapshot(a.folders)
    if a.save:
        a.save.write_text(json.dumps(pairs), encoding="utf-8")
    if a.against:
        base = json.loads(a.against.read_text(encoding="utf-8"))
        changed = 0
        for f in sorted(pairs):
            before, after = {tuple(x) for x in base.get(f, [])}, {tuple(x) for x in pairs[f]}
            for tag, keys in (("LOST", before - after), ("NEW ", after - before)):
                for k in sorted(keys):
                    status = "(gold)" if k in gold.get(f, ()) else "(extra)" if f in gold else "(?)"
                    print(f"{tag} {status:7} {k[0]} {k[1]:9} {f}")
                    changed += 1
        print(f"{changed} pairs changed in {len(pairs)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
