#!/usr/bin/env bash
# Interoperability suite: independent OCPP implementations (the Python `ocpp` package) talk to
# `ampwise serve`. Makes its own virtual environment from PyPI on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# Again whenever requirements.txt changes (a venv made before a new test package was added).
if ! cmp -s "$here/requirements.txt" "$venv/requirements.txt"; then
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$venv/requirements.txt"
fi
(cd "$root" && swift build --product ampwise)
export AMPWISE_BIN="$(cd "$root" && swift build --product ampwise --show-bin-path)/ampwise"
cd "$here"
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
