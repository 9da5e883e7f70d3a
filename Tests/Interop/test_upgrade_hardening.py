"""Issue 8 items 3, 4 and 7: hostile input at the WebSocket upgrade and unfinished messages, seen
from outside through `ampwise serve`.

The upgrades are written by hand on plain sockets: a WebSocket library would not send an id with a
NUL in it, nor stop in the middle of a frame.
"""

import asyncio
import base64
import json
import os
import re
import socket
import sqlite3
import struct
import time
import urllib.request

from ocpp.v16 import call

from charger import connected

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO|WARNING|ERROR) \[")


def open_upgrade(port: int, target: str, headers: tuple[str, ...] = ()) -> tuple[socket.socket, int, str, bytes]:
    """Sends an upgrade request and reads the response head: (socket, status, head, bytes after it)."""
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [f"GET {target} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Upgrade: websocket", "Connection: Upgrade",
             f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13", "Sec-WebSocket-Protocol: ocpp1.6", *headers]
    connection = socket.create_connection(("127.0.0.1", port), timeout=20)
    connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return connection, int(head.split(b" ")[1]), head.decode("latin-1"), rest


def upgrade(port: int, target: str, headers: tuple[str, ...] = ()) -> tuple[int, str, float]:
    """An upgrade request on a connection of its own: (status, body, seconds until the answer)."""
    start = time.monotonic()
    connection, status, head, rest = open_upgrade(port, target, headers)
    elapsed = time.monotonic() - start
    with connection:
        length = re.search(r"Content-Length: (\d+)", head)
        body = rest
        while length and len(body) < int(length.group(1)):
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
    return status, body.decode("utf-8", "replace"), elapsed


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def query(server, sql: str) -> list[tuple]:
    with sqlite3.connect(server.directory / "ampwise.sqlite", timeout=5) as database:
        return database.execute(sql).fetchall()


def metric(server, name: str) -> float:
    with urllib.request.urlopen(f"http://127.0.0.1:{server.api_port}/metrics", timeout=10) as response:
        for line in response.read().decode().splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
    raise AssertionError(f"no {name} in /metrics")


# Item 3: charger ids.

FORGED = "/ocpp/CP%0D%0A2099-01-01T00:00:00Z%20ERROR%20%5Bcentral%5D%20forged"


async def test_a_charger_id_with_cr_lf_gets_400_is_stored_nowhere_and_forges_no_log_line(ampwise):
    server = ampwise()
    port = server.port
    status, body, _ = await asyncio.to_thread(upgrade, port, FORGED)
    assert status == 400
    assert "it contains U+000D, which is not a printable character" in body
    for target in ["/ocpp/CP%00", "/ocpp/" + "x" * 4000, "/ocpp/" + "A" * 49, "/ocpp/CP%E2%80%AE"]:
        status, body, _ = await asyncio.to_thread(upgrade, port, target)
        assert (status, target[:20]) == (400, target[:20])
    # 48 characters, and a printable id outside OCPP's recommended set, are accepted.
    async with connected(server, "A" * 48) as charger:
        await charger.call(call.Heartbeat())
    for _ in range(2):
        async with connected(server, "CP%201") as charger:
            await charger.call(call.Heartbeat())
    server.wait_for_log("A" * 48 + " disconnected")
    assert server.stop() == 0
    assert sorted(row[0] for row in query(server, "SELECT id FROM chargers")) == ["A" * 48, "CP 1"]
    assert all(TIMESTAMP.match(line) for line in server.lines), [l for l in server.lines if not TIMESTAMP.match(l)]
    assert not any(line.startswith("2099") for line in server.lines)
    assert any(r"CP\r\n2099-01-01T00:00:00Z ERROR [central] forged" in line for line in server.lines)
    warnings = [line for line in server.lines if 'charger id "CP 1" has characters outside' in line]
    assert len(warnings) == 1, warnings


# Item 4: failed logins.

async def test_wrong_passwords_get_ever_slower_answers_a_right_one_gets_in_and_the_log_sums_up(ampwise):
    server = ampwise(chargers={"garage": {"password": "correct-horse-battery"}, "shed": {"password": "weak"}})
    port = server.port
    assert "chargers.shed.password has 4 characters" in server.wait_for_log("chargers.shed.password")
    assert not any("chargers.garage.password" in line for line in server.lines)
    wrong = ("Authorization: " + basic("garage", "guess"),)
    seconds = []
    for _ in range(5):
        status, _, elapsed = await asyncio.to_thread(upgrade, port, "/ocpp/garage", wrong)
        assert status == 401
        seconds.append(elapsed)
    # 0.1 s doubling each time (never early, but the failure count decays a little between
    # attempts: by 2^(-t/30) after t seconds).
    for found, least in zip(seconds, [0.1, 0.2, 0.4, 0.8, 1.6]):
        assert found >= least * 0.9, seconds
    # The sixth wrong password waits longer still (about 3 s); meanwhile the right one, from the same
    # address, gets in at once.
    slow = asyncio.create_task(asyncio.to_thread(upgrade, port, "/ocpp/garage", wrong))
    while metric(server, "ampwise_auth_failures_total") < 6:
        await asyncio.sleep(0.01)
    start = time.monotonic()
    async with connected(server, "garage", headers={"Authorization": basic("garage", "correct-horse-battery")}) as charger:
        await charger.call(call.Heartbeat())
    assert time.monotonic() - start < 1.5
    status, _, elapsed = await slow
    assert status == 401 and elapsed > seconds[-1] > seconds[0] * 10
    assert metric(server, "ampwise_auth_failures_total") == 6
    assert server.stop() == 0
    # One line for the first failure; the other five in one summary (written at shutdown here,
    # else once a minute).
    refused = [line for line in server.lines if "wrong credentials for charger garage" in line]
    assert len(refused) == 1, refused
    summary = [line for line in server.lines if "127.0.0.1: 5 more failed logins in the last" in line]
    assert len(summary) == 1 and "(charger ids: garage)" in summary[0], server.lines[-20:]


# Item 7: unfinished messages.

def partial_frame(size: int) -> bytes:
    """A masked text frame header announcing `size` bytes, and all of them but the last."""
    mask = os.urandom(4)
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(b" " * (size - 1)))
    return bytes([0x81, 0x80 | 127]) + struct.pack(">Q", size) + mask + payload


def receive_at_least(connection: socket.socket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = connection.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


async def test_past_max_buffered_bytes_the_largest_unfinished_message_is_closed_with_1009(ampwise):
    server = ampwise(central={"maxMessageBytes": 524288, "maxBufferedBytes": 1048576})
    port = server.port
    sockets = {}
    for name in ["CP-BIG", "CP-SMALL", "CP-MID"]:
        connection, status, _, _ = await asyncio.to_thread(open_upgrade, port, f"/ocpp/{name}")
        assert status == 101
        sockets[name] = connection
        server.wait_for_log(f"{name} connected")
    try:
        for name, size in [("CP-BIG", 500_000), ("CP-SMALL", 200_000), ("CP-MID", 400_000)]:
            await asyncio.to_thread(sockets[name].sendall, partial_frame(size))
        close = await asyncio.to_thread(receive_at_least, sockets["CP-BIG"], 4)
        assert close[:1] == b"\x88"  # a close frame
        assert struct.unpack(">H", close[2:4])[0] == 1009
        server.wait_for_log("CP-BIG: closed with 1009")
        async with connected(server, "CP-OTHER") as charger:
            await charger.call(call.Heartbeat())
        assert not any("CP-SMALL: closed" in line or "CP-MID: closed" in line for line in server.lines)
    finally:
        for connection in sockets.values():
            connection.close()
