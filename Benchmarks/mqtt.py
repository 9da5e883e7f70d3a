"""MQTT benchmarks (issue 12, Performance), standard library only (MQTT 3.1.1 written here: CONNECT,
SUBSCRIBE, PUBLISH QoS 0, as far as a benchmark needs).

    python3 Benchmarks/mqtt.py inbound --binary .build/release/ampwise
    python3 Benchmarks/mqtt.py stalled --binary .build/release/ampwise
    python3 Benchmarks/mqtt.py count --port 1883 --seconds 30      (used by Benchmarks/central.sh mqtt)
    python3 Benchmarks/mqtt.py sent --port 1883                    (used by Benchmarks/central.sh mqtt)

inbound: `ampwise serve` connected to a local mosquitto; a publisher sends `--rate` messages a second
  (default 1,000) to `ampwise/inputs/input.bench/set` for `--seconds`, each a new value. Ampwise logs
  every command it has carried out (`[mqtt] TOPIC: input.bench = VALUE`, at `info`, after the input
  is set in the engine and stored: PUT /api/inputs's path). The latency of a message is its log
  line's time minus the moment it was written to the broker (both wall clock, the log's in ms).
  Also: messages carried out, the server's CPU and RSS. Target: p99 <= 20 ms.

stalled: a fake broker that accepts the connection, answers CONNACK and then never reads again
  (each new connection too). 1,000 chargers of the load generator (Benchmarks/loadgen.c, built here
  with gcc) charge and send MeterValues at `--meter-rate` a second in all (default 1,000: every
  connector changes every second, so state topics change all the time). The server's RSS is
  sampled every 5 s for `--seconds` (default 120), with the bytes waiting unread in the fake
  broker's socket (what Ampwise's socket sent before the window closed) and the connections it saw;
  then the same load with mosquitto, which reads, for comparison. Target: RSS flat while the broker
  does not read (docs/mqtt.md, "Memory and the broker").

count: subscribes to `ampwise/#` and `homeassistant/#` on a broker and prints how many messages
  arrived (per second, retained ones, per first topic level).

sent: mosquitto's own count of the PUBLISH packets it has sent (`$SYS/broker/publish/messages/sent`).
"""

import argparse
import asyncio
import fcntl
import os
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from datetime import datetime

from bench_server import Mosquitto, Server, cpu_seconds, load_average, memory_mb, percentile, utc_now

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def remaining_length(length: int) -> bytes:
    """MQTT 3.1.1 §2.2.3: seven bits a byte, least significant first."""
    encoded = bytearray()
    while True:
        byte, length = length % 128, length // 128
        encoded.append(byte | (0x80 if length else 0))
        if not length:
            return bytes(encoded)


def string(text: str) -> bytes:
    data = text.encode()
    return struct.pack(">H", len(data)) + data


def packet(header: int, body: bytes) -> bytes:
    return bytes([header]) + remaining_length(len(body)) + body


def connect_packet(client_id: str) -> bytes:
    # Protocol "MQTT" level 4, clean session, keep-alive 60 s.
    return packet(0x10, string("MQTT") + bytes([4, 0x02]) + struct.pack(">H", 60) + string(client_id))


def publish_packet(topic: str, payload: bytes) -> bytes:
    return packet(0x30, string(topic) + payload)


def read_packet(connection: socket.socket) -> tuple[int, bytes]:
    def exactly(count: int) -> bytes:
        data = b""
        while len(data) < count:
            chunk = connection.recv(count - len(data))
            if not chunk:
                raise ConnectionError("the broker closed the connection")
            data += chunk
        return data

    header = exactly(1)[0]
    length, multiplier = 0, 1
    while True:
        byte = exactly(1)[0]
        length += (byte & 0x7F) * multiplier
        multiplier *= 128
        if not byte & 0x80:
            break
    return header, exactly(length)


def mqtt_connect(port: int, client_id: str) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port), timeout=30)
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    connection.sendall(connect_packet(client_id))
    header, body = read_packet(connection)
    if header != 0x20 or body[1] != 0:
        raise RuntimeError(f"CONNACK refused: {body!r}")
    return connection


# --- count ---------------------------------------------------------------------------------

