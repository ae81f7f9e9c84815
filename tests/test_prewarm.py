"""The extraction worker warmed up at the start of a run: one process, never a second one for a
few files; a large batch gets a pool of every worker instead (warehouse/prewarm.py, sync.py)."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import SEEDS
from warehouse import prewarm, sync


@pytest.fixture
def folder(tmp_path):
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


@pytest.fixture(autouse=True)
def no_pool_left():
    yield
    prewarm.stop()


def _rows(results) -> dict[str, int]:
    return {r.source_file: len(r.rows.get("mentions", [])) for r in results}


def test_a_few_files_go_to_the_one_warm_worker_only(folder):
    rels = sorted(p.name for p in folder.glob("*.txt"))
    prewarm.start(2)
    results = list(sync.process_files(folder, rels, 10_000_000, 2))
    pool = prewarm.pool(2)
    assert pool is not None and len(pool._processes) == 1  # no second worker warming up beside dbt
    assert [r.source_file for r in results] == rels
    assert all(r.rows.get("mentions") for r in results)  # really extracted, in the worker
    # the same as extraction in this process
    assert _rows(results) == _rows(sync._process_files_here(folder, rels, 10_000_000, 1))


def test_a_large_batch_gets_a_pool_of_every_worker(folder, monkeypatch):
    rels = sorted(p.name for p in folder.glob("*.txt"))
    monkeypatch.setattr(sync, "ONE_WORKER_UP_TO", len(rels) - 1)
    used = []
    monkeypatch.setattr(sync, "_process_files_here", lambda *a: used.append(a[3]) or iter(()))
    prewarm.start(2)
    list(sync.process_files(folder, rels, 10_000_000, 2))
    assert used == [2] and prewarm.pool(2) is None  # the warm worker stopped, all workers started afresh
