# The two Quick start commands: `make site` (build the demo help center) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup site serve test chromium axe postgres bench clean

# Re-install only when the package's requirements change.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

site: setup
	$(BIN)/helpgen build

serve: setup
	$(BIN)/helpgen serve

# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
chromium:
	@command -v /usr/bin/chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# axe-core for the accessibility test, pinned by tests/package-lock.json; never downloads a browser.
tests/node_modules/.installed: tests/package.json tests/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	touch $@

axe: tests/node_modules/.installed

# The insights tests' PostgreSQL (Debian's package, its cluster run by the postgres user): installs and
# starts it, creates the test role and database, prints the URL to export as HELPGEN_TEST_POSTGRES_URL.
# Without it those tests skip and say why; .ci/run always runs them.
postgres:
	@bash .ci/postgres

# One worker per core (pytest-xdist): every test builds into its own temporary folder and serves on its own port.
test: setup chromium axe
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto tests

bench: setup
	$(BIN)/python bench/run.py --articles 1000

clean:
	rm -rf site $(VENV) dist build *.egg-info
