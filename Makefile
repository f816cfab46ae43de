# Two commands matter: `make serve` and `make test`. Each sets up what it needs first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# The browser for tests and PDFs: Debian's Chromium unless the environment names another.
export CHROMIUM ?= /usr/bin/chromium

SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
NPM_STAMP := node_modules/.installed

.PHONY: setup serve build test test-unit test-build test-browser test-export pdf anki offline bench clean system-packages

$(SITE_STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python >= 3.11 is needed"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(TEST_STAMP): $(SITE_STAMP) requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(SITE_STAMP) $(NPM_STAMP)

# Debian's Chromium, poppler-utils and a Java runtime (the Nu HTML checker), for browser, print,
# PDF and HTML tests (installed only when missing).
system-packages:
	@missing=""; \
	test -x "$(CHROMIUM)" || missing="$$missing chromium"; \
	command -v pdfinfo >/dev/null || missing="$$missing poppler-utils"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

serve: setup
	HANDBOOK_SERVE=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: setup
	$(BIN)/mkdocs build --strict --clean

# Two workers (most tests wait on Chromium or a subprocess); tests/conftest.py keeps each file's
# tests on one worker and the export tests together, so nothing heavy is made twice.
test: setup $(TEST_STAMP) system-packages
	$(BIN)/pytest -n 2

test-unit: setup $(TEST_STAMP)
	$(BIN)/pytest tests/unit

test-build: setup $(TEST_STAMP)
	$(BIN)/pytest tests/build

test-browser: setup $(TEST_STAMP) system-packages
	$(BIN)/pytest tests/browser

test-export: setup $(TEST_STAMP) system-packages
	$(BIN)/pytest tests/export

# Downloads: one-page PDFs and the whole handbook (headless Chromium), then the Anki deck.
pdf: build $(TEST_STAMP) system-packages
	$(BIN)/python -m scripts.export_pdf site
	$(MAKE) anki

anki: setup $(TEST_STAMP)
	$(BIN)/python -m scripts.export_anki site/downloads

# The site built for reading from a folder with no server, zipped into the downloads it links to.
offline: pdf
	$(BIN)/python -m scripts.export_offline site/downloads

bench: setup $(TEST_STAMP) system-packages
	$(BIN)/python -m scripts.bench

clean:
	rm -rf site .pytest_cache
