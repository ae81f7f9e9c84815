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
    stream = sync.process_files(folder, rels, 10_000_000, 2)
    results = [next(stream)]
    pool = prewarm.pool(2)
    assert pool is not None and len(pool._processes) == 1  # no second worker warming up beside dbt
    workers = list(pool._processes.values())
    results += list(stream)
    # its files done, the worker stops: the languages it has not loaded would take CPU from the load and dbt
    assert prewarm.pool(2) is None and not any(w.is_alive() for w in workers)
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


def _languages_loaded() -> int:
    """(Run in the worker.) How many languages' mention matchers it has loaded."""
    from extract.partners.matcher import language_matcher

    return language_matcher.cache_info().currsize


def test_a_file_waits_for_one_language_of_the_warm_up_not_all(folder):
    """The worker loads the languages one at a time, each a task of its own: a file handed to it
    while it warms up is extracted after the language being loaded (and its own); once the run's
    files are done, the worker stops instead of loading the languages no file needed."""
    from extract.language import detect_language, supported_languages

    english = [p.name for p in sorted(folder.glob("*.txt"))
               if detect_language(p.read_text(encoding="utf-8"))[0] == "en"][:1]
    assert english and supported_languages()[0] != "en"
    prewarm.start(2)
    stream = sync.process_files(folder, english, 10_000_000, 2)
    first = next(stream)
    assert first.rows.get("mentions")
    pool = prewarm.pool(2)
    n = len(supported_languages())
    # the first language, the file's own (English) and at most the next one queued beside the file
    assert 2 <= pool.submit(_languages_loaded).result() <= 3 < n
    assert list(stream) == [] and prewarm.pool(2) is None