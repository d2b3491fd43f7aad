#!/usr/bin/env bash
# Runs every test: installs missing system packages, builds, and runs `swift test`. The tests start
# their own throwaway PostgreSQL cluster (or use TEST_PG_CONNINFO) and use real folders and inotify.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
# The end-to-end tests run the built `articled` binary.
export ARTICLED_BINARY="$PWD/.build/debug/articled"
swift test --skip-build "$@"
