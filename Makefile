# The README's two commands are `make run` and `make test`; both set up a fresh machine first.
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sqlite:///kommunkoll.db

.PHONY: setup run test test-fast lint samples schema clean

setup:
	@scripts/setup.sh

## Ingest every bundled sample PDF through the flow into a SQLite file (leaving them in place), then summarise.
run: setup
	$(BIN)/kommunkoll ingest samples --keep --db $(DB)

## Lint and run the whole test suite.
test: setup lint
	$(BIN)/python -m pytest

## Only the fast tests (skips those marked slow).
test-fast: setup lint
	$(BIN)/python -m pytest -m "not slow"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Rebuild samples/ (needs LibreOffice: apt-get install libreoffice-writer-nogui).
samples: setup
	$(BIN)/python samples/generate.py
	$(BIN)/python samples/generate_random.py

## Regenerate the committed JSON Schema of the extraction contract.
schema: setup
	$(BIN)/kommunkoll schema --out schema/extraction.schema.json

clean:
	rm -rf $(VENV) kommunkoll.db kommunkoll.db-wal kommunkoll.db-shm .pytest_cache .ruff_cache .hypothesis
