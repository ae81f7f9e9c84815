"""The configuration for running past one machine (deploy/, dbt_project/profiles.yml) parses and says
what docs/scaling.md says it does. Nothing here reaches Kubernetes, Celery, MotherDuck or Postgres."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import jinja2
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
PROFILES = REPO / "dbt_project" / "profiles.yml"
LOCAL_INSTANCE = REPO / "orchestration" / "dagster.yaml"

FAKE_ENV = {
    "WAREHOUSE_PATH": "/data/kz.duckdb",
    "MOTHERDUCK_DATABASE": "kz_prod",
    "MOTHERDUCK_TOKEN": "md-token-from-env",
    "DUCKLAKE_CATALOG_DSN": "dbname=ducklake host=pg.internal user=kz",
    "DUCKLAKE_DATA_PATH": "s3://kz-warehouse/lake/",
    "S3_ACCESS_KEY_ID": "key-from-env",
    "S3_SECRET_ACCESS_KEY": "secret-from-env",
}


def _load(path: Path) -> dict:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict) and doc, f"{path.name} is empty or not a mapping"
    return doc


def _render(value, env: dict[str, str]):
    """Render the profile's {{ env_var(...) }} calls the way dbt does: a missing variable without a default is an error."""
    def env_var(name, default=None):
        if name in env:
            return env[name]
        if default is None:
            raise KeyError(f"env var {name} is required and not set")
        return default

    if isinstance(value, str):
        return jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(value).render(env_var=env_var)
    if isinstance(value, list):
        return [_render(v, env) for v in value]
    if isinstance(value, dict):
        return {k: _render(v, env) for k, v in value.items()}
    return value


def _outputs() -> tuple[str, dict]:
    profile = _load(PROFILES)["kz_partners"]
    return profile["target"], profile["outputs"]


# deploy/

def test_every_deploy_yaml_parses():
    files = sorted([*DEPLOY.glob("*.yaml"), *DEPLOY.glob("*.yml")])
    assert {f.name for f in files} >= {"dagster_k8s.yaml", "dagster_celery.yaml"}
    for f in files:
        _load(f)


def test_k8s_instance_passes_dagster_validation(tmp_path):
    from dagster._core.instance.config import dagster_instance_config

    doc = _load(DEPLOY / "dagster_k8s.yaml")
    config, _ = dagster_instance_config(str(tmp_path), overrides=doc["instance"])
    assert (config["run_launcher"]["module"], config["run_launcher"]["class"]) == ("dagster_k8s", "K8sRunLauncher")
    assert "postgres" in config["storage"]  # SQLite files in DAGSTER_HOME cannot be shared between pods
    # the DuckDB writers' pool stays as strict as on one machine
    assert config["concurrency"]["pools"] == _load(LOCAL_INSTANCE)["concurrency"]["pools"]

    executor = doc["run_config"]["execution"]["config"]
    assert executor["job_namespace"] and executor["job_image"]
    assert isinstance(executor["max_concurrent"], int) and executor["max_concurrent"] > 0
    assert any(v.startswith("EXTRACT_WORKERS=") for v in executor["env_vars"])


def test_celery_run_config_reads_its_broker_from_env_and_names_real_modules():
    executor = _load(DEPLOY / "dagster_celery.yaml")["execution"]["config"]
    assert set(executor["broker"]) == {"env"} and set(executor["backend"]) == {"env"}
    for module in executor["include"]:
        assert importlib.util.find_spec(module) is not None, f"{module} is not importable"
    assert executor["config_source"]["worker_prefetch_multiplier"] == 1


# dbt_project/profiles.yml

def test_profile_has_dev_default_and_the_two_remote_targets():
    target, outputs = _outputs()
    assert target == "dev"
    assert {"dev", "motherduck", "ducklake"} <= set(outputs)
    assert all(o["type"] == "duckdb" for o in outputs.values())


def test_dev_target_path_reads_warehouse_path():
    dev = _outputs()[1]["dev"]
    # the file is attached under a fixed catalog name: no file name reaches dbt-duckdb's SQL
    [attachment] = dev["attach"]
    assert dev["path"] == ":memory:" and dev["database"] == attachment["alias"] == "warehouse"
    assert "env_var('WAREHOUSE_PATH'" in attachment["path"]
    assert _render(attachment["path"], FAKE_ENV) == "/data/kz.duckdb"
    assert _render(attachment["path"], {}) == "../warehouse/warehouse.duckdb"  # the default when unset


def test_motherduck_target_takes_database_and_token_from_env():
    md = _render(_outputs()[1]["motherduck"], FAKE_ENV)
    assert md["path"] == "md:kz_prod"
    assert md["motherduck_token"] == "md-token-from-env"
    with pytest.raises(KeyError, match="MOTHERDUCK_TOKEN"):
        _render(_outputs()[1]["motherduck"], {k: v for k, v in FAKE_ENV.items() if k != "MOTHERDUCK_TOKEN"})


def test_ducklake_target_attaches_postgres_catalog_and_object_store_from_env():
    raw = _outputs()[1]["ducklake"]
    lake = _render(raw, FAKE_ENV)
    (attachment,) = lake["attach"]
    assert attachment["path"] == "ducklake:postgres:dbname=ducklake host=pg.internal user=kz"
    assert attachment["options"]["data_path"] == "s3://kz-warehouse/lake/"
    assert lake["database"] == attachment["alias"]  # models are built in the lake, not in the session
    assert {"ducklake", "postgres", "httpfs"} <= set(lake["extensions"])
    (s3,) = [s for s in lake["secrets"] if s["type"] == "s3"]
    assert (s3["key_id"], s3["secret"]) == ("key-from-env", "secret-from-env")
    # no credential is written into the file itself
    for key in ("key_id", "secret"):
        assert "env_var(" in next(s for s in raw["secrets"] if s["type"] == "s3")[key]
    for name in ("DUCKLAKE_CATALOG_DSN", "DUCKLAKE_DATA_PATH"):
        with pytest.raises(KeyError, match=name):
            _render(raw, {k: v for k, v in FAKE_ENV.items() if k != name})

