# Everything Postflow needs on a fresh machine is installed by these targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast bench proto lint install clean chromium

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## make run: the whole system on embedded defaults (Ctrl-C stops it)
run: $(STAMP)
	$(PY) -m devtools.run

## make test: the whole suite against real processes and a real PostgreSQL
test: $(STAMP) chromium
	$(PY) -m pytest -q

## Debian's Chromium for the browser tests (Playwright cannot download its own here);
## without root or apt, the browser tests are skipped (.ci/run requires them).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: the browser tests will be skipped"; fi; }

## make test-fast: the tests that run in-process, without starting the system
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not system"

## make bench: load benchmarks through HTTP; prints numbers, asserts nothing, and writes
## bench/REPORT.md (each figure beside its target, with the machine and the date)
bench: $(STAMP)
	$(PY) -m bench.posts_api
	$(PY) -m bench.scheduling
	$(PY) -m bench.media
	$(PY) -m bench.realtime --via-gateway
	$(PY) -m bench.moments
	$(PY) -m bench.report

## make proto: regenerate protos/*_pb2*.py from protos/*.proto
proto: $(STAMP)
	$(PY) -m devtools.protogen

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) .data
