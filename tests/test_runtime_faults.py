"""Crash consistency by fault injection (issue 13 item 2): SIGKILL the build at each stage, then

(a) the BI copy still opens and holds the earlier complete publication, and so do the Parquet files;
(b) the next ordinary run converges to marts identical to a clean build of the same folder;
(c) nothing a killed publication wrote stays beside the BI copy.

The earlier publication is a build of 3 seed articles; the killed run and the run after it see
those plus 3 dev-corpus articles.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orchestration.faults import STAGES
from tests.runtime_support import build_env, mart_rows, parquet_rows, run, run_ok, small_folder

pytestmark = pytest.mark.slow

WH = "warehouse.duckdb"
BI = "warehouse_bi.duckdb"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and
                  (p.name.endswith((".tmp", ".old", ".tmp.wal"))))


@pytest.fixture(scope="module")
def world(tmp_path_factory, dev_corpus):
    root = tmp_path_factory.mktemp("faults")
    before = small_folder(root / "before", 3, 0)
    after = small_folder(root / "after", 3, 3)
    # the clean build of the folder the killed runs see
    run_ok(build_env(after, root / "clean" / WH, root / "clean-dagster"))
    clean = mart_rows(root / "clean" / WH)
    assert clean == mart_rows(root / "clean" / BI)
    assert len(clean["dim_document"]) == 6
    # the earlier publication every killed run starts from
    run_ok(build_env(before, root / "template" / WH, root / "template-dagster"))
    earlier = mart_rows(root / "template" / BI)
    assert len(earlier["dim_document"]) == 3 and earlier != clean
    return {"root": root, "after": after, "clean": clean, "earlier": earlier}


@pytest.mark.parametrize("stage", STAGES)
def test_sigkill_at_each_stage_keeps_the_publication_and_the_next_run_converges(world, stage):
    root = world["root"]
    wh_dir = root / stage
    shutil.copytree(root / "template", wh_dir)
    env = build_env(world["after"], wh_dir / WH, root / f"{stage}-dagster")

    code, out = run(dict(env, KZ_FAULT_STAGE=stage), timeout=300)
    assert code != 0 and "killed (SIGKILL)" in out, out[-3000:]

    # (a) the BI copy and the exports are the earlier publication, complete
    assert mart_rows(wh_dir / BI) == world["earlier"]
    assert parquet_rows(wh_dir / "exports", world["earlier"]) == world["earlier"]
    if stage == "publish":
        assert leftovers(wh_dir), "the fault did not fire half way through the publication"

    # (b) an ordinary run converges to the clean build
    out = run_ok(env, timeout=300)
    assert "marked it failed" in out  # the killed run was found and its slot freed
    assert mart_rows(wh_dir / WH) == world["clean"]
    assert mart_rows(wh_dir / BI) == world["clean"]
    assert parquet_rows(wh_dir / "exports", world["clean"]) == world["clean"]
    # (c) no temporary or old files stay beside the publication
    assert leftovers(wh_dir) == []


def test_an_unknown_fault_stage_is_refused(tmp_path):
    env = build_env(small_folder(tmp_path / "src", 1, 0), tmp_path / "wh" / WH, tmp_path / "dagster",
                    KZ_FAULT_STAGE="extraction")
    code, out = run(env, timeout=120)
    assert code != 0 and "not a stage" in out
    assert not (tmp_path / "wh" / WH).exists()
