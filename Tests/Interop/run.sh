#!/usr/bin/env bash
# Interoperability suite: independent OCPP implementations (the Python `ocpp` package) talk to
# `ampwise serve`. Makes its own virtual environment from PyPI on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
# (Re)installs when requirements.txt changed since the last install, so an added package arrives.
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$venv/requirements.installed"; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$venv/requirements.installed"
fi
(cd "$root" && swift build --product ampwise)
export AMPWISE_BIN="$(cd "$root" && swift build --product ampwise --show-bin-path)/ampwise"
cd "$here"
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
