# Inspire's two everyday commands are `make run` and `make test` (see README).
# Everything they need is installed by the targets below from the project's own files:
# Python packages pinned by constraints.txt, front-end assets by package-lock.json,
# Debian packages (Chromium, PostgreSQL) by scripts/install-system-packages.

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
CORPUS ?= $(SHARED)/corpus/reports
export INSPIRE_DATA_DIR ?= $(CURDIR)/var

.PHONY: install install-dev system-packages assets run test test-fast bench clean

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

install: $(PY) assets
	$(PY) -m pip install -q -c constraints.txt -e .

install-dev: $(PY) assets
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'

## Front-end assets (GOV.UK Frontend, htmx; axe-core for the browser tests) from package-lock.json.
assets:
	npm ci --no-audit --no-fund
	bash scripts/build-assets

system-packages:
	bash scripts/install-system-packages

## Install, load the sample corpus into the embedded database (SQLite) and serve it.
run: install
	-$(PY) -m inspire ingest $(CORPUS)  # the corpus holds one bad file on purpose: carry on to serve
	$(PY) -m inspire serve

## Install everything (Python, Debian packages) and run the whole test suite.
test: system-packages install-dev
	bash scripts/test

## The tests without the browser and PostgreSQL runs (for quick local work).
test-fast: install-dev
	$(PY) -m pytest -q -m "not browser and not postgres and not slow" -n 2

bench: install-dev
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) var node_modules
