"""The release binary's size and start-up time (SPEC §14; BENCHMARKS.md, "Release binary").

    python3 Benchmarks/startup.py [BINARY] [--runs N]

BINARY defaults to the release build (`swift build -c release --static-swift-stdlib --product
ampwise`, which this script runs first when no BINARY is given). Reported:

- the file's size, and its size stripped (as Scripts/install.sh installs it);
- the Swift libraries it needs at run time (`ldd`): none is the goal;
- `ampwise --version`: process start to exit;
- `ampwise serve` in a fresh folder (defaults, free ports, no rules, a new database): process start
  to the log line "central system listening", when chargers can connect.

Times are wall-clock from this process (time.perf_counter), over N runs (default 20): median,
fastest and slowest. Nothing else is measured in the same run.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def release_binary() -> Path:
    flags = ["-c", "release", "--static-swift-stdlib", "--product", "ampwise"]
    subprocess.run(["swift", "build", *flags], cwd=REPOSITORY, check=True)
    path = subprocess.run(["swift", "build", *flags[:-2], "--show-bin-path"], cwd=REPOSITORY, check=True,
                          capture_output=True, text=True).stdout.strip()
    return Path(path) / "ampwise"


def version_time(binary: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(binary), "--version"], check=True, capture_output=True)
    return time.perf_counter() - start


def serve_time(binary: Path) -> float:
    with tempfile.TemporaryDirectory() as folder:
        config = {"central": {"host": "127.0.0.1", "port": free_port()}, "api": {"port": free_port()},
                  "timezone": "UTC"}
        Path(folder, "ampwise.json").write_text(json.dumps(config))
        Path(folder, "rules").mkdir()
        start = time.perf_counter()
        process = subprocess.Popen([str(binary), "serve"], cwd=folder, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            for line in process.stderr:
                if "central system listening" in line:
                    return time.perf_counter() - start
            raise SystemExit(f"ampwise serve exited without listening (status {process.wait()})")
        finally:
            process.terminate()
            process.wait(timeout=30)


def summary(name: str, seconds: list[float]) -> str:
    milliseconds = sorted(1000 * value for value in seconds)
    return (f"{name}: median {statistics.median(milliseconds):.1f} ms, fastest {milliseconds[0]:.1f} ms, "
            f"slowest {milliseconds[-1]:.1f} ms ({len(milliseconds)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()
    binary = arguments.binary or release_binary()

    size = binary.stat().st_size
    with tempfile.TemporaryDirectory() as folder:
        stripped = Path(folder, "ampwise")
        shutil.copy(binary, stripped)
        subprocess.run(["strip", str(stripped)], check=True)
        stripped_size = stripped.stat().st_size
    libraries = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout.split("\n")
    swift = [line.strip() for line in libraries if "swift" in line.lower()]
    print(f"binary: {binary}")
    print(f"size: {size / 1e6:.1f} MB, stripped {stripped_size / 1e6:.1f} MB")
    print("Swift libraries needed at run time: " + (", ".join(swift) if swift else "none"))
    others = [line.strip().split(" ")[0] for line in libraries if "=>" in line and "swift" not in line.lower()]
    print("other libraries: " + ", ".join(others))
    sys.stdout.flush()
    version_time(binary)  # the first run reads the file from disk
    print(summary("ampwise --version", [version_time(binary) for _ in range(arguments.runs)]))
    print(summary("ampwise serve until listening", [serve_time(binary) for _ in range(arguments.runs)]))
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
