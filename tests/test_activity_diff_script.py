"""scripts/activity_diff.py: a saved snapshot compared with itself changes nothing; a pair missing
from the snapshot is reported as gained, with its gold status."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO, SEEDS


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "activity_diff.py"), *args],
                          capture_output=True, text=True, timeout=300, cwd=REPO)


def test_snapshot_against_itself_and_with_a_pair_removed(tmp_path):
    snap = tmp_path / "before.json"
    assert _run("--save", str(snap), str(SEEDS)).returncode == 0
    same = _run("--against", str(snap), str(SEEDS))
    assert same.stdout == "" and "0 pairs changed" in same.stderr
    pairs = json.loads(snap.read_text())
    name, got = next((f, p) for f, p in sorted(pairs.items()) if p)
    pairs[name] = got[1:]  # as if the coder had not found the first pair before
    snap.write_text(json.dumps(pairs))
    out = _run("--against", str(snap), str(SEEDS)).stdout.split("\n")[0].split()
    assert out[0] == "NEW" and (out[2], out[3]) == tuple(got[0]) and out[-1] == name