def count(args) -> None:
    connection = mqtt_connect(args.port, f"bench-counter-{time.monotonic_ns()}")
    filters = string("ampwise/#") + bytes([0]) + string("homeassistant/#") + bytes([0])
    connection.sendall(packet(0x82, struct.pack(">H", 1) + filters))
    connection.settimeout(1)
    per_second: list[int] = []
    current, started = 0, time.monotonic()
    by_prefix: dict[str, int] = {}
    retained = 0
    while time.monotonic() - started < args.seconds:
        try:
            header, body = read_packet(connection)
            if header >> 4 == 3:
                current += 1
                retained += header & 1
                topic = body[2:2 + struct.unpack(">H", body[:2])[0]].decode()
                prefix = topic.split("/", 1)[0]
                by_prefix[prefix] = by_prefix.get(prefix, 0) + 1
        except socket.timeout:
            pass
        if time.monotonic() - started >= len(per_second) + 1:
            per_second.append(current)
            current = 0
    prefixes = " ".join(f"{prefix}={count}" for prefix, count in sorted(by_prefix.items()))
    print(f"RESULT mqtt_messages total={sum(per_second)} retained={retained} {prefixes} "
          f"per_second={','.join(map(str, per_second))}", flush=True)


def sent(args) -> None:
    """mosquitto's count of the PUBLISH packets it has sent to its clients (its `$SYS` topic,
    updated every `sys_interval`): before any other client connects, those that reached Ampwise."""
    connection = mqtt_connect(args.port, f"bench-sent-{time.monotonic_ns()}")
    topic = "$SYS/broker/publish/messages/sent"
    connection.sendall(packet(0x82, struct.pack(">H", 1) + string(topic) + bytes([0])))
    connection.settimeout(10)
    while True:
        header, body = read_packet(connection)
        if header >> 4 == 3:
            length = struct.unpack(">H", body[:2])[0]
            print(f"RESULT broker_sent_publishes={body[2 + length:].decode()}", flush=True)
            return


# --- inbound -------------------------------------------------------------------------------

