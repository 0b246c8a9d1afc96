# Two commands from a fresh clone: `make run` builds the warehouse from seeds/, `make test` tests it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

export DAGSTER_HOME := $(CURDIR)/.dagster
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false

.PHONY: install run test eval ui clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned dependencies change.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/dagster asset materialize -m orchestration.definitions --select '*'
	$(BIN)/python tools/summary.py

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python tools/evaluate.py

ui: install
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

clean:
	rm -f warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/*.duckdb.lock
