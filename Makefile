# articled — common tasks. `make demo` runs the daemon on the seeds; `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local

.PHONY: demo test build release eval eval-real bench bi-check fuzz soak bench-million install local-db status clean

demo:            ## Start the daemon on a local inbox with the seeds dropped in, against a local PostgreSQL.
	scripts/demo.sh

test:            ## Run every test (starts its own throwaway PostgreSQL).
	scripts/test.sh

build:
	scripts/install-deps.sh
	$(SWIFT) build

release:
	scripts/install-deps.sh
	$(SWIFT) build -c release

eval: release    ## Score the normalizer against the fixture corpus.
	.build/release/articled-eval Tests/Fixtures/corpus

eval-real:       ## Score articled and trafilatura on ../shared/realpages (dev and test, text and HTML).
	scripts/eval-real.sh

bench:           ## Benchmark drain rate, latency, RSS and the COPY ceiling (release build, throwaway PostgreSQL).
	scripts/bench.sh

bi-check:        ## Import the Superset bundle (bi/superset) against a filled local database; check every chart returns rows.
	scripts/bi-check.sh

fuzz:            ## libFuzzer + ASan on every parser, FUZZ_SECONDS each (default 60); fails on crash, leak, >1 s input, >1 GB.
	scripts/fuzz.sh

soak:            ## SOAK_KILLS SIGKILLs and SOAK_PG_RESTARTS PostgreSQL restarts during SOAK_FILES-file drains, then the accounting.
	scripts/stress.py soak

bench-million:   ## BACKLOG_FILES (1,000,000) in the inbox: time to first commit, peak RSS, drain rate (cut at BACKLOG_MAX_S).
	scripts/stress.py backlog

install: release ## Install the binary, config and systemd unit (see README, "Run as a service").
	scripts/install.sh "$(PREFIX)"

local-db:        ## Start (or create) the project-local PostgreSQL and print its connection string.
	scripts/local-pg.sh start

status:          ## `articled status` against the project-local database.
	.build/release/articled status --database "$$(scripts/local-pg.sh conninfo)"

clean:
	scripts/local-pg.sh stop
	rm -rf .build .local
