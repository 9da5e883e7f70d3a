"""Issue 11: sources read by the real `ampwise serve` from independent peers: a Python HTTP server
(Home Assistant's REST answer) and, in test_sources_modbus.py, a pymodbus Modbus TCP server. Values
reach the inputs as if pushed and drive the rules; a device that fails is logged once per outage
and once per recovery, without a busy loop.
"""

import asyncio
import json
import socket
import subprocess
import urllib.request

from charger import connected
from conftest import AMPWISE_BIN
from json_server import JSONServer
from test_scheduler import ONE_PHASE, SCHEDULER, api, limit_is, plug_in_and_charge


class FakeHomeAssistant(JSONServer):
    """`GET /api/states/sensor.grid_power` as Home Assistant answers it: the state in kW as a string,
    only with the right long-lived token. `status` other than 200 makes it fail."""

    def __init__(self, state: str = "0", keep_alive: bool = False):
        self.state = state
        self.status = 200
        super().__init__(self.answer, keep_alive=keep_alive)

    def answer(self, path: str, headers) -> tuple[int, dict | None]:
        if headers.get("Authorization") != "Bearer TOKEN":
            return 401, None
        if self.status != 200:
            return self.status, None
        return 200, {"entity_id": "sensor.grid_power", "state": self.state,
                     "attributes": {"unit_of_measurement": "kW"}}


def http_source(port: int, interval: float = 0.2, timeout: float | None = None, input: str = "grid.power") -> dict:
    source = {"type": "http", "url": f"http://127.0.0.1:{port}/api/states/sensor.grid_power",
              "headers": {"Authorization": "Bearer TOKEN"}, "interval": interval,
              "inputs": {input: {"path": "state", "scale": 1000}}}
    if timeout is not None:
        source["timeout"] = timeout
    return source


