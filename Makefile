# cegraph: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libsqlite3-dev zlib1g-dev libgraphviz-dev graphviz libcairo2-dev libpango1.0-dev
BENCH_APT_PACKAGES := sqlite3 time
# Optional, for the browser tests (headless Chromium through chromedriver) and the crash
# suite's kills at exact system calls (strace); without them those tests are skipped.
# `make test BROWSER_APT_PACKAGES=` leaves them out.
BROWSER_APT_PACKAGES := chromium chromium-driver strace
# Optional, for the briefing pack's PDF checks (pdftotext, pdfinfo); without it they are
# skipped and say so. `make test PDF_APT_PACKAGES=` leaves it out.
PDF_APT_PACKAGES := poppler-utils
DEMO_DB := demo.sqlite
# The demo's synthetic case workflow runs in the Merseyside authority with the most
# generated children (Liverpool, for the demo's seed), up to the day it is built.
DEMO_AREA := E08000012
# What `cegraph demo` printed: the quarter of its busiest panel is read from it.
DEMO_SUMMARY := demo-summary.txt

.PHONY: deps pydeps browserdeps build run serve serve-demo test bench bench-queries clean

## Install the Debian packages cegraph needs, when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES) $(EXTRA_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --product cegraph

## Build, load the synthetic demo picture into ./demo.sqlite and run a first query.
run: build
	$$($(SWIFT) build --show-bin-path)/cegraph demo --db $(DEMO_DB) | tee $(DEMO_SUMMARY)
	@echo
	@echo '$$ cegraph --db $(DEMO_DB) show CH0'
	@$$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) show CH0 --reason "first look at the demo"
	@echo
	@echo '$$ cegraph --db $(DEMO_DB) search "zz00 aaa"'
	@$$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) search "zz00 aaa" --reason "first look at the demo"
	@echo
	@echo '$$ cegraph --db $(DEMO_DB) query marthr --top 2   (first 20 lines)'
	@$$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) query marthr --top 2 --reason "first look at the demo" | cut -c1-160 | head -n 20
	@echo
	@echo '$$ cegraph --db $(DEMO_DB) render CH0 --hops 1 -o demo-CH0.svg'
	@$$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) render CH0 --hops 1 -o demo-CH0.svg --reason "first look at the demo"
	@echo "wrote demo-CH0.svg (panel audience): open it in a browser"
	@echo
	@echo '$$ cegraph --db $(DEMO_DB) case overdue --area $(DEMO_AREA)'
	@$$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) case overdue --area $(DEMO_AREA) --reason "first look at the demo"
	@echo
	@quarter=$$(grep -o -e '--quarter [0-9]*Q[1-4]' $(DEMO_SUMMARY) | cut -d' ' -f2); \
	echo "\$$ cegraph --db $(DEMO_DB) report quarterly --area $(DEMO_AREA) --quarter $$quarter --format md -o demo-$$quarter.md"; \
	$$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) report quarterly --area $(DEMO_AREA) --quarter $$quarter --format md -o demo-$$quarter.md --reason "first look at the demo" && \
	echo "(the first 30 lines of demo-$$quarter.md; its charts are the demo-$$quarter-*.svg files beside it)" && \
	head -n 30 demo-$$quarter.md
	@echo
	@$(MAKE) --no-print-directory serve-demo

## The web service on the demo data, with one synthetic account per role (password
## "demo password ROLE"); stop it with Ctrl-C.
DEMO_PORT ?= 8080
serve: build
	$$($(SWIFT) build --show-bin-path)/cegraph demo --db $(DEMO_DB) >/dev/null
	@$(MAKE) --no-print-directory serve-demo

serve-demo:
	@for role in analyst ccset_coordinator marthr_chair maccse_coordinator panel_member auditor admin; do \
	  scope=""; [ $$role = panel_member ] && scope="--panel $(DEMO_AREA) --agency health"; \
	  [ $$role = maccse_coordinator ] && scope="--area $(DEMO_AREA) --agency childrens_services"; \
	  echo "demo password $$role" | $$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) account add $$role --role $$role $$scope --password-stdin >/dev/null; \
	done
	@echo "cegraph is serving the demo at http://127.0.0.1:$(DEMO_PORT)/  (Ctrl-C to stop)"
	@echo "demo accounts, each with the password \"demo password ROLE\": analyst, ccset_coordinator, marthr_chair,"
	@echo "  maccse_coordinator (Liverpool's, not police), panel_member (sits on the Liverpool panel for health:"
	@echo "  sees only the children on its agendas), auditor, admin (docs/ROLES.md)"
	@echo "the JSON API is described in docs/openapi.json (also at /openapi.json)"
	$$($(SWIFT) build --show-bin-path)/cegraph --db $(DEMO_DB) serve --port $(DEMO_PORT)

## NetworkX for the export checks, in .build-venv (from PyPI, or a local wheel mirror); a
## machine without it skips those checks and says so.
pydeps:
	@[ -x .build-venv/bin/python ] && .build-venv/bin/python -c 'import networkx, anxwritter' 2>/dev/null || \
	  { python3 -m venv .build-venv && .build-venv/bin/pip install -q networkx anxwritter; } || \
	  echo "NetworkX could not be installed: the export checks that use it will be skipped"

## Debian's Chromium and chromedriver for the browser tests (Tests/CLITests/BrowserTests.swift),
## strace for the crash suite (Tests/CLITests/CrashTests.swift) and poppler-utils for the
## briefing pack's PDF checks, when missing; a machine where they cannot be installed skips
## those tests and says so.
browserdeps:
	@missing=""; for p in $(BROWSER_APT_PACKAGES) $(PDF_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing (optional, for the browser tests, the crash suite and the PDF checks):$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo -n"; fi; \
	  $$SUDO apt-get install -y -qq $$missing >/dev/null 2>&1 || \
	    { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; } || \
	    echo "Chromium, strace or poppler-utils could not be installed: the browser tests, the crash suite's system-call kills or the PDF checks will be skipped"; \
	fi

## Build everything and run every test: the crash suite on its own first (so that its load
## does not slow the timed tests beside it, nor theirs its kills), then the rest.
test: deps pydeps browserdeps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest --filter CrashTests
	$(SWIFT) test --skip-build --disable-xctest --skip CrashTests

## The import benchmark (release build, generate --scale large); see Benchmarks/README.md.
bench:
	$(MAKE) deps EXTRA_APT="$(BENCH_APT_PACKAGES)"
	Benchmarks/import.sh

## The query benchmark against NetworkX, igraph and SQLite (needs python3-venv); see Benchmarks/README.md.
bench-queries:
	$(MAKE) deps EXTRA_APT="python3-venv"
	Benchmarks/query.sh

clean:
	rm -rf .build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).audit-key $(DEMO_DB).audit-head
