#!/usr/bin/env python3
"""Holds N streams of GET /api/events open, as N dashboards would, and reads everything they are
sent, until SIGTERM or SIGINT; then prints one line of what came (BENCHMARKS.md, "Dashboard":
100 open event streams during S3).

    python3 Benchmarks/event_streams.py --port API_PORT [--streams 100] [--ready FILE]

--ready FILE is created once every stream has its `200` head (Benchmarks/central.sh waits for it).
--run-phase FILE: read at the end, `START END` (seconds since the epoch) of the load generator's run
phase; the output then also says what came before, during and after it, when its last charger event
came, and the bytes of each of its seconds (so that what the streams still get in the run phase, a
backlog of the connect phase or events made in it, shows).
After SIGTERM it reads on until nothing has come for a second, so that every event sent is counted.
A stream the server closes (it drops a client that reads too slowly) is opened again with the
last `id:` it saw as `Last-Event-ID`, as a browser's EventSource does, and counted.

The readers share the server's cores, so they cost what a browser's network stack would and no
more (BENCHMARKS.md): one large `recv` per ready stream, the events counted with one scan of what
came, the last `id:` found with one search from its end, and no copy of what came (only a few
bytes either side of each read's boundary are joined, for an event or an id cut in two).
"""

import argparse
import selectors
import signal
import socket
import time
from pathlib import Path


class Stream:
    def __init__(self, host: str, port: int, last_id: bytes | None):
        self.socket = socket.create_connection((host, port))
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        request = f"GET /api/events HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
        if last_id:
            request += f"Last-Event-ID: {last_id.decode()}\r\n"
        self.socket.sendall((request + "\r\n").encode())
        self.socket.setblocking(False)
        self.open = False
        self.last_id = last_id
        self.events = 0
        # The end of the previous read, so that an event name or an id cut between two reads is
        # still found.
        self.tail = b""

    def take(self, data: bytes) -> None:
        """Counts the events in `data` and keeps the last complete `id:` line."""
        self.events += data.count(EVENT) + (self.tail[-(len(EVENT) - 1):] + data[:len(EVENT) - 1]).count(EVENT)
        found = last_id_in(data)
        if found is None:
            # No whole id line in this read: one may span the boundary.
            found = last_id_in(self.tail + data[:BOUNDARY])
        if found is not None:
            self.last_id = found
        self.tail = data[-BOUNDARY:] if len(data) >= BOUNDARY else (self.tail + data)[-BOUNDARY:]


EVENT = b"event: "
# Counted per second only (a name cut between two reads is missed: a few in millions).
CHARGER_EVENT = b"event: charger\n"
# Longer than an `id:` line (`\nid: EPOCH-N\n`, about 25 bytes).
BOUNDARY = 64


def last_id_in(data: bytes) -> bytes | None:
    mark = data.rfind(b"\nid: ")
    while mark >= 0:
        end = data.find(b"\n", mark + 5)
        if end >= 0:
            return data[mark + 5:end]
        mark = data.rfind(b"\nid: ", 0, mark)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="the API port")
    parser.add_argument("--streams", type=int, default=100)
    parser.add_argument("--ready", type=Path, help="created once every stream is open")
    parser.add_argument("--run-phase", type=Path, help="holds `START END` of the run phase (epoch seconds)")
    arguments = parser.parse_args()

    stop = False

    def finish(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    selector = selectors.DefaultSelector()
    for _ in range(arguments.streams):
        stream = Stream(arguments.host, arguments.port, None)
        selector.register(stream.socket, selectors.EVENT_READ, stream)
    received = reopened = refused = 0
    events_of_closed_streams = 0
    began = time.monotonic()
    announced = False
    # After SIGTERM, reads on until nothing came for a second: what the server sent is all counted.
    quiet_since = None
    # Bytes and `charger` events received in each tenth of a second (of the epoch).
    bytes_by_tenth: dict[int, int] = {}
    chargers_by_tenth: dict[int, int] = {}
    while True:
        ready = selector.select(timeout=0.2)
        if stop:
            if ready:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= 1:
                break
        for key, _ in ready:
            stream: Stream = key.data
            try:
                data = stream.socket.recv(1 << 20)
            except (BlockingIOError, InterruptedError):
                continue
            except ConnectionError:
                data = b""
            if not data:
                selector.unregister(stream.socket)
                stream.socket.close()
                events_of_closed_streams += stream.events
                reopened += 1
                replacement = Stream(arguments.host, arguments.port, stream.last_id)
                selector.register(replacement.socket, selectors.EVENT_READ, replacement)
                continue
            if not stream.open:
                if not data.startswith(b"HTTP/1.1 200"):
                    refused += 1
                stream.open = True
            received += len(data)
            stream.take(data)
            tenth = int(time.time() * 10)
            bytes_by_tenth[tenth] = bytes_by_tenth.get(tenth, 0) + len(data)
            chargers_by_tenth[tenth] = chargers_by_tenth.get(tenth, 0) + data.count(CHARGER_EVENT)
        if not announced and arguments.ready and all(key.data.open for key in selector.get_map().values()):
            arguments.ready.touch()
            announced = True
    seconds = time.monotonic() - began
    per_stream = [key.data.events for key in selector.get_map().values()]
    events = sum(per_stream) + events_of_closed_streams
    # Every stream is sent the same events (all are open before the first charger connects): a
    # spread between them is an event lost.
    print(f"{arguments.streams} streams for {seconds:.1f} s: {received:,} bytes and {events:,} events received "
          f"({received / max(seconds, 1e-9) / 1e6:.1f} MB/s; per open stream {min(per_stream):,} to "
          f"{max(per_stream):,}), streams dropped by the server and reopened {reopened}, refused {refused}",
          flush=True)
    if arguments.run_phase and arguments.run_phase.exists():
        start, end = (float(field) for field in arguments.run_phase.read_text().split())
        print_run_phase(start, end, bytes_by_tenth, chargers_by_tenth)


def print_run_phase(start: float, end: float, bytes_by_tenth: dict[int, int], chargers_by_tenth: dict[int, int]) -> None:
    """What the streams received before, during and after the run phase (to a tenth of a second),
    when the last charger event of the run phase came, and the MB of each of its seconds."""
    first, last = int(start * 10), int(end * 10)

    def total(table: dict[int, int], low: int, high: int) -> int:
        return sum(value for tenth, value in table.items() if low <= tenth < high)

    # The keep-alive comments (every 15 s) are not what is looked for: the last charger event is.
    during = [tenth for tenth, count in chargers_by_tenth.items() if first <= tenth < last and count]
    last_event = f"{(max(during) + 1) / 10 - start:.1f} s into it" if during else "none in it"
    print(f"  before the run phase {total(bytes_by_tenth, 0, first):,} bytes, "
          f"{total(chargers_by_tenth, 0, first):,} charger events; "
          f"during it {total(bytes_by_tenth, first, last):,} bytes, "
          f"{total(chargers_by_tenth, first, last):,} charger events, the last {last_event}; "
          f"after it (the chargers leaving) {total(bytes_by_tenth, last, 1 << 60):,} bytes", flush=True)
    seconds = " ".join(f"{total(bytes_by_tenth, first + 10 * second, min(first + 10 * (second + 1), last)) / 1e6:.1f}"
                       for second in range((last - first + 9) // 10))
    print(f"  MB received in each second of the run phase: {seconds}", flush=True)


if __name__ == "__main__":
    main()
