"""What the Python benchmarks of sources and MQTT share (Benchmarks/sources.py, Benchmarks/mqtt.py):
`ampwise serve` on a fresh folder with a given configuration, its CPU time and memory from /proc,
the machine's load average, percentiles, and a local mosquitto. Standard library only.
"""

import json
import math
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from datetime import datetime, timezone

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def load_average() -> str:
    with open("/proc/loadavg") as file:
        return " ".join(file.read().split()[:3])


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank: the smallest value with at least `fraction` of all at or below it."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered), max(1, math.ceil(fraction * len(ordered)))) - 1]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of the process (all its threads) so far."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def memory_mb(pid: int) -> dict[str, float]:
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1]) / 1024
    return values


class Server:
    """`ampwise serve` in a temporary folder: `config` is merged over loopback ports and the
    `warning` log level; `rules` is file name to text. The log is kept in memory."""

    def __init__(self, binary: str, config: dict, rules: dict[str, str] | None = None):
        self.folder = tempfile.mkdtemp(prefix="ampwise-bench-")
        self.port = free_port()
        self.api_port = free_port()
        full = {"central": {"host": "127.0.0.1", "port": self.port},
                "api": {"host": "127.0.0.1", "port": self.api_port}, "logLevel": "warning", "timezone": "UTC"}
        full.update(config)
        os.mkdir(os.path.join(self.folder, "rules"))
        for name, text in (rules or {}).items():
            with open(os.path.join(self.folder, "rules", name), "w") as file:
                file.write(text)
        with open(os.path.join(self.folder, "ampwise.json"), "w") as file:
            json.dump(full, file)
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [os.path.abspath(binary), "serve", "--config", "ampwise.json", "--rules", "rules", "--db", "ampwise.sqlite"],
            cwd=self.folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        def drain():
            for line in self.process.stderr:
                self.lines.append(line.rstrip("\n"))

        threading.Thread(target=drain, daemon=True).start()
        # Listening once the charger port accepts (the log line saying so is at `info`).
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("ampwise did not start:\n" + "\n".join(self.lines[-20:]))
                time.sleep(0.05)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


class Mosquitto:
    """Debian's mosquitto on a free loopback port, anonymous, no persistence, in a temporary folder."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="ampwise-mosquitto-")
        self.port = free_port()
        config = os.path.join(self.folder, "mosquitto.conf")
        with open(config, "w") as file:
            file.write(f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
                       "log_dest none\n")
        binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        self.process = subprocess.Popen([binary, "-c", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("mosquitto did not start")
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)
