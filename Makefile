# Jems for Python: the two commands everyone needs.
#
#   make run    install, migrate, load the demo logins and serve http://127.0.0.1:8000
#   make test   install the test tools and run the whole suite on SQLite (PYTEST_ARGS=... passes options)
#
# Both work on a fresh clone (Debian 12, Python 3.11+), as root or as an ordinary user.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
NPM_PREFIX := .cache/npm
AXE_JS := $(NPM_PREFIX)/node_modules/axe-core/axe.min.js

export JEMS_VAR_DIR ?= $(CURDIR)/var
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install install-dev system-deps pdf-fonts apt-packages axe messages migrate demo lint help

help:
	@echo "make run    - install, migrate, load demo data and serve http://$(HOST):$(PORT)"
	@echo "make test   - install test tools and run the whole test suite on SQLite (PYTEST_ARGS=...)"
	@echo "make lint   - ruff check"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { echo "Creating the virtualenv failed: on Debian install python3-venv" >&2; exit 1; }

# Reinstall only when pyproject.toml changes (the stamp files are newer than it otherwise).
$(VENV)/.stamp-run: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --upgrade "pip>=23"
	$(PIP) install --quiet -e ".[postgres,mariadb]"
	touch $@

$(VENV)/.stamp-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --upgrade "pip>=23"
	$(PIP) install --quiet -e ".[dev,postgres,mariadb,s3]"
	touch $@ $(VENV)/.stamp-run

install: $(VENV)/.stamp-run
install-dev: $(VENV)/.stamp-dev

# Compile the translations (.po -> .mo) when there are any and msgfmt (Debian's gettext) is there.
messages: install
	@if [ -n "$$(find src/jems -name '*.po' -path '*/locale/*' -print -quit)" ]; then \
	  if command -v msgfmt >/dev/null 2>&1; then \
	    (cd src/jems && JEMS_DEMO=1 ../../$(BIN)/jems compilemessages -v0); \
	  else \
	    echo "NOTE: msgfmt (Debian package gettext) is missing: translations are not compiled."; \
	  fi; \
	fi

migrate: install messages
	@mkdir -p "$(JEMS_VAR_DIR)"
	JEMS_DEMO=1 $(BIN)/jems migrate --noinput

demo: migrate
	JEMS_DEMO=1 $(BIN)/jems load_demo

run: pdf-fonts demo
	@echo "Serving Jems for Python (demo mode) on http://$(HOST):$(PORT)/ - stop with Ctrl+C"
	JEMS_DEMO=1 JEMS_DEBUG=1 $(BIN)/jems runserver $(HOST):$(PORT)

# The DejaVu fonts of the PDF exports (Latin, Greek, Cyrillic); without them PDFs fall back to a Latin-only font.
pdf-fonts:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$$([ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || echo fonts-dejavu-core)"

# System tools the tests use: Debian's chromium (Playwright drives it), gettext (msgfmt) and the PDF fonts.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	$(MAKE) --no-print-directory apt-packages PACKAGES="$$missing"

# apt-packages PACKAGES="...": install the Debian packages when running as root, else say how.
apt-packages:
	@missing="$(strip $(PACKAGES))"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y --no-install-recommends $$missing \
	      || { apt-get update && apt-get install -y --no-install-recommends $$missing; } \
	      || { echo "ERROR: could not install$$missing" >&2; exit 1; }; \
	  else \
	    echo "NOTE: the Debian packages$$missing are missing; the browser tests, translations or PDF fonts need them."; \
	    echo "      Install them with: sudo apt-get install -y$$missing"; \
	  fi; \
	fi

axe:
	@if [ ! -f "$(AXE_JS)" ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    npm install --silent --no-audit --no-fund --prefix $(NPM_PREFIX) axe-core@4; \
	  else \
	    echo "NOTE: npm is missing, so axe-core (accessibility checks) is not installed: apt-get install npm"; \
	  fi; \
	fi

test: install-dev system-deps axe messages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check src tests bench
