# Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# No network here: telemetry off for every tool.
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DAGSTER_DISABLE_TELEMETRY := 1
export DO_NOT_TRACK := 1
# one planned event per asset for a run over every source bucket (orchestration/execute.py)
export DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS := 1
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export SOURCE_DIR ?= $(CURDIR)/seeds
export WAREHOUSE_PATH ?= $(CURDIR)/warehouse/warehouse.duckdb
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: install run test dev bench score clean dashboard browser

install: $(STAMP) $(DAGSTER_HOME)/dagster.yaml

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp orchestration/dagster.yaml $@

dbt_project/target/manifest.json: $(STAMP) $(shell find dbt_project/models dbt_project/seeds dbt_project/macros dbt_project/tests -type f 2>/dev/null) dbt_project/dbt_project.yml
	# parse from inside the project: seed paths in the manifest are relative to the working directory
	cd dbt_project && ../$(BIN)/dbt parse --profiles-dir . --quiet

## Build the warehouse from SOURCE_DIR (default seeds/) into WAREHOUSE_PATH, then publish the BI copy.
run: install dbt_project/target/manifest.json
	$(BIN)/python -m orchestration.run

## The whole test suite (unit, dbt, end-to-end and the dashboard in Debian's chromium).
test: install browser dbt_project/target/manifest.json
	$(BIN)/python -m pytest

## Debian's chromium and its driver for the dashboard's browser test (installed only when missing).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); export DEBIAN_FRONTEND=noninteractive; \
		  $$SUDO apt-get update && $$SUDO apt-get install -y chromium chromium-driver; }

## The dashboard (Streamlit) on the published read-only BI copy: run `make run` first.
## DASHBOARD_PORT (8501) and DASHBOARD_ADDRESS (127.0.0.1; 0.0.0.0 to serve other machines).
DASHBOARD_PORT ?= 8501
DASHBOARD_ADDRESS ?= 127.0.0.1
dashboard: install
	$(BIN)/streamlit run dashboard/app.py --server.headless true --browser.gatherUsageStats false \
		--server.address $(DASHBOARD_ADDRESS) --server.port $(DASHBOARD_PORT)

## The Dagster UI with the whole graph and the SOURCE_DIR sensor.
dev: install dbt_project/target/manifest.json
	$(BIN)/dagster dev -m orchestration.definitions

## Throughput and scale figures (not part of `make test`).
bench: install dbt_project/target/manifest.json
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## Score a warehouse built from the dev corpus against its gold.
score: install dbt_project/target/manifest.json
	SOURCE_DIR=../shared/corpus/dev WAREHOUSE_PATH=$(CURDIR)/warehouse/dev.duckdb $(BIN)/python -m orchestration.run
	$(BIN)/python ../shared/eval/score.py --gold ../shared/corpus/dev/gold.json --warehouse warehouse/dev_bi.duckdb

clean:
	rm -rf $(VENV) .dagster dbt_project/target dbt_project/logs warehouse/*.duckdb warehouse/exports
