"""Memory held by unfinished messages (issue 8, item 7): starts `ampwise serve`, opens N WebSocket
connections, sends on each all but the last byte of one large text message, and reports the
server's memory (VmRSS, VmHWM) before and after, and how many connections it closed with 1009.

    python3 Benchmarks/unfinished_messages.py --binary .build/release/ampwise
    python3 Benchmarks/unfinished_messages.py --binary .build/release/ampwise --max-buffered-bytes 268435456

Standard library only. `--max-buffered-bytes` sets `central.maxBufferedBytes` (leave it out for a
build that does not know the key).
"""

import argparse
import json
import os
import socket
import struct
import subprocess
import tempfile
import time

from bench_server import free_port, memory_mb


def upgrade(port: int, index: int) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port), timeout=30)
    request = (f"GET /ocpp/BUF-{index} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n")
    connection.sendall(request.encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += connection.recv(4096)
    if not response.startswith(b"HTTP/1.1 101"):
        raise RuntimeError(response.decode(errors="replace"))
    return connection


def partial_message(size: int) -> bytes:
    """A masked text frame announcing `size` bytes, and all of them but the last (mask 0: the
    payload goes as it is)."""
    return bytes([0x81, 0x80 | 127]) + struct.pack(">Q", size) + b"\0\0\0\0" + b" " * (size - 1)


def closed_with_1009(connection: socket.socket) -> bool:
    connection.setblocking(False)
    try:
        data = connection.recv(16)
    except (BlockingIOError, InterruptedError):
        return False
    except OSError:
        return True
    return not data or (data[:1] == b"\x88" and struct.unpack(">H", data[2:4])[0] == 1009)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--connections", type=int, default=300)
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of each unfinished message")
    parser.add_argument("--max-buffered-bytes", type=int)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        port = free_port()
        central = {"host": "127.0.0.1", "port": port}
        if args.max_buffered_bytes is not None:
            central["maxBufferedBytes"] = args.max_buffered_bytes
        config = {"central": central, "api": {"host": "127.0.0.1", "port": free_port()}, "logLevel": "warning"}
        with open(os.path.join(directory, "ampwise.json"), "w") as file:
            json.dump(config, file)
        os.mkdir(os.path.join(directory, "rules"))
        server = subprocess.Popen(
            [os.path.abspath(args.binary), "serve", "--config", "ampwise.json", "--rules", "rules", "--db", "ampwise.sqlite",
             "--log-level", "info"],
            cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            for line in server.stderr:
                if "central system listening" in line:
                    break
            connections = [upgrade(port, index) for index in range(args.connections)]
            time.sleep(1)  # let the connect-time work (charger records, events) settle before measuring
            before = memory_mb(server.pid)
            for connection in connections:
                try:
                    connection.sendall(partial_message(args.size))
                except OSError:  # closed by the server meanwhile: counted below
                    pass
            # Wait until the server has read everything: RSS steady for a second.
            last, steady_since = memory_mb(server.pid)["VmRSS"], time.monotonic()
            while time.monotonic() - steady_since < 1:
                time.sleep(0.1)
                now = memory_mb(server.pid)["VmRSS"]
                if abs(now - last) > 1:
                    last, steady_since = now, time.monotonic()
            after = memory_mb(server.pid)
            closed = sum(closed_with_1009(connection) for connection in connections)
            held = args.connections - closed
            print(f"RESULT unfinished connections={args.connections} size={args.size} "
                  f"max_buffered_bytes={args.max_buffered_bytes or 'default'} closed_1009={closed} still_open={held} "
                  f"rss_before_mb={before['VmRSS']:.0f} rss_after_mb={after['VmRSS']:.0f} "
                  f"growth_mb={after['VmRSS'] - before['VmRSS']:.0f} hwm_mb={after['VmHWM']:.0f}")
            for connection in connections:
                connection.close()
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
