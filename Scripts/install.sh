#!/usr/bin/env bash
# Installs Ampwise as a service (README: "Install it as a service"):
#
#   PREFIX/bin/ampwise                      the release build (one file, no Swift toolchain needed)
#   /etc/ampwise/ampwise.json               a commented default configuration (kept if present)
#   /etc/ampwise/README                     what is where
#   /etc/ampwise/rules/                     starter.rules (kept if present) and examples/ (refreshed)
#   /var/lib/ampwise/                       the database, owned by the user ampwise
#   /etc/systemd/system/ampwise.service     the unit, with the usual hardening
#   /usr/lib/sysusers.d/ampwise.conf        the system user ampwise
#
# Usage: Scripts/install.sh [--prefix DIR] [--root DIR] [--binary FILE]
#   --prefix DIR   where bin/ampwise goes (default /usr/local)
#   --root DIR     install into DIR as if it were / (an image, a chroot, a test); nothing outside it
#                  is touched: no user is created, systemd is not told
#   --binary FILE  install this binary instead of building one
#                  (swift build -c release --static-swift-stdlib --product ampwise)
set -euo pipefail
repository="$(cd "$(dirname "$0")/.." && pwd)"
prefix=/usr/local
root=""
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        --root) root="${2:?--root needs a folder}"; shift 2 ;;
        --root=*) root="${1#*=}"; shift ;;
        --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
        --binary=*) binary="${1#*=}"; shift ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
case "$prefix" in /*) ;; *) echo "install.sh: --prefix must be an absolute path, not '$prefix'" >&2; exit 2 ;; esac
if [ -n "$root" ]; then
    mkdir -p "$root"
    root="$(cd "$root" && pwd)"
elif [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: installing into / needs root (sudo), or give --root DIR" >&2
    exit 1
fi

if [ -z "$binary" ]; then
    echo "== building the release binary (swift build -c release --static-swift-stdlib)"
    (cd "$repository" && swift build -c release --static-swift-stdlib --product ampwise)
    binary="$(cd "$repository" && swift build -c release --static-swift-stdlib --show-bin-path)/ampwise"
fi
[ -x "$binary" ] || { echo "install.sh: $binary: not an executable" >&2; exit 1; }

bin="$root$prefix/bin"
etc="$root/etc/ampwise"
data="$root/var/lib/ampwise"
unit="$root/etc/systemd/system/ampwise.service"
sysusers="$root/usr/lib/sysusers.d/ampwise.conf"

echo "== installing into ${root:-/}"
install -d -m 0755 "$bin" "$etc" "$etc/rules" "$etc/rules/examples" "$(dirname "$unit")" "$(dirname "$sysusers")"
install -d -m 0750 "$data"
# Stripped: the symbols are a third of the file and nothing on a server reads them.
install -m 0755 "$binary" "$bin/ampwise.new"
strip "$bin/ampwise.new" 2>/dev/null || true
mv -f "$bin/ampwise.new" "$bin/ampwise"

# A configuration or rules the user has are never overwritten; the examples are refreshed.
if [ -e "$etc/ampwise.json" ]; then
    install -m 0640 "$repository/Packaging/ampwise.json" "$etc/ampwise.json.default"
    echo "   kept $etc/ampwise.json (the new default is ampwise.json.default)"
else
    install -m 0640 "$repository/Packaging/ampwise.json" "$etc/ampwise.json"
fi
install -m 0644 "$repository/Packaging/README.etc" "$etc/README"
[ -e "$etc/rules/starter.rules" ] || install -m 0644 "$repository/rules/starter.rules" "$etc/rules/starter.rules"
install -m 0644 "$repository"/rules/examples/*.rules "$etc/rules/examples/"
sed "s|@BINDIR@|$prefix/bin|g" "$repository/Packaging/ampwise.service" > "$unit.new"
chmod 0644 "$unit.new"
mv -f "$unit.new" "$unit"
install -m 0644 "$repository/Packaging/ampwise.sysusers" "$sysusers"

if [ -n "$root" ]; then
    echo "== installed into $root; on the target system, as root:"
    echo "   systemd-sysusers && chown -R ampwise:ampwise /var/lib/ampwise && chgrp -R ampwise /etc/ampwise"
    echo "   systemctl daemon-reload && systemctl enable --now ampwise"
    exit 0
fi

# The user and the ownership of what it reads and writes.
if command -v systemd-sysusers >/dev/null 2>&1; then
    systemd-sysusers "$sysusers"
elif ! id ampwise >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/ampwise --no-create-home --shell /usr/sbin/nologin \
        --comment "Ampwise EV charging engine" ampwise
fi
chown -R ampwise:ampwise /var/lib/ampwise
chgrp -R ampwise /etc/ampwise
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    echo "== installed. Check the configuration, then start the service:"
    echo "   sudo -u ampwise $prefix/bin/ampwise check --config /etc/ampwise/ampwise.json"
    echo "   sudo systemctl enable --now ampwise && journalctl -u ampwise -f"
else
    echo "== installed (systemd is not running here: start $prefix/bin/ampwise serve --config /etc/ampwise/ampwise.json yourself)"
fi
