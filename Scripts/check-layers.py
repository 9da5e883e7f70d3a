#!/usr/bin/env python3
"""Checks that every target imports only what Package.swift lets it depend on.

SwiftPM builds all modules into one folder, so a file can import a module its target does not
declare and still build (it did: HTTP imported JSON). This check closes that hole: for each
target, every `import X` of one of the package's own modules must be a declared dependency.
It also prints the layers as `swift package describe` sees them. See docs/architecture.md.
"""
import json
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
description = json.loads(
    subprocess.run(["swift", "package", "describe", "--type", "json"], cwd=root, check=True,
                   capture_output=True, text=True).stdout)
targets = {target["name"]: target for target in description["targets"]}
own_modules = set(targets)
import_line = re.compile(r"^\s*(?:@testable\s+)?import\s+(\w+)", re.M)
problems = []
for name, target in sorted(targets.items()):
    allowed = set(target.get("target_dependencies", []))
    for source in target.get("sources", []):
        path = os.path.join(root, target["path"], source)
        if not path.endswith(".swift"):
            continue
        with open(path, encoding="utf-8") as file:
            for module in import_line.findall(file.read()):
                if module in own_modules and module != name and module not in allowed:
                    problems.append(f"{os.path.relpath(path, root)}: imports {module}, "
                                    f"which target {name} does not depend on")
if "--graph" in sys.argv:
    for name, target in sorted(targets.items()):
        if target["type"] == "library" or target["type"] == "executable":
            print(f"{name:24} -> {', '.join(sorted(target.get('target_dependencies', []))) or '(none)'}")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
