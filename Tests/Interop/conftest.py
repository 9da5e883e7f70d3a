"""Fixtures for the interoperability suite: a real `ampwise serve` on free loopback ports.

Each test gets its own server process, temporary folder, database and ports, so tests run
independently. The server is ready when it logs the line announcing the central system's
listening address; nothing here sleeps to wait for it.
"""

import json
import os
import queue
import socket
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest

AMPWISE_BIN = os.environ.get("AMPWISE_BIN", "ampwise")
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AmpwiseServer:
    """A running `ampwise serve` with its configuration, log and addresses."""

    def __init__(self, directory: Path, config: dict, rules: dict[str, str] | None = None):
        self.directory = directory
        self.config = config
        self.rules_dir = directory / "rules"
        self.rules_dir.mkdir(exist_ok=True)
        for name, text in (rules or {}).items():
            (self.rules_dir / name).write_text(text)
        self.config_path = directory / "ampwise.json"
        self.config_path.write_text(json.dumps(config, indent=2))
        self.lines: list[str] = []
        self._line_queue: "queue.Queue[str | None]" = queue.Queue()
        self.process: subprocess.Popen | None = None

    @property
    def port(self) -> int:
        return self.config["central"]["port"]

    @property
    def api_port(self) -> int:
        return self.config["api"]["port"]

    @property
    def scheme(self) -> str:
        tls = self.config["central"].get("tls")
        # With central.tls.port, central.port serves ws:// and the TLS port wss://.
        return "wss" if tls and "port" not in tls else "ws"

    def url(self, charger_id: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/ocpp/{charger_id}"

    def secure_url(self, charger_id: str) -> str:
        """The wss:// address: central.tls.port when set, else central.port."""
        port = self.config["central"]["tls"].get("port", self.port)
        return f"wss://127.0.0.1:{port}/ocpp/{charger_id}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [AMPWISE_BIN, "serve", "--config", str(self.config_path),
             "--rules", str(self.rules_dir), "--db", str(self.directory / "ampwise.sqlite")],
            cwd=self.directory, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )
        threading.Thread(target=self._drain, daemon=True).start()
        self.wait_for_log("central system listening", timeout=START_TIMEOUT)

    def _drain(self) -> None:
        assert self.process and self.process.stderr
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))
            self._line_queue.put(line)
        self._line_queue.put(None)

    def wait_for_log(self, fragment: str, timeout: float = 10) -> str:
        """Blocks until a log line containing `fragment` appears (also one seen before)."""
        for line in list(self.lines):
            if fragment in line:
                return line
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no log line with {fragment!r}; log:\n" + "\n".join(self.lines[-40:]))
            try:
                line = self._line_queue.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                raise AssertionError(f"server exited before logging {fragment!r}; log:\n" + "\n".join(self.lines[-40:]))
            if fragment in line:
                return line

    def stop(self, kill: bool = False) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        try:
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("server did not shut down within 15 s of SIGTERM; log:\n" + "\n".join(self.lines[-40:]))

    def ssl_context(self, client_certificate: tuple[str, str] | None = None) -> ssl.SSLContext | None:
        """Trusts the server's certificate; presents `client_certificate` (certificate, key) if given."""
        if "tls" not in self.config["central"]:
            return None
        context = ssl.create_default_context(cafile=self.config["central"]["tls"]["certificate"])
        context.check_hostname = False
        if client_certificate:
            context.load_cert_chain(*client_certificate)
        return context


def make_certificate(directory: Path) -> tuple[str, str]:
    key = directory / "key.pem"
    certificate = directory / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
         str(certificate), "-days", "2", "-subj", "/CN=localhost"],
        check=True, capture_output=True,
    )
    return str(certificate), str(key)


def base_config(**overrides) -> dict:
    config = {
        "central": {
            "host": "127.0.0.1",
            "port": free_port(),
            "heartbeatInterval": 120,
            "pingInterval": 20,
            "pingTimeout": 20,
            "callTimeout": 5,
        },
        "api": {"host": "127.0.0.1", "port": free_port()},
        "timezone": "UTC",
        "logLevel": "debug",
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(config.get(key), dict):
            config[key].update(value)
        else:
            config[key] = value
    return config


@pytest.fixture
def ampwise(tmp_path):
    """Starts servers on demand: `ampwise(config_overrides..., rules={...})`; stops them all after the test."""
    servers: list[AmpwiseServer] = []

    def start(rules: dict[str, str] | None = None, tls: "bool | dict" = False, reuse: "AmpwiseServer | None" = None,
              **overrides) -> AmpwiseServer:
        """`tls=True` serves wss:// with a fresh certificate; a dict adds its keys to central.tls."""
        if reuse is not None:
            # The same folder, configuration and database: `ampwise serve` started again (after a
            # crash or a SIGKILL of `reuse`).
            server = AmpwiseServer(reuse.directory, reuse.config)
            servers.append(server)
            server.start()
            return server
        directory = tmp_path / f"server{len(servers)}"
        directory.mkdir()
        config = base_config(**overrides)
        if tls:
            certificate, key = make_certificate(directory)
            config["central"]["tls"] = {"certificate": certificate, "privateKey": key,
                                        **(tls if isinstance(tls, dict) else {})}
        server = AmpwiseServer(directory, config, rules)
        servers.append(server)
        server.start()
        return server

    yield start
    for server in servers:
        server.stop()
