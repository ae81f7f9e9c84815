"""Every cue role in dbt_project/seeds/activity/activity_cues.csv is one the coder reads: a role misspelt
in the data would otherwise be read by nobody, and its words would silently do nothing."""
from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CUES = REPO / "dbt_project" / "seeds" / "activity" / "activity_cues.csv"
CODER = REPO / "extract" / "activity"
_PREFIXED = ("port:", "dest_port:", "hub:")  # a port or hub of one partner, "hub:AZ"


def test_every_cue_role_is_read_by_the_coder():
    with open(CUES, encoding="utf-8", newline="") as f:
        roles = {r["role"] for r in csv.DictReader(f)}
    source = "".join(p.read_text(encoding="utf-8") for p in CODER.glob("*.py"))
    unread = sorted(r for r in roles if not r.startswith(_PREFIXED) and f'"{r}"' not in source)
    assert not unread, unread
    assert len(roles) > 150  # (the table is read at all)


def test_every_cue_row_has_a_language_a_word_and_a_role():
    with open(CUES, encoding="utf-8", newline="") as f:
        bad = [r for r in csv.DictReader(f) if not (r["lang"] and r["cue"].strip() and r["role"])]
    assert not bad, bad[:5]
