"""Settings are checked before anything runs: a wrong value names its variable, and nothing is created."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO
from warehouse.config import SettingsError, settings

BAD = [
    ("EXTRACT_WORKERS", "abc"), ("EXTRACT_WORKERS", "0"), ("EXTRACT_WORKERS", "1.5"),
    ("MAX_FILE_BYTES", "-1"), ("MAX_FILE_BYTES", "5MB"), ("MAX_FILE_BYTES", "0"),
    ("MAX_DELETE_SHARE", "1.5"), ("MAX_DELETE_SHARE", "-0.1"), ("MAX_DELETE_SHARE", "nan"),
    ("MAX_DELETE_SHARE", "twenty"), ("ALLOW_MASS_DELETE", "maybe"),
    ("DUCKDB_MEMORY_LIMIT", "lots"), ("DUCKDB_LOAD_MEMORY_LIMIT", "96"), ("DUCKDB_MEMORY_LIMIT", "1GB'; DROP"),
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ("EXTRACT_WORKERS", "MAX_FILE_BYTES", "MAX_DELETE_SHARE", "ALLOW_MASS_DELETE", "DUCKDB_MEMORY_LIMIT",
                 "DUCKDB_LOAD_MEMORY_LIMIT", "BI_WAREHOUSE_PATH", "EXPORTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SOURCE_DIR", str(tmp_path / "src"))
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "wh" / "w.duckdb"))


@pytest.mark.parametrize("name,value", BAD)
def test_a_bad_value_names_its_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as e:
        settings()
    assert name in str(e.value) and repr(value.strip()) in str(e.value)


def test_defaults_and_good_values(monkeypatch):
    s = settings()
    assert (s.max_delete_share, s.allow_mass_delete) == (0.2, False)
    assert s.workers >= 1 and s.max_file_bytes == 5 * 1024 * 1024
    monkeypatch.setenv("MAX_DELETE_SHARE", "0.5")
    monkeypatch.setenv("ALLOW_MASS_DELETE", "yes")
    monkeypatch.setenv("EXTRACT_WORKERS", " 3 ")
    monkeypatch.setenv("MAX_FILE_BYTES", "1_000")
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "2GB")
    s = settings()
    assert (s.max_delete_share, s.allow_mass_delete, s.workers, s.max_file_bytes, s.duckdb_memory_limit) == \
        (0.5, True, 3, 1000, "2GB")
    for off in ("0", "false", "no", "off", ""):
        monkeypatch.setenv("ALLOW_MASS_DELETE", off)
        assert settings().allow_mass_delete is False


def test_outputs_that_would_overwrite_each_other_or_the_input(monkeypatch, tmp_path):
    monkeypatch.setenv("BI_WAREHOUSE_PATH", str(tmp_path / "wh" / "w.duckdb"))
    with pytest.raises(SettingsError, match="BI_WAREHOUSE_PATH"):
        settings()
    monkeypatch.delenv("BI_WAREHOUSE_PATH")
    monkeypatch.setenv("EXPORTS_DIR", str(tmp_path / "src"))
    with pytest.raises(SettingsError, match="EXPORTS_DIR"):
        settings()
    monkeypatch.setenv("EXPORTS_DIR", str(tmp_path / "wh"))  # publication replaces it: the warehouse with it
    with pytest.raises(SettingsError, match="EXPORTS_DIR"):
        settings()


def test_the_run_stops_before_anything_runs(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Kazakhstan exported 5 million tonnes of wheat to China.", encoding="utf-8")
    warehouse = tmp_path / "wh" / "w.duckdb"
    env = dict(os.environ, SOURCE_DIR=str(src), WAREHOUSE_PATH=str(warehouse), DAGSTER_HOME=str(tmp_path / "dg"),
               EXTRACT_WORKERS="abc")
    out = subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=REPO, env=env, timeout=300,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert out.returncode != 0
    assert "EXTRACT_WORKERS='abc' is not a whole number" in out.stdout
    assert not warehouse.parent.exists() and not (tmp_path / "dg").exists()
