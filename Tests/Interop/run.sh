#!/usr/bin/env bash
# Interoperability suite: independent OCPP implementations (the Python `ocpp` package) talk to
# `ampwise serve`. Makes its own virtual environment from PyPI on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
# Installed again when requirements.txt is newer than the last install.
if [ ! -x "$venv/bin/python" ] || [ "$here/requirements.txt" -nt "$venv/.installed" ]; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
    touch "$venv/.installed"
fi
(cd "$root" && swift build --product ampwise)
export AMPWISE_BIN="$(cd "$root" && swift build --product ampwise --show-bin-path)/ampwise"
cd "$here"
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
