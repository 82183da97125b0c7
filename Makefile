# One command each: `make run` serves the app, `make test` runs every check.
# Both install what they need first (Python packages into .venv, Debian's chromium).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := $(shell cat packages.txt)
# What only the tests need (PostgreSQL for the library store tests); Community Cloud reads
# packages.txt alone.
APT_DEV_PACKAGES := $(APT_PACKAGES) $(shell cat packages-dev.txt)

.PHONY: setup system-packages test-packages node-packages run test lint format bench data

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

# Debian packages from packages.txt (chromium for kaleido and the browser tests, a CJK font).
system-packages:
	@dpkg -s $(APT_PACKAGES) >/dev/null 2>&1 || { \
		echo "installing $(APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null; }

# ...and packages-dev.txt (postgresql for the library tests and benchmarks, haproxy for the
# two-process benchmark).
test-packages:
	@dpkg -s $(APT_DEV_PACKAGES) >/dev/null 2>&1 || { \
		echo "installing $(APT_DEV_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_DEV_PACKAGES) >/dev/null; }

# npm dev dependencies from package-lock.json (axe-core, injected by the accessibility browser
# test); reinstalled when node_modules is missing or package.json/package-lock.json changed.
NPM_STAMP := node_modules/.installed

node-packages: $(NPM_STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NPM_STAMP)

run: setup system-packages
	$(PY) -m ui.serve

# Every check: lint and format, unit and AppTest tests, browser tests on a real server.
test: setup test-packages node-packages lint
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

data: setup
	$(PY) -m lib.build --out build/data

bench: setup test-packages
	$(PY) -m bench.run
