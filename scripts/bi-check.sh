#!/usr/bin/env bash
# Proves the BI views with a real BI tool: installs Apache Superset into .local/bi-venv (once; about
# 800 MB), fills a local articled database from seeds/ plus generated articles, imports the Superset
# bundle in bi/superset/ and checks through Superset's REST API that every chart's query returns rows
# and that column descriptions come from the view comments. Prints what it checked and how long it took.
#   scripts/bi-check.sh            (make bi-check)
# Environment: BI_STORIES (generated stories, default 150), SUPERSET_SPEC (pip requirement).
set -euo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
step() { printf 'bi-check [%3ds] %s\n' "$(( $(date +%s) - START ))" "$*"; }

ROOT=$PWD
BI=$ROOT/.local/bi
VENV=$ROOT/.local/bi-venv
SUPERSET_SPEC=${SUPERSET_SPEC:-apache-superset==6.1.*}
mkdir -p "$BI"

step "system packages and the articled binary"
scripts/install-deps.sh >/dev/null
swift build --product articled >"$BI/build.log" 2>&1 || { tail -n 30 "$BI/build.log" >&2; exit 1; }
ARTICLED=$ROOT/.build/debug/articled

if [ ! -x "$VENV/bin/superset" ] || ! "$VENV/bin/python" -c "import superset, psycopg2, rich, cachetools" 2>/dev/null; then
    step "installing $SUPERSET_SPEC into $VENV (a few minutes, once)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    # Superset 6.1 does not declare these, but its CLI, its database engine specs and the PostgreSQL
    # driver need them.
    "$VENV/bin/pip" install -q "$SUPERSET_SPEC" rich psycopg2-binary cachetools "flask-caching<2.3.1" >"$BI/pip.log" 2>&1 \
        || { tail -n 30 "$BI/pip.log" >&2; exit 1; }
fi
step "superset $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("apache-superset"))')"

# A PostgreSQL cluster of its own (socket only, trust auth), so the check never touches `make demo`'s.
export ARTICLED_PGDATA=$BI/pg
BASE_CONNINFO=$(scripts/local-pg.sh start)
SOCK=$(sed -E 's/.*host=([^ ]+).*/\1/' <<<"$BASE_CONNINFO")
PORT=$(sed -E 's/.*port=([^ ]+).*/\1/' <<<"$BASE_CONNINFO")
ADMIN="host=$SOCK port=$PORT user=postgres"
stop_pg() { scripts/local-pg.sh stop; }
trap stop_pg EXIT
psql "$ADMIN dbname=postgres" -qc "DROP DATABASE IF EXISTS articled_bi" -c "CREATE DATABASE articled_bi"
DB="$ADMIN dbname=articled_bi"

step "articled migrate and ingest (seeds + generated articles)"
"$ARTICLED" migrate --database "$DB"
# The login a BI tool uses: a member of the read-only role, nothing more.
psql "$DB" -v ON_ERROR_STOP=1 -qc "DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'articled_bi') THEN CREATE ROLE articled_bi LOGIN; END IF;
    GRANT articled_reader TO articled_bi; END \$\$"
rm -rf "$BI/articles"
python3 bi/generate_articles.py "$BI/articles" --stories "${BI_STORIES:-150}"
"$ARTICLED" ingest --database "$DB" seeds "$BI/articles" | tail -n 3
psql "$DB" -qAtc "SELECT 'articles ' || count(*) || ', stories ' || count(DISTINCT canonical_id) || ', publishers '
                         || count(DISTINCT publisher) || ', languages ' || count(DISTINCT language) FROM articled.articles"

step "superset metadata store, admin user, bundle import"
export ARTICLED_BI_HOME=$BI
export SUPERSET_CONFIG_PATH=$ROOT/bi/superset_config.py
export FLASK_APP=superset
[ -f "$BI/secret" ] || "$VENV/bin/python" -c "import secrets; print(secrets.token_urlsafe(42))" >"$BI/secret"
[ -f "$BI/admin-password" ] || "$VENV/bin/python" -c "import secrets; print(secrets.token_urlsafe(16))" >"$BI/admin-password"
export ARTICLED_BI_SECRET=$(cat "$BI/secret")
ADMIN_PASSWORD=$(cat "$BI/admin-password")
rm -f "$BI/superset.db"
"$VENV/bin/superset" db upgrade >"$BI/superset-init.log" 2>&1 || { tail -n 30 "$BI/superset-init.log" >&2; exit 1; }
"$VENV/bin/superset" fab create-admin --username admin --firstname bi --lastname check \
    --email admin@localhost --password "$ADMIN_PASSWORD" >>"$BI/superset-init.log" 2>&1
"$VENV/bin/superset" init >>"$BI/superset-init.log" 2>&1 || { tail -n 30 "$BI/superset-init.log" >&2; exit 1; }
URI="postgresql+psycopg2://articled_bi@/articled_bi?host=$SOCK&port=$PORT"
"$VENV/bin/python" bi/superset_bundle.py "$BI/articled-dashboard.zip" "$URI" >/dev/null
"$VENV/bin/superset" import-dashboards -p "$BI/articled-dashboard.zip" -u admin >"$BI/import.log" 2>&1 \
    || { tail -n 30 "$BI/import.log" >&2; exit 1; }

step "checking charts and column descriptions through the REST API"
"$VENV/bin/python" bi/check_superset.py "host=$SOCK port=$PORT user=articled_bi dbname=articled_bi" "$ADMIN_PASSWORD" 2>&1 \
    | grep -v -E '^(WARNING|INFO|DEBUG)|^\s*$|Logger|warnings.warn'
step "passed"
