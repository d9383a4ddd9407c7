# The two commands: `make build` and `make test`. Both set up what they need first.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: build test setup setup-test clean

build: setup
	$(PY) build.py build

test: setup-test
	$(PY) -m ruff check .
	$(PY) -m pytest

setup: $(STAMP)
	@sh tools/setup-system.sh
	@PYBABEL=$(VENV)/bin/pybabel sh tools/i18n.sh compile >/dev/null

setup-test: $(STAMP)
	@sh tools/setup-system.sh test
	@PYBABEL=$(VENV)/bin/pybabel sh tools/i18n.sh compile >/dev/null
	@[ -f node_modules/axe-core/axe.min.js ] || npm install --no-save --no-audit --no-fund --no-package-lock --prefix . axe-core@4

$(STAMP): pyproject.toml
	@python3 -m venv $(VENV) 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

clean:
	rm -rf site .pytest_cache
