"""Sources benchmark (issue 11, Performance): simulated meters read by `ampwise serve`.

    Tests/Interop/.venv/bin/python Benchmarks/sources.py --binary .build/release/ampwise

Three targets, each measured from outside the server:

  1. A meter value changes -> the new limit reaches the charger: p99 <= interval + 100 ms. Two meters,
     one over HTTP (JSON, `grid.power`, rule `limit -grid.power`) and one over Modbus TCP (an int32
     register, `input.modbusmeter`, rule `limit input.modbusmeter * 1 W`), each polled every second,
     each limiting its own single-phase charger (an OCPP 1.6 connection from this process, charging).
     The meter's value alternates between two powers (10 A and 15 A at 230 V); the time runs from
     the moment the device's value changes to the moment the SetChargingProfile with the new limit
     arrives at the charger. After each arrival a random pause of 0-1 s, so the changes fall at
     every phase of the poll.
  2. 200 sources polled every second cost under 2 % of a core: the server's CPU time (utime + stime,
     /proc) over a window, with no sources, with 200 HTTP sources and with 200 Modbus sources (each
     its own input, values changing on every read), no charger connected.
  3. A hanging device never delays the others: the limit latency of (1) and the read intervals of
     100 HTTP and 100 Modbus sources polled beside the meters (the gaps between a source's requests
     as its device sees them), without and then with 10 HTTP and 10 Modbus devices that accept the
     connection and never answer (default timeout: 5 s).

The devices are asyncio servers in this process (standard library: HTTP/1.1 with keep-alive, or
closing after every answer with `--http-close` or when the request says `Connection: close`, and
Modbus TCP functions 3 and 4); the charger is the benchmark
charger of Benchmarks/scheduler_latency.py (asyncio + `websockets`). Every time is taken here, on
the same 2 cores as the server, so every latency is an upper bound of the server's.
"""

import argparse
import asyncio
import json
import random
import struct
import time

import websockets
from websockets.asyncio.client import connect

from bench_server import Server, cpu_seconds, load_average, percentile, utc_now
from scheduler_latency import Charger

VOLTS = 230
LOW_W, LOW_A = 2300, 10.0
HIGH_W, HIGH_A = 3450, 15.0
ONE_PHASE = {"phases": 1, "voltage": VOLTS, "minCurrent": 6, "maxCurrent": 16}
RULES = {"meters.rules": """
rule "http meter" {
    chargers "bench-http"
    limit -grid.power
}

rule "modbus meter" {
    chargers "bench-modbus"
    limit input.modbusmeter * 1 W
}
"""}
# Increases go out at once like decreases (the default paces them 10 s apart): the benchmark
# measures the reading, not the pacing.
SCHEDULER = {"tick": 10, "deadband": 0.5, "minIncreaseInterval": 0}
METER_REGISTER = 0
BACKGROUND_REGISTER = 1000


