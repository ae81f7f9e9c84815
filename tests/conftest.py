"""Shared test settings: no telemetry, and paths to the shared corpora."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
os.environ["DAGSTER_DISABLE_TELEMETRY"] = "1"
os.environ["DO_NOT_TRACK"] = "1"

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    return DEV_CORPUS