async def wait_until(predicate, timeout: float = 10, what: str = "condition"):
    """Polls `predicate` (a blocking call, run off the event loop) until it returns a truthy value."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = await asyncio.to_thread(predicate)
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"{what} never held")
        await asyncio.sleep(0.05)


def source_status(server, name: str) -> dict:
    return api(server, "GET", "/api/sources")[name]


async def test_a_home_assistant_sensor_drives_solar_following(ampwise):
    home_assistant = FakeHomeAssistant(state="-2.3")
    try:
        rules = {"solar.rules": 'rule "solar following" {\n limit -grid.power\n}\n'}
        server = ampwise(rules=rules, scheduler=SCHEDULER, chargers={"garage": ONE_PHASE},
                         sources={"homeassistant": http_source(home_assistant.port)})
        # Read as if pushed: the same input, in watts, with its age.
        inputs = await wait_until(lambda: api(server, "GET", "/api/inputs").get("grid.power"), what="grid.power")
        assert inputs["value"] == -2300 and inputs["stale"] is False
        async with connected(server, "garage") as charger:
            await plug_in_and_charge(charger)
            await charger.wait_for("SetChargingProfile", predicate=limit_is(10.0))
            home_assistant.state = "-3.45"
            await charger.wait_for("SetChargingProfile", predicate=limit_is(15.0))
        status = await asyncio.to_thread(source_status, server, "homeassistant")
        assert status["type"] == "http" and status["state"] == "ok"
        assert status["inputs"] == {"grid.power": -3450} and status["lastError"] is None
        assert status["lastSuccess"].endswith("Z")
        metrics = await asyncio.to_thread(
            lambda: urllib.request.urlopen(f"http://127.0.0.1:{server.api_port}/metrics", timeout=10).read().decode())
        assert 'ampwise_source_reads_total{source="homeassistant",outcome="ok"}' in metrics
    finally:
        home_assistant.close()


async def test_a_device_that_keeps_connections_alive_is_read_over_one(ampwise):
    # HTTP/1.1 as Home Assistant answers: every read after the first reuses the connection. The
    # other tests' device answers in HTTP/1.0, which closes after every answer: a connection each.
    home_assistant = FakeHomeAssistant(state="1.5", keep_alive=True)
    try:
        server = ampwise(sources={"homeassistant": http_source(home_assistant.port, interval=0.1)})
        await wait_until(lambda: home_assistant.requests >= 10, what="ten reads")
        assert home_assistant.connections == 1
        home_assistant.state = "2"
        await wait_until(lambda: source_status(server, "homeassistant")["inputs"] == {"grid.power": 2000},
                         what="the new value")
    finally:
        home_assistant.close()


async def test_an_outage_is_logged_once_and_its_recovery_once(ampwise):
    home_assistant = FakeHomeAssistant(state="1.5")
    try:
        server = ampwise(sources={"homeassistant": http_source(home_assistant.port, interval=0.1)})
        await wait_until(lambda: source_status(server, "homeassistant")["state"] == "ok", what="first read")
        home_assistant.status = 500
        await asyncio.to_thread(server.wait_for_log, "homeassistant: cannot read: HTTP 500")
        # Several failed polls later: still one line, and a poll every interval, not a busy loop.
        failing = await wait_until(
            lambda: (s := source_status(server, "homeassistant"))["state"] == "failing" and s["lastError"] == "HTTP 500 Internal Server Error"
            and s, what="failing state")
        assert failing["inputs"] == {"grid.power": 1500} and failing["lastErrorAt"].endswith("Z")
        requests_before = home_assistant.requests
        await asyncio.sleep(1.0)
        polls = home_assistant.requests - requests_before
        assert 5 <= polls <= 15, polls
        home_assistant.status = 200
        home_assistant.state = "2"
        await asyncio.to_thread(server.wait_for_log, "homeassistant: reading again after")
        await wait_until(lambda: source_status(server, "homeassistant")["inputs"] == {"grid.power": 2000},
                         what="recovered value")
        assert len([line for line in server.lines if "homeassistant: cannot read" in line]) == 1
        assert len([line for line in server.lines if "homeassistant: reading again" in line]) == 1
    finally:
        home_assistant.close()


async def test_a_device_that_hangs_or_refuses_fails_without_holding_anything_else(ampwise):
    # A socket that accepts connections (the kernel does) but never answers.
    hanging = socket.socket()
    hanging.bind(("127.0.0.1", 0))
    hanging.listen(16)
    refusing = socket.socket()
    refusing.bind(("127.0.0.1", 0))
    refused_port = refusing.getsockname()[1]
    refusing.close()
    home_assistant = FakeHomeAssistant(state="-1")
    try:
        server = ampwise(sources={
            "hanging": http_source(hanging.getsockname()[1], interval=0.5, timeout=0.3, input="input.hanging"),
            "refused": http_source(refused_port, interval=0.5, input="input.refused"),
            "healthy": http_source(home_assistant.port, interval=0.1),
        })
        await asyncio.to_thread(server.wait_for_log, "hanging: cannot read: no response within 0.3 s")
        await asyncio.to_thread(server.wait_for_log, "refused: cannot read: cannot connect to 127.0.0.1")
        home_assistant.state = "-2"
        await wait_until(lambda: source_status(server, "healthy")["inputs"] == {"grid.power": -2000},
                         what="the healthy source's new value")
        await wait_until(lambda: source_status(server, "hanging")["state"] == "failing", what="hanging failing")
        assert len([line for line in server.lines if "hanging: cannot read" in line]) == 1
        assert len([line for line in server.lines if "refused: cannot read" in line]) == 1
    finally:
        hanging.close()
        home_assistant.close()


def test_the_sources_command_reads_each_source_once(tmp_path):
    home_assistant = FakeHomeAssistant(state="-2.3")
    refusing = socket.socket()
    refusing.bind(("127.0.0.1", 0))
    refused_port = refusing.getsockname()[1]
    refusing.close()
    try:
        config = tmp_path / "ampwise.json"
        config.write_text(json.dumps({"sources": {
            "homeassistant": http_source(home_assistant.port),
            "refused": http_source(refused_port, input="input.refused"),
        }}))
        result = subprocess.run([AMPWISE_BIN, "sources", "--config", str(config)], capture_output=True, text=True,
                                timeout=60, stdin=subprocess.DEVNULL)
        assert result.returncode == 1, result.stderr
        assert result.stdout.splitlines() == [
            "homeassistant (http): grid.power -2300",
            f"refused (http): failed: cannot connect to 127.0.0.1:{refused_port}: connection refused",
        ]
    finally:
        home_assistant.close()