def inbound(args) -> None:
    print(f"started {utc_now()}, load average {load_average()}", flush=True)
    broker = Mosquitto()
    server = Server(args.binary, {"logLevel": "info", "mqtt": {"broker": broker.url}})
    try:
        deadline = time.monotonic() + 20
        while not any("connected to mqtt://" in line for line in server.lines):
            if time.monotonic() > deadline:
                raise RuntimeError("ampwise did not connect to mosquitto:\n" + "\n".join(server.lines[-20:]))
            time.sleep(0.05)  # polling the log the server writes: there is no event to wait on
        # Subscribed once Ampwise's SUBSCRIBE is answered; a short pause covers it.
        time.sleep(1)
        publisher = mqtt_connect(broker.port, "bench-publisher")
        topic = "ampwise/inputs/input.bench/set"
        sent: dict[str, float] = {}
        total = int(args.rate * args.seconds)
        cpu_before, rss_before = cpu_seconds(server.pid), memory_mb(server.pid)["VmRSS"]
        started = time.monotonic()
        for index in range(total):
            due = started + index / args.rate
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)  # pacing of the offered load
            value = str(index + 1)
            sent[value] = time.time()
            publisher.sendall(publish_packet(topic, value.encode()))
        offered = time.monotonic() - started
        # Wait until the last message is carried out (or 10 s).
        last = f"input.bench = {total}"
        deadline = time.monotonic() + 10
        while not any(line.endswith(last) for line in server.lines[-50:]) and time.monotonic() < deadline:
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        cpu, rss_after = cpu_seconds(server.pid) - cpu_before, memory_mb(server.pid)
        latencies = []
        marker = f"[mqtt] {topic}: input.bench = "
        for line in list(server.lines):
            if marker in line:
                value = line.rsplit(" = ", 1)[1]
                stamp = datetime.strptime(line.split(" ", 1)[0], "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
                if value in sent:
                    latencies.append((stamp - sent[value]) * 1000)
        p99 = percentile(latencies, 0.99)
        print(f"RESULT mqtt_inbound offered={total} over_s={offered:.1f} rate_per_s={total / offered:.0f} "
              f"carried_out={len(latencies)} p50_ms={percentile(latencies, 0.5):.1f} p99_ms={p99:.1f} "
              f"max_ms={max(latencies, default=float('nan')):.1f} server_cpu_pct={100 * cpu / elapsed:.0f} "
              f"rss_mb={rss_before:.0f}->{rss_after['VmRSS']:.0f} load={load_average().replace(' ', '/')} "
              f"target_p99_ms=20 {'met' if len(latencies) == total and p99 <= 20 else 'MISSED'}", flush=True)
        publisher.close()
    finally:
        server.stop()
        broker.stop()
    print(f"finished {utc_now()}, load average {load_average()}", flush=True)


# --- stalled -------------------------------------------------------------------------------

class StalledBroker:
    """Accepts, reads the CONNECT, answers CONNACK (accepted) and never reads again."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            try:
                read_packet(connection)  # CONNECT
                connection.sendall(bytes([0x20, 2, 0, 0]))
            except OSError:
                pass
            self.connections.append(connection)

    def unread_bytes(self) -> int:
        """Bytes waiting in the newest connection's receive queue (what Ampwise sent, unread)."""
        for connection in reversed(self.connections):
            try:
                return struct.unpack("i", fcntl.ioctl(connection.fileno(), termios.FIONREAD, b"\0" * 4))[0]
            except OSError:
                continue
        return 0

    def close(self) -> None:
        self.listener.close()
        for connection in self.connections:
            connection.close()


def build_loadgen(folder: str) -> str:
    binary = os.path.join(folder, "loadgen")
    subprocess.run(["gcc", "-O2", "-pthread", "-o", binary, os.path.join(ROOT, "Benchmarks", "loadgen.c"), "-lm"],
                   check=True)
    return binary


def stalled_run(args, loadgen: str, broker_url: str, label: str, stalled: StalledBroker | None) -> None:
    server = Server(args.binary, {"mqtt": {"broker": broker_url}})
    try:
        load = subprocess.Popen(
            [loadgen, "-p", str(server.port), "-t", "1", "-c", str(args.chargers), "--charging", "--meter",
             "--rate", str(args.meter_rate), "-d", str(args.seconds + 5), "-q", "--prefix", "ST"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        started = time.monotonic()
        samples = []
        while time.monotonic() - started < args.seconds:
            time.sleep(5)
            memory = memory_mb(server.pid)
            unread = stalled.unread_bytes() if stalled else 0
            connections = len(stalled.connections) if stalled else 1
            samples.append(memory["VmRSS"])
            print(f"  {label} t={time.monotonic() - started:5.0f}s rss_mb={memory['VmRSS']:.1f} "
                  f"hwm_mb={memory['VmHWM']:.1f} broker_unread_kb={unread / 1024:.0f} "
                  f"broker_connections={connections}", flush=True)
        result = load.communicate(timeout=120)[0]
        calls = next((line for line in result.splitlines() if line.startswith("RESULT")), "no RESULT")
        print(f"RESULT mqtt_stalled broker={label} rss_first_mb={samples[0]:.1f} rss_min_mb={min(samples):.1f} "
              f"rss_max_mb={max(samples):.1f} rss_last_mb={samples[-1]:.1f} "
              f"hwm_mb={memory_mb(server.pid)['VmHWM']:.1f} load={load_average().replace(' ', '/')}", flush=True)
        print(f"  load generator: {calls}", flush=True)
        dropped = [line for line in server.lines if "mqtt" in line]
        print(f"  server log lines about MQTT: {len(dropped)}; the first: {dropped[:3]}", flush=True)
    finally:
        server.stop()


def stalled(args) -> None:
    print(f"started {utc_now()}, load average {load_average()}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        loadgen = build_loadgen(folder)
        fake = StalledBroker()
        try:
            stalled_run(args, loadgen, f"mqtt://127.0.0.1:{fake.port}", "stalled", fake)
        finally:
            fake.close()
        broker = Mosquitto()
        try:
            stalled_run(args, loadgen, broker.url, "mosquitto", None)
        finally:
            broker.stop()
    print(f"finished {utc_now()}, load average {load_average()}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("inbound")
    one.add_argument("--binary", required=True)
    one.add_argument("--rate", type=float, default=1000)
    one.add_argument("--seconds", type=float, default=20)
    two = commands.add_parser("stalled")
    two.add_argument("--binary", required=True)
    two.add_argument("--chargers", type=int, default=1000)
    two.add_argument("--meter-rate", type=int, default=1000)
    two.add_argument("--seconds", type=float, default=120)
    three = commands.add_parser("count")
    three.add_argument("--port", type=int, required=True)
    three.add_argument("--seconds", type=float, default=30)
    four = commands.add_parser("sent")
    four.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    {"inbound": inbound, "stalled": stalled, "count": count, "sent": sent}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
