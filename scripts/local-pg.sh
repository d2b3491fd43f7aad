#!/usr/bin/env bash
# A project-local PostgreSQL for trying articled: a cluster in .local/pg (or $ARTICLED_PGDATA),
# on a Unix socket only, started as the `postgres` user when run as root (initdb refuses root).
# Idempotent: starts it when stopped, creates it when missing. Prints the connection string.
#   scripts/local-pg.sh [start|stop|conninfo]
set -euo pipefail

cd "$(dirname "$0")/.."
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)}
BASE=${ARTICLED_PGDATA:-$PWD/.local/pg}
AS=()
if [ "$(id -u)" = 0 ]; then
    AS=(runuser -u postgres --)
    # postgres must be able to reach the folder; if the project is not traversable, use /tmp.
    if ! runuser -u postgres -- test -x "$PWD" 2>/dev/null && [ -z "${ARTICLED_PGDATA:-}" ]; then
        BASE=/tmp/articled-local-pg
    fi
fi
SOCK="$BASE/sock"
PORT=${ARTICLED_PGPORT:-5432}
CONNINFO="host=$SOCK port=$PORT user=postgres dbname=articled"

start() {
    mkdir -p "$BASE"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$BASE"; fi
    if [ ! -f "$BASE/data/PG_VERSION" ]; then
        "${AS[@]}" mkdir -p "$SOCK"
        "${AS[@]}" "$PGBIN/initdb" -D "$BASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1 \
            || { cat "$BASE/initdb.log" >&2; exit 1; }
    fi
    if ! "$PGBIN/pg_isready" -q -h "$SOCK" -p "$PORT" 2>/dev/null; then
        "${AS[@]}" "$PGBIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w -t 60 \
            -o "-k $SOCK -p $PORT -c listen_addresses=''" start >/dev/null \
            || { tail -n 20 "$BASE/server.log" >&2; exit 1; }
    fi
    "$PGBIN/psql" "host=$SOCK port=$PORT user=postgres dbname=postgres" -qAtc \
        "SELECT 1 FROM pg_database WHERE datname = 'articled'" | grep -q 1 \
        || "$PGBIN/psql" "host=$SOCK port=$PORT user=postgres dbname=postgres" -qc "CREATE DATABASE articled"
    echo "$CONNINFO"
}

case "${1:-start}" in
    start) start ;;
    stop) [ -f "$BASE/data/PG_VERSION" ] && "${AS[@]}" "$PGBIN/pg_ctl" -D "$BASE/data" -m fast -w stop >/dev/null || true ;;
    conninfo) echo "$CONNINFO" ;;
    *) echo "usage: $0 [start|stop|conninfo]" >&2; exit 2 ;;
esac
