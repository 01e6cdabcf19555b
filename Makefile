# threadline — developer entry points. Every target creates .venv and installs on its own.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NATIVE := src/threadline/native.json
NATIVE_SOURCES := $(wildcard src/threadline/matching/*.py src/threadline/names/*.py) src/threadline/model/entity.py

.PHONY: install native bench-deps demo test lint snapshot resources clean

# An editable install leaves threadline's own modules uncompiled (pip compiles only what it copies): compiled here,
# a cold `threadline match` does not compile them on every start where bytecode is not written
# (PYTHONDONTWRITEBYTECODE; benchmarks/README.md). A module edited later is read from its newer source: Python
# checks each .pyc against its source's modification time and size.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

# The matching and name code and the entities compiled with mypyc (scripts/build_native.py, about a minute on 2 cores): pairs score
# about 1.45x faster. Rebuilt when any of those sources changes; until then the edited code runs from its source
# (threadline.native). THREADLINE_NATIVE=0 runs the source even when compiled.
$(NATIVE): $(STAMP) $(NATIVE_SOURCES) scripts/build_native.py
	$(BIN)/python scripts/build_native.py

install: $(STAMP) $(NATIVE)

native: $(NATIVE)

# The baselines the benchmarks compare with (nomenklatura's logic-v1 and logic-v2); neither CI nor the tests need them.
bench-deps: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev,bench]'

demo: $(STAMP) $(NATIVE)
	$(BIN)/threadline lists
	$(BIN)/threadline screen src/threadline/resources/demo/suppliers.csv \
		--out demo-output/results.jsonl --report demo-output/report.html
	$(BIN)/threadline trace --example --out demo-output/trace.jsonl --report demo-output/trace.html \
		--graphml demo-output/trace.graphml

test: $(STAMP) $(NATIVE)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy src

# Rebuild the embedded default snapshot from ../shared/data.
snapshot: $(STAMP)
	$(BIN)/python scripts/build_snapshot.py

# Regenerate every reference table in src/threadline/resources from ../shared/data (order matters: the
# gazetteer drops names found in the national table, and the calibration is fitted with the glossary).
resources: $(STAMP)
	$(BIN)/python scripts/build_china_divisions.py
	$(BIN)/python scripts/build_gazetteer.py
	$(BIN)/python scripts/build_sectors.py
	$(BIN)/python scripts/build_hs.py
	$(BIN)/python scripts/build_dictionary.py
	$(BIN)/python scripts/build_cantonese.py
	$(BIN)/python scripts/build_opencc_gate.py
	$(BIN)/python scripts/build_korean.py
	$(BIN)/python scripts/build_glossary.py
	$(BIN)/python scripts/build_shortforms.py
	$(BIN)/python scripts/build_calibration.py
	$(BIN)/python scripts/build_demo_suppliers.py
	$(BIN)/python scripts/build_snapshot.py

clean:
	test ! -x $(BIN)/python || $(BIN)/python scripts/build_native.py --clean
	rm -rf $(VENV) demo-output .pytest_cache .mypy_cache .ruff_cache build
