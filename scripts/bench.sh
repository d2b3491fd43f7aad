#!/usr/bin/env bash
# `make bench`: drain rate, steady-load latency, peak RSS and the set-based load ceiling of the
# release articled binary against a throwaway PostgreSQL cluster with PostgreSQL's default
# durability (fsync, synchronous_commit and full_page_writes left on).
#
#   BENCH_FILES=20000,100000      backlog sizes to drain, comma-separated
#   BENCH_LATENCY_SECONDS=30      length of the steady-rate run
#   BENCH_RATE=100                files per second in the steady-rate run
#   BENCH_DRAIN_MAX_SECONDS=150   a drain still running after this long is cut and its rate taken so far
#   ARTICLED_INGEST_BATCH_SIZE=…  any ARTICLED_* setting is passed to the daemon under test
#
# The cluster lives in a private /tmp folder (socket only, no TCP), runs as `postgres` when we are
# root (initdb refuses root), and is stopped and removed on exit, as is the work folder.
set -euo pipefail

cd "$(dirname "$0")/.."
export BENCH_FILES=${BENCH_FILES:-20000,100000}
export BENCH_LATENCY_SECONDS=${BENCH_LATENCY_SECONDS:-30}
export BENCH_RATE=${BENCH_RATE:-100}

if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH=/opt/swift/usr/bin:$PATH
fi
scripts/install-deps.sh

echo "bench: building release articled and articled-bench" >&2
swift build -c release --product articled >&2
swift build -c release --product articled-bench >&2
BIN=$(swift build -c release --show-bin-path)

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}
PGPORT=5432 # socket-only in a private folder: no clash with any other cluster
AS=()
WORK=""
PGTMP=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    # A daemon the bench left running (the bench itself was killed): its pid, and only it.
    if [ -n "$WORK" ] && [ -f "$WORK/daemon.pid" ]; then
        kill -TERM "$(cat "$WORK/daemon.pid")" 2>/dev/null || true
        sleep 1
    fi
    if [ -n "$PGTMP" ] && [ -f "$PGTMP/data/PG_VERSION" ]; then
        ( cd / && "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w -t 60 stop >/dev/null 2>&1 ) || true
    fi
    [ -n "$PGTMP" ] && rm -rf "$PGTMP"
    [ -n "$WORK" ] && rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

WORK=$(mktemp -d /tmp/articled-bench.XXXXXX)
PGTMP=$(mktemp -d /tmp/articled-bench-pg.XXXXXX) # short: the socket path must stay under 107 bytes
if [ "$(id -u)" = 0 ]; then
    AS=(runuser -u postgres --)
    chown postgres: "$PGTMP"
fi

echo "bench: starting a throwaway PostgreSQL in $PGTMP (default durability)" >&2
( cd "$PGTMP" &&
  "${AS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 &&
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
      -o "-k $PGTMP -p $PGPORT -c listen_addresses=''" start >/dev/null
) || { cat "$PGTMP/initdb.log" "$PGTMP/server.log" >&2 2>/dev/null || true; exit 1; }
"$PGBIN/pg_isready" -q -h "$PGTMP" -p "$PGPORT" -t 30

CONNINFO="host=$PGTMP port=$PGPORT user=postgres"
"$BIN/articled-bench" --conninfo "$CONNINFO" --articled "$BIN/articled" --work-dir "$WORK" --seeds "$PWD/seeds"
