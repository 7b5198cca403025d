# Inspire's two everyday commands are `make run` and `make test` (see README).
# Everything they need is installed by the targets below from the project's own files:
# Python packages pinned by constraints.txt, front-end assets by package-lock.json,
# Debian packages (Chromium, PostgreSQL) by scripts/install-system-packages.

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
# The development corpus when it is beside the checkout, else the sample packaged with Inspire.
SAMPLE := inspire/sample/reports
CORPUS ?= $(if $(wildcard $(SHARED)/corpus/reports),$(SHARED)/corpus/reports,$(SAMPLE))
export INSPIRE_DATA_DIR ?= $(CURDIR)/var

.PHONY: install install-dev system-packages assets run test test-fast lint bench clean

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
	@test -d "$(CORPUS)" || { echo "make run: no reports at $(CORPUS); give their folder: make run CORPUS=path/to/reports" >&2; exit 2; }
	@if [ "$(CORPUS)" = "$(SAMPLE)" ]; then echo "make run: $(SHARED)/corpus is not beside this checkout, so Inspire loads its packaged sample (15 reports)"; fi
	$(PY) -m inspire ingest --allow-failures $(CORPUS)  # the corpus holds one bad file on purpose: report it, carry on to serve
	$(PY) -m inspire serve

## Install everything (Python, Debian packages) and run the whole test suite.
test: system-packages install-dev lint
	bash scripts/test

## ruff: the code is formatted as `ruff format` leaves it and passes `ruff check` (pyproject.toml).
lint: install-dev
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

## The tests without the browser and PostgreSQL runs (for quick local work).
test-fast: install-dev
	$(PY) -m pytest -q -m "not browser and not postgres and not slow" -n 2

bench: install-dev
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) var node_modules
