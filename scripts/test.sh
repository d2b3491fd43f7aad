#!/usr/bin/env bash
# Runs every test: installs missing system packages, builds, and runs `swift test`. The tests start
# their own throwaway PostgreSQL cluster (or use TEST_PG_CONNINFO) and use real folders and inotify.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
# The end-to-end tests run the built `articled` binary.
export ARTICLED_BINARY="$PWD/.build/debug/articled"
if [ $# -gt 0 ]; then
    exec swift test --skip-build "$@"
fi
# Two runs. The tests that start the daemon as a process and hold it to deadlines (stop within 10 s,
# a lock wait seen in time) run one at a time, after the rest: run in parallel with everything else
# on a 2-core machine, their async steps waited minutes for a thread of the test process, because
# the synchronous database tests hold both threads of its cooperative pool. The intake's and the search
# pass's in-process shutdown tests wait on the same pool, so they run with them.
daemon_suites='IngestTests\.(DaemonTests|DaemonResilienceTests|DaemonInboxTroubleTests|SystemdIntegrationTests|IngestServiceTests|SearchIndexServiceTests|ClusterServiceTests)'
swift test --skip-build --skip "$daemon_suites"
swift test --skip-build --no-parallel --filter "$daemon_suites"
