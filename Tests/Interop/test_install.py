"""Installing as a service (README, "Install it as a service"; issue 9): Scripts/install.sh into a temporary root, and the installed binary serving a charger.

The script builds the release binary (`swift build -c release --static-swift-stdlib`; incremental
after the first time) and installs it, the commented configuration, the rules and the systemd unit
under `--root`. The installed binary then runs from there, with no Swift toolchain in its
environment, and serves the Python charger.
"""

import asyncio
import os
import queue
import re
import subprocess
import threading
from pathlib import Path

import pytest
from ocpp.v16.enums import RegistrationStatus

from charger import connected
from conftest import AmpwiseServer, free_port

REPOSITORY = Path(__file__).resolve().parents[2]
INSTALL = REPOSITORY / "Scripts" / "install.sh"
# The first run builds the release binary.
BUILD_TIMEOUT = 1800


def install(root: Path, *flags: str) -> subprocess.CompletedProcess:
    result = subprocess.run(["bash", str(INSTALL), "--root", str(root), *flags], capture_output=True, text=True,
                            timeout=BUILD_TIMEOUT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


class InstalledServer(AmpwiseServer):
    """The installed binary serving from the installed folders, with the installed configuration
    (its ports changed to free ones, as another service may hold 9000 and 9080 on this machine)."""

    def __init__(self, root: Path, prefix: str):
        self.root = root
        self.binary = root / prefix.strip("/") / "bin" / "ampwise"
        self.directory = root / "var/lib/ampwise"
        self.config = {"central": {"port": free_port()}, "api": {"port": free_port()}}
        installed = (root / "etc/ampwise/ampwise.json").read_text()
        text = installed.replace('"port": 9000', f'"port": {self.port}').replace('"port": 9080', f'"port": {self.api_port}')
        self.config_path = root / "etc/ampwise/ampwise-test.json"
        self.config_path.write_text(text)
        self.lines = []
        self._line_queue = queue.Queue()
        self.process = None

    def start(self) -> None:
        # As the unit runs it, with the toolchain nowhere in the environment.
        self.process = subprocess.Popen(
            [str(self.binary), "serve", "--config", str(self.config_path),
             "--rules", str(self.root / "etc/ampwise/rules"), "--db", str(self.directory / "ampwise.sqlite"),
             "--log-format", "journal"],
            cwd=self.directory, env={"PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._drain, daemon=True).start()
        self.wait_for_log("central system listening", timeout=30)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    install(root)
    return root


def test_the_install_puts_every_part_in_place(installed):
    root = installed
    binary = root / "usr/local/bin/ampwise"
    assert os.access(binary, os.X_OK)
    for path in ("etc/ampwise/ampwise.json", "etc/ampwise/README", "etc/ampwise/rules/starter.rules",
                 "etc/ampwise/rules/examples/cheap-tariff-overnight.rules",
                 "usr/lib/sysusers.d/ampwise.conf", "etc/systemd/system/ampwise.service"):
        assert (root / path).is_file(), path
    assert (root / "var/lib/ampwise").is_dir()
    assert "u ampwise - " in (root / "usr/lib/sysusers.d/ampwise.conf").read_text()
    unit = (root / "etc/systemd/system/ampwise.service").read_text()
    assert "ExecStart=/usr/local/bin/ampwise serve --config /etc/ampwise/ampwise.json --log-format journal" in unit
    for directive in ("User=ampwise", "ProtectSystem=strict", "ReadWritePaths=/var/lib/ampwise", "NoNewPrivileges=true",
                      "PrivateTmp=true", "ProtectHome=true", "Restart=on-failure", "StateDirectory=ampwise"):
        assert re.search(rf"^{re.escape(directive)}$", unit, re.MULTILINE), directive


def test_the_installed_binary_needs_no_swift_toolchain(installed):
    binary = installed / "usr/local/bin/ampwise"
    libraries = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    assert "swift" not in libraries.lower(), libraries
    version = subprocess.run([str(binary), "--version"], env={}, capture_output=True, text=True, timeout=30)
    assert version.returncode == 0 and version.stdout.startswith("ampwise "), version


def test_the_installed_configuration_and_rules_check(installed):
    binary = installed / "usr/local/bin/ampwise"
    result = subprocess.run(
        [str(binary), "check", "--config", str(installed / "etc/ampwise/ampwise.json"),
         str(installed / "etc/ampwise/rules")], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "1 file, 0 rules: no errors\n"


async def test_the_installed_binary_serves_a_charger_with_journal_log_lines(installed):
    server = InstalledServer(installed, "/usr/local")
    server.start()
    try:
        async with connected(server, "garage") as charger:
            assert (await charger.boot()).status == RegistrationStatus.accepted
            line = await asyncio.to_thread(server.wait_for_log, "garage connected from")
            assert line.startswith("<6>INFO [central] garage connected from"), line
    finally:
        assert server.stop() == 0
    assert (installed / "var/lib/ampwise/ampwise.sqlite").is_file()


def test_a_second_install_keeps_the_users_configuration_and_rules(tmp_path):
    install(tmp_path, "--prefix", "/opt/ampwise")
    config = tmp_path / "etc/ampwise/ampwise.json"
    config.write_text('{"logLevel": "debug"}\n')
    (tmp_path / "etc/ampwise/rules/starter.rules").write_text('rule "mine" { limit 10 A }\n')
    result = install(tmp_path, "--prefix", "/opt/ampwise")
    assert "kept" in result.stdout
    assert config.read_text() == '{"logLevel": "debug"}\n'
    assert (tmp_path / "etc/ampwise/ampwise.json.default").is_file()
    assert (tmp_path / "etc/ampwise/rules/starter.rules").read_text() == 'rule "mine" { limit 10 A }\n'
    assert os.access(tmp_path / "opt/ampwise/bin/ampwise", os.X_OK)
    assert "ExecStart=/opt/ampwise/bin/ampwise serve" in (tmp_path / "etc/systemd/system/ampwise.service").read_text()


def test_bad_arguments_are_refused_with_status_2(tmp_path):
    for arguments in (["--frobnicate"], ["--prefix", "relative/path", "--root", str(tmp_path)]):
        result = subprocess.run(["bash", str(INSTALL), *arguments], capture_output=True, text=True, timeout=30)
        assert result.returncode == 2, arguments
        assert result.stderr.startswith("install.sh: "), result.stderr
