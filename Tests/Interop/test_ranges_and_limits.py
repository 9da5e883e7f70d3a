"""Issue 8 items 2, 6 and 8, end to end through the real binary: numbers out of range, the API's
limits and HTTP corner cases, StartTransaction on no connector, and the TLS 1.2 cipher list.

Each of these crashed `ampwise`, ran without end, was silently accepted or got no answer before.
"""

import asyncio
import json
import socket
import ssl
import subprocess
from pathlib import Path

import pytest
import websockets

from conftest import AMPWISE_BIN

from test_api import api, http


def run_plan(directory: Path, config: dict, inputs: dict | None, *flags: str) -> subprocess.CompletedProcess:
    """`ampwise plan` in `directory` with `config`; a run that hangs fails the test after 60 s."""
    (directory / "rules").mkdir(exist_ok=True)
    (directory / "rules" / "a.rules").write_text('rule "a" { charge }\n')
    (directory / "ampwise.json").write_text(json.dumps({"timezone": "UTC", **config}))
    arguments = [AMPWISE_BIN, "plan", "--from", "2026-11-25T00:00:00Z", *flags]
    if inputs is not None:
        (directory / "plan.json").write_text(json.dumps(inputs))
        arguments += ["--inputs", "plan.json"]
    return subprocess.run(arguments, cwd=directory, capture_output=True, text=True, timeout=60)


# MARK: item 2, numbers out of range


@pytest.mark.parametrize("inputs, message", [
    ({"connectors": [{"charger": "g", "connector": 1e19}]},
     "plan.json: connectors[0].connector: expected an integer from 1 to 1000"),
    ({"chargers": {"g": {"maxStackLevel": 1e19}}, "connectors": [{"charger": "g"}]},
     "plan.json: chargers.g.maxStackLevel: expected an integer from 0 to 1000"),
])
def test_plan_refuses_a_number_that_does_not_fit_instead_of_crashing(tmp_path, inputs, message):
    result = run_plan(tmp_path, {}, inputs)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"ampwise: {message}"


def test_plan_refuses_hours_and_a_tick_that_would_never_end(tmp_path):
    config = {"chargers": {"g": {}}}
    result = run_plan(tmp_path, config, None, "--hours", "1e9")
    assert result.returncode == 2
    assert "--hours for 'plan' expects a number from 0.1 to 744, not '1e9'" in result.stderr
    result = run_plan(tmp_path, {**config, "scheduler": {"tick": 1e-300}}, None, "--hours", "1")
    assert result.returncode == 2
    assert "scheduler.tick: expected a number from 0.1 to 3600" in result.stderr
    result = run_plan(tmp_path, {**config, "scheduler": {"tick": 0.1}}, None, "--hours", "744", "--step", "60")
    assert result.returncode == 2
    assert "evaluates the rules 26784000 times" in result.stderr
    result = run_plan(tmp_path, config, None, "--hours", "2", "--step", "60")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("g:1\n")


# MARK: item 6, the API


async def test_put_inputs_takes_null_to_remove_and_strings_that_hold_a_number(ampwise):
    server = ampwise()
    status, answer = await api(server, "PUT", "/api/inputs", {"grid.power": "-2300", "input.boost": 1})
    assert status == 200
    assert answer["grid.power"]["value"] == -2300 and answer["input.boost"]["value"] == 1
    status, answer = await api(server, "PUT", "/api/inputs", {"input.boost": None})
    assert status == 200 and "input.boost" not in answer
    # The removal is stored: after a restart the input does not come back.
    server.stop()
    again = ampwise(reuse=server)
    status, answer = await api(again, "GET", "/api/inputs")
    assert status == 200 and "input.boost" not in answer and answer["grid.power"]["value"] == -2300


async def test_put_inputs_is_capped_in_count_and_name_length(ampwise):
    server = ampwise()
    status, answer = await api(server, "PUT", "/api/inputs", {"input." + "x" * 10_000: 1})
    assert status == 400
    assert answer["error"].endswith("...: an input name has at most 64 characters, this one 10006")
    thousand = {f"input.n{index}": index for index in range(1000)}
    status, answer = await api(server, "PUT", "/api/inputs", thousand)
    assert status == 200 and len(answer) == 1000
    status, answer = await api(server, "PUT", "/api/inputs", {"input.extra": 1})
    assert status == 400
    assert answer["error"].startswith("input.extra: at most 1000 inputs are kept")
    status, answer = await api(server, "PUT", "/api/inputs", {"grid.power": 1e19})
    assert (status, answer["error"]) == (400, "grid.power: expected a number from -1000000000 to 1000000000 "
                                              "(or null to remove it)")


