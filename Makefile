# Two commands from a fresh clone: `make run` builds the warehouse from seeds/, `make test` tests it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

export DAGSTER_HOME := $(CURDIR)/.dagster
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false

N ?= 100000
SEED ?= 7
SIZES ?= 1000 10000 100000

.PHONY: install run test eval ui clean corpus bench

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

# A generated corpus with its planted answers: make corpus N=100000 SEED=7 (into bench/corpus_$(N)/)
corpus: install
	$(BIN)/python bench/corpus.py bench/corpus_$(N) --n $(N) --seed $(SEED) --force

# Full builds of 1,000 / 10,000 / 100,000 generated articles, written to bench/results.md
bench: install
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,bench]'
	$(BIN)/python bench/extraction_speed.py
	$(BIN)/python bench/run.py --sizes $(SIZES)

ui: install
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

clean:
	rm -f warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/*.duckdb.lock
