# Developer verbs. `make dev` and `make test` set everything up themselves on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Lambda runs Python 3.12: find one (pyenv, the PATH, or the usual install places).
PYTHON312 := $(shell for c in python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12 \
	/usr/bin/python3.12; do if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; assert sys.version_info[:2] == (3, 12)' \
	>/dev/null 2>&1; then echo $$c; break; fi; done)

# Tools run from the venv; sam build needs python3.12 on the PATH and uses the venv's pip for the layers.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export PYTHON := $(CURDIR)/$(PY)
export SAM_CLI_TELEMETRY := 0
export AWS_DEFAULT_REGION ?= us-east-1
PYTEST_ARGS ?=

.PHONY: help install requirements lint format build test test-unit test-integration test-e2e dev bench eval deploy \
	rehearse webhook-url clean

help:
	@echo "make dev      run the whole loop locally (Tracker simulator, moto, the functions)"
	@echo "make test     lint, sam validate --lint, sam build, unit + integration + e2e tests"
	@echo "make bench    engine, rediscovery and Tracker-call benchmarks (bench/results.json, bench/rediscovery.json)"
	@echo "make eval     evaluate the engine on the labelled sets in eval/sets"
	@echo "make deploy   sam build && sam deploy --guided"
	@echo "make rehearse sam deploy onto LocalStack, smoke-test the deployed stack, sam delete (~1 min after setup)"

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON312)" ]; then echo "Python 3.12 not found (install it with pyenv: pyenv install 3.12)"; exit 1; fi
	@if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then \
		rm -rf $(VENV) && $(PYTHON312) -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[model,dev]'
	touch $(STAMP)

install: $(STAMP)

requirements: $(STAMP)
	$(PY) tools/export_requirements.py

lint: $(STAMP)
	$(PY) tools/export_requirements.py --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=shared $(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	for handler in functions/*/app.py; do $(VENV)/bin/mypy $$handler || exit 1; done
	$(VENV)/bin/sam validate --lint

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

build: $(STAMP)
	$(VENV)/bin/sam build

test-unit: $(STAMP)
	$(PY) -m pytest tests/unit $(PYTEST_ARGS)

test-integration: $(STAMP)
	$(PY) -m pytest tests/integration $(PYTEST_ARGS)

# The browser test fails, not skips, when Chromium cannot run (tests/support/browser.py).
test-e2e: build
	SKIMA_REQUIRE_BROWSER=1 $(PY) -m pytest tests/e2e $(PYTEST_ARGS)

test: lint build
	SKIMA_REQUIRE_BROWSER=1 $(PY) -m pytest tests $(PYTEST_ARGS)

dev: build
	$(PY) -m local.dev --no-build

bench: build
	$(PY) bench/run.py
	$(PY) bench/rediscovery.py
	$(PY) bench/tracker_calls.py

# The real-data halves (../shared/dev-data, split by occupation, written outside the repo) first, then our own sets.
DEVSETS ?= /tmp/skima-devsets
eval: $(STAMP)
	@if [ -d ../shared/dev-data ]; then $(PY) -m eval.devdata --out $(DEVSETS) >/dev/null; \
		else echo "../shared/dev-data not found: only our own sets"; fi
	@for set in $$(ls -d $(DEVSETS)/*-tune $(DEVSETS)/*-heldout 2>/dev/null) eval/sets/*/; do \
		echo "== $$set"; $(VENV)/bin/skima eval --quiet $$set || exit 1; done

deploy: build
	$(VENV)/bin/sam deploy --guided

# A real `sam deploy` of the build onto LocalStack (host mode, no containers), smoke tests against the deployed
# stack, then `sam delete`; installs its own pinned tools under .rehearsal/ (local/rehearsal/tools.py).
rehearse: build
	$(PY) -m local.rehearsal

webhook-url: $(STAMP)
	$(PY) -m local.webhook_url

clean:
	rm -rf .aws-sam $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .grimp_cache
