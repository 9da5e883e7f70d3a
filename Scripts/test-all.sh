#!/usr/bin/env bash
# Every check and every test, in the order a failure is cheapest to find: formatting, the module
# layers, a build with warnings as errors, the Swift tests, then the interoperability suite against
# the real binary. README's test command and CI (.ci/run) run exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== swift format lint"
swift format lint --strict --recursive Sources Tests Benchmarks Fuzz/Sources Package.swift Fuzz/Package.swift
echo "== module layers (docs/architecture.md)"
python3 Scripts/check-layers.py
echo "== swift build (warnings are errors)"
swift build --build-tests -Xswiftc -warnings-as-errors
echo "== swift test"
swift test --skip-build
echo "== interoperability suite"
bash Tests/Interop/run.sh
