#!/usr/bin/env bash
# Runs articled on the seeds: builds it, starts a project-local PostgreSQL, drops the seeds into
# .local/demo/inbox and runs the daemon in the foreground (Ctrl-C stops it). Idempotent.
# With ARTICLED_DATABASE_URL set, that database is used instead of the local one.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product articled
DB=${ARTICLED_DATABASE_URL:-$(scripts/local-pg.sh start)}
DEMO=$PWD/.local/demo
mkdir -p "$DEMO/inbox"
cp seeds/*.txt "$DEMO/inbox/"
echo "inbox: $DEMO/inbox   database: $DB" >&2
echo "drop more files into the inbox; in another shell: make status" >&2
exec .build/release/articled run --config config/articled.toml --inbox "$DEMO/inbox" --database "$DB" "$@"