class Devices:
    """Every simulated device: one HTTP server and one Modbus TCP server for the meters and the
    background sources, and servers that accept and never answer. Each request is recorded per
    source (by path or register) with the time it arrived."""

    def __init__(self, http_close: bool = False):
        self.http_close = http_close
        self.http_connections = 0
        self.http_meter_watts = -LOW_W
        self.modbus_meter_watts = LOW_W
        self.arrivals: dict[str, list[float]] = {}
        self.http_port = self.modbus_port = 0
        self.hanging_ports: list[int] = []
        self.servers: list[asyncio.base_events.Server] = []
        # Connections that stay open (Modbus, hanging devices): closed by `stop`.
        self.held: list[asyncio.StreamWriter] = []

    def note(self, source: str) -> None:
        self.arrivals.setdefault(source, []).append(time.perf_counter())

    @staticmethod
    def changing_value(index: int) -> int:
        # Changes every 100 ms, so every read of a background source is a new value.
        return int(time.time() * 10) % 5000 + index

    async def start(self, hanging: int) -> None:
        http = await asyncio.start_server(self.serve_http, "127.0.0.1", 0)
        modbus = await asyncio.start_server(self.serve_modbus, "127.0.0.1", 0)
        self.servers = [http, modbus]
        self.http_port = http.sockets[0].getsockname()[1]
        self.modbus_port = modbus.sockets[0].getsockname()[1]
        for _ in range(hanging):
            server = await asyncio.start_server(self.hang, "127.0.0.1", 0)
            self.servers.append(server)
            self.hanging_ports.append(server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        for server in self.servers:
            server.close()
        for writer in self.held:
            writer.close()
        # The handlers end on their own once their connections are closed.
        await asyncio.sleep(0.2)

    async def serve_http(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # HTTP/1.1 with keep-alive, as a meter's web server: answers request after request on one
        # connection until the client closes it or asks for `Connection: close` (which the device
        # then sends and honours), or always closes with `--http-close`.
        self.http_connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                self.note(path)
                if path == "/meter":
                    body = json.dumps({"power": self.http_meter_watts}).encode()
                else:
                    body = json.dumps({"power": self.changing_value(int(path.rsplit("/", 1)[1]))}).encode()
                closing = self.http_close or b"\r\nconnection: close" in head.lower()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             + (b"Connection: close\r\n" if closing else b"")
                             + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                await writer.drain()
                if closing:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def serve_modbus(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.held.append(writer)
        try:
            while True:
                header = await reader.readexactly(7)
                transaction, _, length, unit = struct.unpack(">HHHB", header)
                pdu = await reader.readexactly(length - 1)
                function, address, count = struct.unpack(">BHH", pdu[:5])
                if address == METER_REGISTER:
                    self.note("modbus-meter")
                    registers = struct.unpack(">HH", struct.pack(">i", self.modbus_meter_watts))
                else:
                    index = (address - BACKGROUND_REGISTER) // 2
                    self.note(f"modbus-{index}")
                    registers = struct.unpack(">HH", struct.pack(">i", self.changing_value(index)))
                registers = (registers + (0,) * count)[:count]
                answer = struct.pack(">BB", function, 2 * count) + b"".join(struct.pack(">H", r) for r in registers)
                writer.write(struct.pack(">HHHB", transaction, 0, len(answer) + 1, unit) + answer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def hang(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # Accepts, reads what comes and never answers, until the client gives up.
        self.held.append(writer)
        try:
            while await reader.read(4096):
                pass
        except ConnectionError:
            pass


def sources_config(devices: Devices, http_sources: int, modbus_sources: int, meters: bool) -> dict:
    sources: dict[str, dict] = {}
    if meters:
        sources["meter-http"] = {"type": "http", "url": f"http://127.0.0.1:{devices.http_port}/meter",
                                 "interval": 1, "inputs": {"grid.power": {"path": "power"}}}
        sources["meter-modbus"] = {"type": "modbus", "host": "127.0.0.1", "port": devices.modbus_port,
                                   "interval": 1, "inputs": {"input.modbusmeter": {
                                       "register": METER_REGISTER, "format": "int32"}}}
    for index in range(http_sources):
        sources[f"http-{index}"] = {"type": "http", "url": f"http://127.0.0.1:{devices.http_port}/s/{index}",
                                    "interval": 1, "inputs": {f"input.h{index}": {"path": "power"}}}
    for index in range(modbus_sources):
        sources[f"modbus-{index}"] = {"type": "modbus", "host": "127.0.0.1", "port": devices.modbus_port,
                                      "interval": 1, "inputs": {f"input.m{index}": {
                                          "register": BACKGROUND_REGISTER + 2 * index, "format": "int32"}}}
    for number, port in enumerate(devices.hanging_ports):
        if number % 2 == 0:
            sources[f"hanging-http-{number}"] = {"type": "http", "url": f"http://127.0.0.1:{port}/",
                                                 "interval": 1, "inputs": {f"input.hang{number}": {}}}
        else:
            sources[f"hanging-modbus-{number}"] = {"type": "modbus", "host": "127.0.0.1", "port": port,
                                                   "interval": 1, "inputs": {f"input.hang{number}": {
                                                       "register": 0}}}
    return sources


class Chargers:
    """Routes the SetChargingProfile limits the benchmark chargers receive to whoever waits."""

    def __init__(self):
        self.profile_round = self  # the attribute `Charger` reports to
        self.waiting: dict[str, tuple[float, float, asyncio.Future]] = {}

    def saw(self, charger_id: str, limit: float, at: float) -> None:
        wanted = self.waiting.get(charger_id)
        if wanted and abs(limit - wanted[0]) < 0.05 and at >= wanted[1] and not wanted[2].done():
            wanted[2].set_result(at)

    async def connect(self, port: int, charger_id: str) -> Charger:
        charger = Charger(charger_id, self)
        charger.ws = await connect(f"ws://127.0.0.1:{port}/ocpp/{charger_id}", subprotocols=["ocpp1.6"],
                                   open_timeout=30, ping_interval=None, compression=None)
        charger.spawn(charger.receive_loop())
        answer = await charger.call("BootNotification", {"chargePointVendor": "bench", "chargePointModel": "sources"})
        assert answer.get("status") == "Accepted", answer
        try:
            # The set-up (GetConfiguration, TriggerMessage) done, so the session starts after it.
            await asyncio.wait_for(charger.settled.wait(), 10)
        except asyncio.TimeoutError:
            pass
        await charger.start_session("bench")
        return charger


async def measure_cpu(binary: str, window: float, http_sources: int, modbus_sources: int, http_close: bool) -> None:
    devices = Devices(http_close)
    await devices.start(hanging=0)
    server = Server(binary, {"sources": sources_config(devices, http_sources, modbus_sources, meters=False)})
    try:
        await asyncio.sleep(5)  # the first reads, connections opened: then the steady state
        reads_before = sum(len(times) for times in devices.arrivals.values())
        connections_before = devices.http_connections
        cpu_before, started = cpu_seconds(server.pid), time.monotonic()
        await asyncio.sleep(window)
        cpu, elapsed = cpu_seconds(server.pid) - cpu_before, time.monotonic() - started
        reads = sum(len(times) for times in devices.arrivals.values()) - reads_before
        connections = devices.http_connections - connections_before
        print(f"RESULT sources_cpu http={http_sources} modbus={modbus_sources} window_s={elapsed:.1f} "
              f"reads_per_s={reads / elapsed:.1f} server_cpu_s={cpu:.2f} server_cpu_pct={100 * cpu / elapsed:.2f} "
              f"us_per_read={1e6 * cpu / max(reads, 1):.0f} http_connections={connections} "
              f"load={load_average().replace(' ', '/')}", flush=True)
    finally:
        server.stop()
        await devices.stop()


async def measure_latency(binary: str, changes: int, background: int, hanging: int, http_close: bool) -> None:
    devices = Devices(http_close)
    await devices.start(hanging=hanging)
    config = {"sources": sources_config(devices, background // 2, background - background // 2, meters=True),
              "scheduler": SCHEDULER, "chargers": {"bench-http": ONE_PHASE, "bench-modbus": ONE_PHASE}}
    server = Server(binary, config, RULES)
    chargers = Chargers()
    connected: list[Charger] = []
    try:
        for charger_id in ("bench-http", "bench-modbus"):
            connected.append(await chargers.connect(server.port, charger_id))
        await asyncio.sleep(3)  # the first profiles go out; the hanging sources have started failing
        window_start = time.perf_counter()
        latencies: dict[str, list[float]] = {"http": [], "modbus": []}
        missing = 0
        for number in range(changes):
            kind = "http" if number % 2 == 0 else "modbus"
            going_high = (number // 2) % 2 == 0
            amps = HIGH_A if going_high else LOW_A
            watts = HIGH_W if going_high else LOW_W
            arrived = asyncio.get_running_loop().create_future()
            changed = time.perf_counter()
            chargers.waiting[f"bench-{kind}"] = (amps, changed, arrived)
            if kind == "http":
                devices.http_meter_watts = -watts
            else:
                devices.modbus_meter_watts = watts
            try:
                at = await asyncio.wait_for(arrived, 10)
                latencies[kind].append((at - changed) * 1000)
            except asyncio.TimeoutError:
                missing += 1
            await asyncio.sleep(random.uniform(0, 1))  # the next change at another phase of the poll
        window_end = time.perf_counter()
        every = latencies["http"] + latencies["modbus"]
        p99 = percentile(every, 0.99)
        print(f"RESULT sources_latency background={background} hanging={hanging} changes={changes} "
              f"missing={missing} p50_ms={percentile(every, 0.5):.0f} p99_ms={p99:.0f} max_ms={max(every):.0f} "
              f"http_p99_ms={percentile(latencies['http'], 0.99):.0f} "
              f"modbus_p99_ms={percentile(latencies['modbus'], 0.99):.0f} target_p99_ms=1100 "
              f"{'met' if missing == 0 and p99 <= 1100 else 'MISSED'}", flush=True)
        gaps = []
        for source, times in devices.arrivals.items():
            if source.startswith(("/s/", "modbus-")) and source != "modbus-meter":
                inside = [t for t in times if window_start <= t <= window_end]
                gaps += [(b - a) * 1000 for a, b in zip(inside, inside[1:])]
        print(f"RESULT sources_intervals background={background} hanging={hanging} gaps={len(gaps)} "
              f"p1_ms={percentile(gaps, 0.01):.0f} p50_ms={percentile(gaps, 0.5):.0f} "
              f"p99_ms={percentile(gaps, 0.99):.0f} max_ms={max(gaps):.0f} "
              f"load={load_average().replace(' ', '/')}", flush=True)
        if hanging:
            failing = sum("cannot read" in line and "hanging-" in line for line in server.lines)
            print(f"hanging sources logged as failing: {failing} of {hanging}", flush=True)
    finally:
        for charger in connected:
            await charger.ws.close()
            for task in list(charger.tasks):
                task.cancel()
        server.stop()
        await devices.stop()


async def run(args) -> None:
    print(f"started {utc_now()}, load average {load_average()}", flush=True)
    if "cpu" in args.phases:
        await measure_cpu(args.binary, args.window, 0, 0, args.http_close)
        await measure_cpu(args.binary, args.window, args.sources, 0, args.http_close)
        await measure_cpu(args.binary, args.window, 0, args.sources, args.http_close)
    if "latency" in args.phases:
        await measure_latency(args.binary, args.changes, args.sources, 0, args.http_close)
        await measure_latency(args.binary, args.changes, args.sources, args.hanging, args.http_close)
    print(f"finished {utc_now()}, load average {load_average()}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the ampwise binary (a release build)")
    parser.add_argument("--phases", default="cpu,latency", help="cpu, latency or both (default)")
    parser.add_argument("--sources", type=int, default=200, help="background sources (default 200)")
    parser.add_argument("--hanging", type=int, default=20, help="devices that never answer (default 20)")
    parser.add_argument("--changes", type=int, default=60, help="meter changes per latency run (default 60)")
    parser.add_argument("--window", type=float, default=30, help="seconds of each CPU measurement (default 30)")
    parser.add_argument("--http-close", action="store_true",
                        help="HTTP devices close the connection after every answer (default: keep-alive)")
    args = parser.parse_args()
    args.phases = set(args.phases.split(","))
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
