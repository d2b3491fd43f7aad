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
#   BENCH_PEER=0                  skip the peer (scripts/peer-ingest.py) drains
#   BENCH_PG_STATS=FILE           load pg_stat_statements (track = all, so statements inside PL/pgSQL count)
#                                 and write, per database in creation order (drain, peer, latency, ceiling),
#                                 the costliest statements of the first two (drain and peer) to FILE
#
# After each articled drain the same files are drained by the peer script — watchdog + psycopg 3, one
# INSERT and one COMMIT per file — into a fresh database of the same cluster, and the ratio printed.
# Its packages are installed from PyPI into a throwaway venv under .local/peer-venv (kept between runs).
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

PEER_ARGS=()
if [ "${BENCH_PEER:-1}" != 0 ]; then
    VENV=$PWD/.local/peer-venv
    if ! "$VENV/bin/python" -c 'import psycopg, watchdog' >/dev/null 2>&1; then
        if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
            # Debian's python3 makes venvs only with python3-venv.
            echo "bench: installing python3-venv for the peer script's venv" >&2
            SUDO=""
            [ "$(id -u)" = 0 ] || SUDO="sudo"
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
        fi
        echo "bench: installing psycopg 3 and watchdog into $VENV for the peer script" >&2
        python3 -m venv "$VENV" >&2
        "$VENV/bin/pip" install -q "psycopg[binary]==3.3.9" "watchdog==7.1.0" >&2
    fi
    PEER_ARGS=(--peer-python "$VENV/bin/python" --peer-script "$PWD/scripts/peer-ingest.py")
fi

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}
PGPORT=5432 # socket-only in a private folder: no clash with any other cluster
AS=()
WORK=""
PGTMP=""

# Statement statistics of the whole run, per database (the bench drops its databases, so they are told
# apart by oid, which follows creation order). Times are milliseconds of server time, nested statements
# included in their caller's total as well as listed on their own.
pg_stats() {
    ( cd / && "${AS[@]}" "$PGBIN/psql" -X -h "$PGTMP" -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -P pager=off <<'SQL'
\pset format aligned
SELECT dense_rank() OVER (ORDER BY dbid) AS db, count(*) AS statements, round(sum(total_exec_time)::numeric) AS total_ms
  FROM pg_stat_statements WHERE dbid <> (SELECT oid FROM pg_database WHERE datname = 'postgres')
 GROUP BY dbid ORDER BY dbid;
WITH s AS (
    SELECT dense_rank() OVER (ORDER BY dbid) AS db, toplevel, calls, rows, total_exec_time, mean_exec_time,
           shared_blks_hit + shared_blks_read AS blks, wal_bytes, query
      FROM pg_stat_statements WHERE dbid <> (SELECT oid FROM pg_database WHERE datname = 'postgres'))
SELECT db, toplevel AS top, calls, rows, round(total_exec_time::numeric) AS total_ms,
       round(mean_exec_time::numeric, 3) AS mean_ms, blks, pg_size_pretty(wal_bytes) AS wal,
       left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS query
  FROM s WHERE db <= 2 ORDER BY db, total_exec_time DESC LIMIT 80;
SQL
    )
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    # A daemon or peer script the bench left running (the bench itself was killed): its pid, and only it.
    for pidfile in "$WORK/daemon.pid" "$WORK/peer.pid"; do
        if [ -n "$WORK" ] && [ -f "$pidfile" ]; then
            kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
            sleep 1
        fi
    done
    if [ -n "${BENCH_PG_STATS:-}" ] && [ -n "$PGTMP" ] && [ -S "$PGTMP/.s.PGSQL.$PGPORT" ]; then
        pg_stats >"$BENCH_PG_STATS" 2>&1 || true
        echo "bench: statement statistics in $BENCH_PG_STATS" >&2
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

PGSTATS_OPTS=""
if [ -n "${BENCH_PG_STATS:-}" ]; then
    BENCH_PG_STATS=$(realpath -m "$BENCH_PG_STATS")
    PGSTATS_OPTS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.max=5000"
fi
echo "bench: starting a throwaway PostgreSQL in $PGTMP (default durability)" >&2
( cd "$PGTMP" &&
  "${AS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 &&
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
      -o "-k $PGTMP -p $PGPORT -c listen_addresses='' ${PGSTATS_OPTS:-}" start >/dev/null
) || { cat "$PGTMP/initdb.log" "$PGTMP/server.log" >&2 2>/dev/null || true; exit 1; }
"$PGBIN/pg_isready" -q -h "$PGTMP" -p "$PGPORT" -t 30

CONNINFO="host=$PGTMP port=$PGPORT user=postgres"
if [ -n "$PGSTATS_OPTS" ]; then
    ( cd / && "${AS[@]}" "$PGBIN/psql" -X -q -h "$PGTMP" -p "$PGPORT" -U postgres -d postgres \
        -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' -c 'SELECT pg_stat_statements_reset()' >/dev/null )
fi
"$BIN/articled-bench" --conninfo "$CONNINFO" --articled "$BIN/articled" --work-dir "$WORK" --seeds "$PWD/seeds" "${PEER_ARGS[@]}"
