#!/usr/bin/env bash
# Installs what articled needs to build and test, when it is missing: PostgreSQL (server, for the
# local/test clusters), libpq-dev (headers for the build), libssl-dev (libcrypto:
# SHA-256) and libcmark-dev (Markdown). Idempotent; a no-op when all is there.
set -euo pipefail

missing=()
dpkg -s libpq-dev >/dev/null 2>&1 || missing+=(libpq-dev)
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev)
dpkg -s libcmark-dev >/dev/null 2>&1 || missing+=(libcmark-dev)
ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)

if ((${#missing[@]})); then
    echo "installing: ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Debian starts a system cluster on install; articled's scripts use their own clusters and do not need it.
command -v swift >/dev/null 2>&1 || { echo "swift not found on PATH (expected Swift 6.x, e.g. /opt/swift/usr/bin)" >&2; exit 1; }
