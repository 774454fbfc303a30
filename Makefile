# Quick start: `make demo`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := demo/communique.duckdb

.PHONY: demo test lint clean

$(BIN)/communique: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: $(BIN)/communique
	mkdir -p demo
	rm -f $(DEMO_DB)
	$(BIN)/communique ingest samples/corpus --db $(DEMO_DB)
	@echo
	$(BIN)/communique events --db $(DEMO_DB) --include-negated
	@echo
	$(BIN)/communique quotes --db $(DEMO_DB) --limit 12
	@echo
	@echo "Results are in $(DEMO_DB); try: $(BIN)/communique events --db $(DEMO_DB) --actor HUN --format json"

test: $(BIN)/communique
	$(BIN)/python -m pytest -q

lint: $(BIN)/communique
	$(BIN)/ruff check .

clean:
	rm -rf demo .pytest_cache
