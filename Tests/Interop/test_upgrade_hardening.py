"""Issue 8 item 3: hostile charger ids at the WebSocket upgrade, seen from outside through
`ampwise serve`.

The upgrades are written by hand on plain sockets: a WebSocket library would not send an id with a
NUL in it.
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
