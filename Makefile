# articled — common tasks. `make demo` runs the daemon on the seeds; `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local

.PHONY: demo test build release eval eval-real bench install local-db status clean

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

install: release ## Install the binary, config and systemd unit (see README, "Run as a service").
	scripts/install.sh "$(PREFIX)"

local-db:        ## Start (or create) the project-local PostgreSQL and print its connection string.
	scripts/local-pg.sh start

status:          ## `articled status` against the project-local database.
	.build/release/articled status --database "$$(scripts/local-pg.sh conninfo)"

clean:
	scripts/local-pg.sh stop
	rm -rf .build .local
