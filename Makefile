# The two commands: `make build` and `make test` (and `make check`, `make serve`). Each sets up
# what it needs first, once: the stamp files in .venv/ make the next run start at once.
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed
TESTED := $(VENV)/.installed-test
PO     := $(wildcard toolkit_builder/locales/*/LC_MESSAGES/toolkit.po)
MO     := $(PO:.po=.mo)

.PHONY: build check serve test setup setup-test clean

build: setup
	./build.py build

check: setup
	./build.py check

serve: setup
	./build.py serve

test: setup-test
	$(PY) -m ruff check .
	$(PY) -m pytest

setup: $(STAMP) $(MO)
	@sh tools/setup-system.sh

setup-test: $(TESTED) $(MO)
	@sh tools/setup-system.sh test
	@[ -f node_modules/axe-core/axe.min.js ] || { \
	  echo "Installing axe-core from npm (a few seconds)…"; \
	  npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
	    --prefix . axe-core@4; }

$(VENV)/bin/pip:
	@sh tools/setup-system.sh venv
	@echo "Creating the Python environment in $(VENV)/ (a few seconds)…"
	@python3 -m venv $(VENV)
	@$(PIP) install --quiet --upgrade pip

# The package (editable) and the build's dependencies only; `make test` adds the test tools.
$(STAMP): pyproject.toml | $(VENV)/bin/pip
	@echo "Installing Python packages for the build (about a minute on first run)…"
	@$(PIP) install --progress-bar off -e .
	@touch $@

$(TESTED): $(STAMP)
	@echo "Installing the test tools: pytest, Playwright, pypdf, ruff, … (a minute on first run)…"
	@$(PIP) install --progress-bar off -e ".[test]"
	@touch $@

# The interface words' catalogues, compiled again only when a .po file changed.
$(MO) &: $(PO) | $(STAMP)
	@out=$$(PYBABEL=$(VENV)/bin/pybabel sh tools/i18n.sh compile 2>&1) || { echo "$$out" >&2; exit 1; }

clean:
	rm -rf site .pytest_cache
