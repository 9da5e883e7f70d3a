"""Issue 9 items 3, 5 and 9: what a new user meets first, through the real binary.

`ampwise check` must mean `serve` would start (the configuration is read whatever the paths), a
folder is checked as `serve` loads it, a charger selector that matches no configured charger is
a warning in `check`, at start-up and on reload, and the messages of a failed start say which
setting to change.
"""

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest
import websockets
import websockets.exceptions

from conftest import AMPWISE_BIN, base_config
from test_api import api

REPOSITORY = Path(__file__).resolve().parents[2]
TYPO_RULE = 'rule "fuse" {\n    chargers garge\n    limit 10 A\n}\n'


def run(directory: Path, *arguments: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([AMPWISE_BIN, *arguments], cwd=directory, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def write_config(directory: Path, config: dict) -> None:
    (directory / "ampwise.json").write_text(json.dumps(config))


# MARK: item 3, check reads the configuration


def test_check_of_a_folder_reports_a_broken_configuration_as_check_alone_does(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.rules").write_text('rule "a" { limit 10 A }\n')
    (tmp_path / "ampwise.json").write_text('{"chargers": {"garage": {"maxCurrent": "16"}}}')
    for arguments in (["check"], ["check", "rules"], ["check", "rules/a.rules"]):
        result = run(tmp_path, *arguments)
        assert result.returncode == 2, (arguments, result.stdout)
        assert "ampwise.json: chargers.garage.maxCurrent: expected a number" in result.stderr, arguments


def test_check_reports_a_missing_tls_certificate_as_serve_would(tmp_path):
    (tmp_path / "rules").mkdir()
    write_config(tmp_path, {"central": {"tls": {"certificate": "nothere.pem", "privateKey": "key.pem"}}})
    result = run(tmp_path, "check")
    assert result.returncode == 2
    assert "nothere.pem" in result.stderr and "central.tls.certificate" in result.stderr


def test_check_of_the_rules_folder_after_copying_an_example_up_passes_as_serve_loads_it(tmp_path):
    shutil.copytree(REPOSITORY / "rules", tmp_path / "rules")
    shutil.copy(tmp_path / "rules" / "examples" / "cheap-tariff-overnight.rules", tmp_path / "rules")
    result = run(tmp_path, "check", "rules/")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "2 files, 2 rules: no errors\n"


# MARK: item 5, selectors that match no configured charger


def test_check_warns_about_a_selector_that_matches_no_configured_charger(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "fuse.rules").write_text(TYPO_RULE)
    write_config(tmp_path, {"chargers": {"garage": {}}})
    result = run(tmp_path, "check")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        'rules/fuse.rules:2:14: warning: rule "fuse": chargers garge matches no charger in the configuration '
        "(configured: garage); the rule applies to no charger until one with a matching id connects",
        "1 file, 1 rule: no errors",
    ]
    (tmp_path / "rules" / "fuse.rules").write_text(TYPO_RULE.replace("garge", "garage"))
    assert run(tmp_path, "check").stdout == "1 file, 1 rule: no errors\n"


def test_plan_warns_about_a_selector_that_matches_no_configured_charger(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "fuse.rules").write_text(TYPO_RULE)
    write_config(tmp_path, {"timezone": "UTC", "chargers": {"garage": {}}})
    result = run(tmp_path, "plan", "--from", "2026-11-25T00:00:00Z", "--hours", "1")
    assert result.returncode == 0, result.stderr
    assert 'warning: rule "fuse": chargers garge matches no charger' in result.stderr


async def test_serve_warns_about_an_unmatched_selector_at_start_up_and_on_reload(ampwise):
    server = ampwise(rules={"fuse.rules": TYPO_RULE}, chargers={"garage": {}})
    server.wait_for_log('WARNING [main] ' + str(server.rules_dir / "fuse.rules") + ':2:14: warning: rule "fuse"')
    (server.rules_dir / "carport.rules").write_text('rule "carport" { chargers carport limit 8 A }\n')
    status, answer = await api(server, "POST", "/api/rules/reload")
    assert status == 200
    assert [warning.split("rules/")[-1] for warning in answer["warnings"]] == [
        'carport.rules:1:27: warning: rule "carport": chargers carport matches no charger in the configuration '
        "(configured: garage); the rule applies to no charger until one with a matching id connects",
        'fuse.rules:2:14: warning: rule "fuse": chargers garge matches no charger in the configuration '
        "(configured: garage); the rule applies to no charger until one with a matching id connects",
    ]
    await asyncio.to_thread(server.wait_for_log, "carport.rules:1:27: warning:")
    os.kill(server.process.pid, signal.SIGHUP)
    await asyncio.to_thread(server.wait_for_log, "SIGHUP: rules reloaded")


# MARK: item 9, messages that name the setting


def serve_until_exit(directory: Path, config: dict, *flags: str) -> subprocess.CompletedProcess:
    write_config(directory, config)
    (directory / "rules").mkdir(exist_ok=True)
    return run(directory, "serve", "--db", str(directory / "ampwise.sqlite"), *flags, timeout=30)


@pytest.mark.parametrize("server, setting", [("api", "api.port"), ("central", "central.port")])
def test_a_port_in_use_names_the_setting_that_chooses_it(tmp_path, server, setting):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        config = base_config()
        config[server]["port"] = taken.getsockname()[1]
        result = serve_until_exit(tmp_path, config)
    assert result.returncode == 1
    line = next(line for line in result.stderr.splitlines() if "cannot start" in line)
    assert f"cannot listen on 127.0.0.1:{config[server]['port']}: address already in use" in line
    assert f"({setting} and {setting.split('.')[0]}.host in the configuration" in line


def test_a_missing_rules_folder_is_named_without_a_line_and_column(tmp_path):
    result = serve_until_exit(tmp_path, base_config(), "--rules", "nothere")
    assert result.returncode == 1
    assert "nothere: error: no such folder" in result.stderr
    assert ":1:1" not in result.stderr


async def test_a_refused_unknown_charger_is_a_warning_that_names_allow_unknown_chargers(ampwise):
    server = ampwise(central={"allowUnknownChargers": False}, chargers={"garage": {}})
    with pytest.raises(websockets.exceptions.InvalidStatus):
        async with websockets.connect(server.url("stranger"), subprotocols=["ocpp1.6"], open_timeout=5):
            pass
    line = await asyncio.to_thread(server.wait_for_log, "charger stranger refused")
    assert " WARNING [central] " in line
    assert "central.allowUnknownChargers is false" in line


# MARK: item 7, the plan says what a connector is held to


def test_plan_says_left_to_charger_paused_and_limited_and_shows_the_inputs(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "solar.rules").write_text(
        'rule "solar" {\n    when grid.power < 0 W\n    limit -grid.power\n}\n')
    write_config(tmp_path, {"timezone": "UTC", "chargers": {"garage": {"phases": 1}}})
    (tmp_path / "plan.json").write_text(json.dumps({"connectors": [{"charger": "garage"}], "inputs": {"grid.power": [
        {"at": "2026-11-25T00:00:00Z", "value": -2300}, {"at": "2026-11-25T01:00:00Z", "value": -500},
        {"at": "2026-11-25T02:00:00Z", "value": 800}]}}))
    result = run(tmp_path, "plan", "--from", "2026-11-25T00:00:00Z", "--hours", "3", "--step", "60",
                 "--inputs", "plan.json", "--svg", "plan.svg")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "garage:1",
        "time              state             limit  price  grid.power  rules",
        "2026-11-25 00:00  charge           10.0 A   0.30     -2300 W  solar",
        "           01:00  pause               0 A   0.30      -500 W  solar, (below minimum)",
        "           02:00  left to charger       -   0.30       800 W  -",
    ]
    svg = (tmp_path / "plan.svg").read_text()
    for label in ("paused", "left to charger", "10 A", "grid.power (kW)"):
        assert f">{label}<" in svg, label
