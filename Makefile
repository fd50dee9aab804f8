# Two entry points for a new user: `make demo` and `make test` (see README).
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install system-deps

$(BIN)/socialguard: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

install: $(BIN)/socialguard

# OCR and the browser for page tests come from Debian's packages.
system-deps:
	@bash scripts/system-deps.sh

demo: install system-deps
	$(BIN)/socialguard demo

test: install system-deps
	$(BIN)/pytest