async def test_the_bearer_scheme_is_matched_in_any_case(ampwise):
    server = ampwise(api={"token": "s3cret"})
    for header in ("bearer s3cret", "BEARER s3cret", "Bearer s3cret"):
        status, _, _ = await asyncio.to_thread(http_with_headers, server, {"Authorization": header})
        assert status == 200, header
    status, _, _ = await asyncio.to_thread(http_with_headers, server, {"Authorization": "bearer S3CRET"})
    assert status == 401


def http_with_headers(server, headers: dict):
    import urllib.error
    import urllib.request
    request = urllib.request.Request(f"http://127.0.0.1:{server.api_port}/api/health", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def raw_exchange(port: int, request: bytes) -> bytes:
    """Sends `request` on a fresh socket and reads until the server closes or 5 s pass."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
                if b"\r\n\r\n" in received:
                    head, _, body = received.partition(b"\r\n\r\n")
                    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                                   if line.lower().startswith(b"content-length:")), 0)
                    if len(body) >= length:
                        break
        except socket.timeout:
            pass
        return received


async def test_a_request_with_bare_line_feeds_gets_an_answer(ampwise):
    server = ampwise()
    answer = await asyncio.to_thread(raw_exchange, server.api_port, b"GET /api/health HTTP/1.1\nHost: x\n\n")
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b'"status":"ok"' in answer


async def test_http11_without_host_is_400(ampwise):
    server = ampwise()
    answer = await asyncio.to_thread(raw_exchange, server.api_port, b"GET /api/health HTTP/1.1\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert b"Host: an HTTP/1.1 request needs a Host header" in answer
    answer = await asyncio.to_thread(raw_exchange, server.api_port, b"GET /api/health HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")


async def test_a_configured_charger_that_is_not_connected_is_409_not_404(ampwise):
    server = ampwise(chargers={"carport": {"maxCurrent": 16}})
    status, answer = await api(server, "POST", "/api/chargers/carport/reset", {"type": "Soft"})
    assert (status, answer) == (409, {"error": 'charger "carport" is not connected'})
    status, answer = await api(server, "GET", "/api/chargers/carport")
    assert status == 200 and answer["connected"] is False
    status, _ = await api(server, "POST", "/api/chargers/nobody/reset", {"type": "Soft"})
    assert status == 404


# MARK: item 8, protocol points


async def test_a_start_transaction_on_no_connector_is_a_property_constraint_violation(ampwise):
    server = ampwise()
    async with websockets.connect(server.url("CP-NEG"), subprotocols=["ocpp1.6"], open_timeout=5) as raw:
        async def call(unique_id: str, connector: int) -> list:
            payload = {"connectorId": connector, "idTag": "A", "meterStart": 0, "timestamp": "2026-11-25T08:00:00Z"}
            await raw.send(json.dumps([2, unique_id, "StartTransaction", payload]))
            return json.loads(await asyncio.wait_for(raw.recv(), 5))

        for unique_id, connector in (("minus", -1), ("zero", 0)):
            reply = await call(unique_id, connector)
            assert reply[:3] == [4, unique_id, "PropertyConstraintViolation"]
            assert "connectorId" in reply[3] and "minimum of 1" in reply[3]
        reply = await call("one", 1)
        assert reply[:2] == [3, "one"] and reply[2]["transactionId"] > 0
    status, transactions = await api(server, "GET", "/api/transactions?charger=CP-NEG")
    assert status == 200 and [t["connector"] for t in transactions] == [1]


@pytest.mark.parametrize("cipher, accepted", [
    ("ECDHE-RSA-AES128-GCM-SHA256", True), ("AES128-GCM-SHA256", True), ("AES128-SHA", False),
    ("ECDHE-RSA-AES128-SHA", False),
])
async def test_tls12_takes_only_aead_cipher_suites(ampwise, cipher, accepted):
    server = ampwise(tls=True)
    context = server.ssl_context()
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(cipher + ":@SECLEVEL=0")

    def handshake() -> str:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
            with context.wrap_socket(connection, server_hostname="localhost") as secured:
                return secured.cipher()[0]

    if accepted:
        assert await asyncio.to_thread(handshake) == cipher
    else:
        with pytest.raises(ssl.SSLError, match="HANDSHAKE_FAILURE"):
            await asyncio.to_thread(handshake)
