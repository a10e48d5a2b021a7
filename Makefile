# The two commands a newcomer needs: `make site` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
CHROMIUM := /usr/bin/chromium
JAVA := $(shell command -v java || echo /usr/bin/java)
NPM := $(shell command -v npm || echo /usr/bin/npm)
VNU := node_modules/vnu-jar/build/dist/vnu.jar
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint check-html bench serve check check-github pages schema goldens clean

$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

site: $(READY)  ## Build the site into site/ (strict: any warning fails); pages whose inputs are unchanged come from .cache/pages
	$(BIN)/mkdocs build --strict --dirty

test: lint $(CHROMIUM) $(JAVA) $(VNU)  ## Lint, type-check, then run the whole test suite (browser tests and HTML checks included)
	$(BIN)/python -m pytest

check-html: $(READY) $(JAVA) $(VNU)  ## Only the Nu HTML Checker and the link checker, on freshly built sites
	$(BIN)/python -m pytest tests/test_html_checks.py

$(CHROMIUM):  ## Debian's Chromium, which the browser tests drive through Playwright
	$(SUDO) apt-get install -y --no-install-recommends chromium || \
	  ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium)

$(JAVA):  ## Debian's Java runtime, which runs the Nu HTML Checker
	$(SUDO) apt-get install -y --no-install-recommends default-jre-headless || \
	  ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends default-jre-headless)

$(NPM):  ## Debian's npm, which installs the Nu HTML Checker
	$(SUDO) apt-get install -y --no-install-recommends npm || \
	  ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends npm)

$(VNU): package.json package-lock.json | $(NPM)  ## The Nu HTML Checker (vnu.jar) and Lighthouse, as package-lock.json pins them
	$(NPM) ci --ignore-scripts --no-audit --no-fund
	touch $(VNU)

lint: $(READY)  ## ruff (lint and format) and mypy, as CI runs them
	$(BIN)/ruff check generator site_config tests benchmarks
	$(BIN)/ruff format --check generator site_config tests benchmarks
	$(BIN)/mypy generator site_config/hooks.py benchmarks

serve: $(READY)  ## Preview on http://127.0.0.1:8000; editing content/ rebuilds
	$(BIN)/mkdocs serve --dirty

check: $(READY)  ## Validate content/ and report every problem
	$(BIN)/python -m generator check

check-github: $(READY)  ## The same, with GitHub annotations for pull requests
	$(BIN)/python -m generator check --format github

pages: $(READY)  ## Write the generated Markdown to build/pages/ for inspection
	$(BIN)/python -m generator build

schema: $(READY)  ## Regenerate the JSON Schema files in site_config/schema/
	$(BIN)/python -m generator schema

goldens: $(READY)  ## Refresh the golden files after an intended rendering change
	$(BIN)/python -m pytest tests/test_golden.py --update-goldens

bench: $(READY) $(CHROMIUM)  ## Benchmarks at 1,000 / 3,000 / 10,000 measures -> benchmarks/results.md and results.json
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) site build node_modules
