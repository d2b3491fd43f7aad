#!/usr/bin/env bash
# Installs the release build, the example config and the systemd unit:
#   scripts/install.sh [PREFIX]   (default /usr/local)
# Then: edit /etc/articled/articled.toml, put credentials in /etc/articled/pgpass (0600),
# and `systemctl enable --now articled`.
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX=${1:-/usr/local}
install -D -m 0755 .build/release/articled "$PREFIX/bin/articled"
install -d -m 0755 /etc/articled
[ -e /etc/articled/articled.toml ] || sed 's#^path = .*#path = "/var/lib/articled/inbox"#' config/articled.toml \
    | install -m 0644 /dev/stdin /etc/articled/articled.toml
[ -e /etc/articled/pgpass ] || install -m 0600 /dev/null /etc/articled/pgpass
sed "s#/usr/local/bin/articled#$PREFIX/bin/articled#" systemd/articled.service \
    | install -D -m 0644 /dev/stdin /etc/systemd/system/articled.service
install -D -m 0644 README.md "$PREFIX/share/doc/articled/README.md"
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
echo "installed $PREFIX/bin/articled, /etc/articled/articled.toml, /etc/systemd/system/articled.service"
