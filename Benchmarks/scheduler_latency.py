"""Scheduler latency benchmark (issue 5, Performance): N simulated chargers on a running
`ampwise serve`, measuring the two targets from the chargers' side of the wire.

  1. StatusNotification Preparing -> RemoteStartTransaction arriving at the charger
     (target: p99 <= 50 ms with 1,000 chargers).
  2. One `PUT /api/inputs` -> the new SetChargingProfile arriving at every connector
     (target: the last of 1,000 within 500 ms).

It starts nothing itself: `Benchmarks/central.sh scheduler` starts the server with the rules
both phases need (an auto-start rule, and a limit that follows `input.available`) and passes
the ports. The chargers are plain asyncio + `websockets` (no OCPP library), one connection
each, all in this one process.

Every time is taken in this process (time.perf_counter): the Python client's own work (parsing,
its event loop serving 1,000 sockets, sharing the machine with the server) is inside every
figure, so they are upper bounds of the server's latency, not the server's latency itself.
"""

import argparse
import asyncio
import json
import math
import random
import statistics
import time
from datetime import datetime, timezone

import websockets
from websockets.asyncio.client import connect

# What every simulated charger reports in GetConfiguration: the keys a real smart-charging
# wallbox reports and the set-up reads. MeterValuesSampledData is a typical factory default,
# different from what Ampwise wants, so the set-up also sends a ChangeConfiguration, as it
# would for a real charger.
CONFIGURATION = {
    "SupportedFeatureProfiles": "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger",
    "NumberOfConnectors": "1",
    "ChargingScheduleAllowedChargingRateUnit": "Current",
    "ChargeProfileMaxStackLevel": "8",
    "ChargingScheduleMaxPeriods": "24",
    "MaxChargingProfilesInstalled": "8",
    "MeterValuesSampledData": "Energy.Active.Import.Register",
    "MeterValuesSampledDataMaxLength": "8",
    "MeterValueSampleInterval": "60",
    "HeartbeatInterval": "300",
    "ConnectionTimeOut": "60",
    "AuthorizeRemoteTxRequests": "false",
    "LocalPreAuthorize": "false",
}
READONLY = {"SupportedFeatureProfiles", "NumberOfConnectors", "ChargingScheduleAllowedChargingRateUnit",
            "ChargeProfileMaxStackLevel", "ChargingScheduleMaxPeriods", "MaxChargingProfilesInstalled",
            "MeterValuesSampledDataMaxLength"}

# The two values of `input.available` (W per connector) the limit phase alternates between. The
# rule is `limit max(6 A, min(16 A, input.available * 1 W / 230 V / 3))`, so these are 16 A and
# 10 A: 6 A apart, far outside the 0.5 A deadband.
HIGH_W, HIGH_A = 11040, 16.0
LOW_W, LOW_A = 6900, 10.0


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `fraction` of all at or below it."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


class ProfileRound:
    """One input change: which connectors have received a profile with the new limit, and when."""

    def __init__(self, limit: float, expected: set[str]):
        self.limit = limit
        self.expected = expected
        self.arrivals: dict[str, float] = {}
        self.done = asyncio.Event()

    def saw(self, charger_id: str, limit: float, at: float) -> None:
        if abs(limit - self.limit) < 0.05 and charger_id in self.expected and charger_id not in self.arrivals:
            self.arrivals[charger_id] = at
            if len(self.arrivals) == len(self.expected):
                self.done.set()


class Charger:
    """One simulated single-connector charger: answers every CALL from the server with a minimal
    valid CALLRESULT and records when the calls the benchmark measures arrive."""

    def __init__(self, charger_id: str, bench: "Bench"):
        self.id = charger_id
        self.bench = bench
        self.ws = None
        self.configuration = dict(CONFIGURATION)
        self.status = "Available"
        self.next_id = 0
        self.pending: dict[str, asyncio.Future] = {}
        self.tasks: set[asyncio.Task] = set()  # kept so that the loop does not drop them
        self.got_configuration = False
        self.settled = asyncio.Event()  # set-up done: GetConfiguration seen, triggered status sent
        self.preparing_at: float | None = None
        self.remote_start_at: float | None = None
        self.remote_started = asyncio.Event()
        self.charging = asyncio.Event()  # transaction open and Charging reported
        self.transaction_id: int | None = None
        self.unexpected: list[str] = []

    def spawn(self, coroutine) -> None:
        task = asyncio.create_task(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self.finished)

    def finished(self, task: asyncio.Task) -> None:
        # A failed call (no answer, connection closed) is reported with the results instead of
        # as an unretrieved-exception warning in the middle of them.
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.unexpected.append(f"{task.get_coro().__name__}: {task.exception()!r}")

    async def call(self, action: str, payload: dict, timeout: float = 30) -> dict:
        """Sends a CALL and waits (at most `timeout`) for its CALLRESULT."""
        self.next_id += 1
        message_id = str(self.next_id)
        future = asyncio.get_running_loop().create_future()
        self.pending[message_id] = future
        try:
            if action == "StatusNotification" and payload["status"] == "Preparing":
                # The measured interval starts here, immediately before the frame is written.
                self.preparing_at = time.perf_counter()
            await self.ws.send(json.dumps([2, message_id, action, payload]))
            return await asyncio.wait_for(future, timeout)
        finally:
            self.pending.pop(message_id, None)

    async def status_notification(self, status: str) -> None:
        self.status = status
        await self.call("StatusNotification", {"connectorId": 1, "errorCode": "NoError", "status": status,
                                               "timestamp": utc_now()})

    async def receive_loop(self) -> None:
        """Reads every frame; answers CALLs at once, resolves our pending CALLs."""
        try:
            async for raw in self.ws:
                arrived = time.perf_counter()  # before any parsing: the closest to "on the wire"
                message = json.loads(raw)
                if message[0] == 2:
                    await self.answer(message[1], message[2], message[3], arrived)
                elif message[0] in (3, 4):
                    future = self.pending.get(message[1])
                    if future is not None and not future.done():
                        if message[0] == 3:
                            future.set_result(message[2])
                        else:
                            future.set_exception(RuntimeError(f"CALLERROR {message[2]}: {message[3]}"))
        except websockets.ConnectionClosed:
            pass

    async def answer(self, message_id: str, action: str, payload: dict, arrived: float) -> None:
        result: dict
        if action == "GetConfiguration":
            wanted = payload.get("key") or list(self.configuration)
            result = {"configurationKey": [{"key": k, "readonly": k in READONLY, "value": self.configuration[k]}
                                           for k in wanted if k in self.configuration]}
            unknown = [k for k in wanted if k not in self.configuration]
            if unknown:
                result["unknownKey"] = unknown
            self.got_configuration = True
        elif action == "ChangeConfiguration":
            self.configuration[payload["key"]] = payload["value"]
            result = {"status": "Accepted"}
        elif action == "TriggerMessage":
            requested = payload.get("requestedMessage")
            if requested == "StatusNotification":
                result = {"status": "Accepted"}
                # OCPP: the triggered message follows the answer; sent from a task because this
                # loop must keep reading to receive its CALLRESULT.
                self.spawn(self.triggered_status())
            elif requested == "Heartbeat":
                result = {"status": "Accepted"}
                self.spawn(self.call("Heartbeat", {}))
            else:
                result = {"status": "NotImplemented"}
        elif action == "SetChargingProfile":
            limit = payload["csChargingProfiles"]["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"]
            if self.bench.profile_round is not None:
                self.bench.profile_round.saw(self.id, float(limit), arrived)
            result = {"status": "Accepted"}
        elif action == "RemoteStartTransaction":
            if self.remote_start_at is None:
                self.remote_start_at = arrived
                self.remote_started.set()
            result = {"status": "Accepted"}
            # A real charger starts the session right after accepting; so does this one, which is
            # what puts the connectors in Charging with an open transaction for the limit phase.
            self.spawn(self.start_session(payload.get("idTag", "bench")))
        elif action in ("ClearChargingProfile",):
            result = {"status": "Accepted"}
        elif action in ("RemoteStopTransaction", "ChangeAvailability", "Reset", "UnlockConnector"):
            result = {"status": "Unlocked" if action == "UnlockConnector" else "Accepted"}
        else:
            self.unexpected.append(action)
            await self.ws.send(json.dumps([4, message_id, "NotImplemented", f"{action} not simulated", {}]))
            return
        await self.ws.send(json.dumps([3, message_id, result]))

    async def triggered_status(self) -> None:
        await self.status_notification(self.status)
        if self.got_configuration:
            self.settled.set()

    async def start_session(self, id_tag: str) -> None:
        try:
            answer = await self.call("StartTransaction", {"connectorId": 1, "idTag": id_tag, "meterStart": 0,
                                                          "timestamp": utc_now()})
            self.transaction_id = answer.get("transactionId")
            await self.status_notification("Charging")
            self.charging.set()
        except (asyncio.TimeoutError, RuntimeError, websockets.ConnectionClosed) as error:
            self.unexpected.append(f"StartTransaction failed: {error!r}")


class Bench:
    def __init__(self, args):
        self.args = args
        self.chargers: list[Charger] = []
        self.profile_round: ProfileRound | None = None

    # -- HTTP API (a minimal HTTP/1.1 client, so that the moment the request is written is known)

    async def http(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes, float, float]:
        """Returns (status, body, time the request was written, time the answer was read)."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.args.api_port)
        try:
            data = json.dumps(body).encode() if body is not None else b""
            request = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                       f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n").encode() + data
            sent = time.perf_counter()
            writer.write(request)
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            answered = time.perf_counter()
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            length = next((int(line.split(":", 1)[1]) for line in lines[1:]
                           if line.lower().startswith("content-length:")), 0)
            payload = await asyncio.wait_for(reader.readexactly(length), 30) if length else b""
            return status, payload, sent, answered
        finally:
            writer.close()

    async def newest_id(self, path: str) -> int:
        status, payload, _, _ = await self.http("GET", f"{path}?limit=1")
        records = json.loads(payload) if status == 200 else []
        return records[0]["id"] if records else 0

    async def count_newer(self, path: str, after: int, action: str | None = None) -> int:
        status, payload, _, _ = await self.http("GET", f"{path}?limit=1000")
        if status != 200:
            return 0
        return sum(1 for record in json.loads(payload)
                   if record["id"] > after and (action is None or record.get("action") == action))

    # -- connecting

    async def connect_all(self) -> None:
        gate = asyncio.Semaphore(self.args.concurrency)
        failures: list[str] = []

        async def open_one(index: int) -> None:
            charger = Charger(f"SCHED-{index:05d}", self)
            async with gate:
                try:
                    charger.ws = await connect(
                        f"ws://127.0.0.1:{self.args.port}/{charger.id}", subprotocols=["ocpp1.6"],
                        open_timeout=30, ping_interval=None, compression=None, max_queue=None)
                    charger.spawn(charger.receive_loop())
                    answer = await charger.call("BootNotification", {"chargePointVendor": "bench",
                                                                     "chargePointModel": "scheduler"})
                    if answer.get("status") != "Accepted":
                        raise RuntimeError(f"BootNotification {answer.get('status')}")
                    self.chargers.append(charger)
                except Exception as error:  # counted and reported; one refusal must not end the run
                    failures.append(f"{charger.id}: {error!r}")

        started = time.perf_counter()
        await asyncio.gather(*(open_one(i) for i in range(self.args.chargers)))
        print(f"connected and booted {len(self.chargers)}/{self.args.chargers} chargers in "
              f"{time.perf_counter() - started:.1f} s" + (f"; first failure: {failures[0]}" if failures else ""),
              flush=True)

    async def wait_all(self, events: list[asyncio.Event], timeout: float) -> int:
        """Waits until every event is set or `timeout` has passed; returns how many are set."""
        waiters = [asyncio.ensure_future(event.wait()) for event in events]
        if waiters:
            _, still = await asyncio.wait(waiters, timeout=timeout)
            for waiter in still:
                waiter.cancel()
        return sum(event.is_set() for event in events)

    # -- phase 1: Preparing -> RemoteStartTransaction

    async def phase_start(self) -> None:
        started = time.perf_counter()
        settled = await self.wait_all([c.settled for c in self.chargers], self.args.setup_timeout)
        print(f"set-up settled on {settled}/{len(self.chargers)} chargers (GetConfiguration answered, "
              f"triggered StatusNotification sent and confirmed) {time.perf_counter() - started:.1f} s "
              f"after the last boot", flush=True)

        # Plug-ins spread evenly over `spread` seconds in a random order, so that the figure is
        # the latency of one plug-in among steady traffic, not the length of a burst queue.
        order = list(self.chargers)
        random.Random(5).shuffle(order)
        interval = self.args.spread / max(1, len(order))
        loop = asyncio.get_running_loop()
        cpu_before = time.process_time()
        begin = loop.time()
        for index, charger in enumerate(order):
            due = begin + index * interval
            if due > loop.time():
                await asyncio.sleep(due - loop.time())  # pacing of the offered load, not synchronisation
            charger.spawn(charger.status_notification("Preparing"))
        offered = loop.time() - begin
        # Bounded: the last plug-in gets `timeout` seconds, the earlier ones more; a RemoteStart
        # later than `timeout` after its own Preparing counts as missing all the same.
        await self.wait_all([c.remote_started for c in order], self.args.timeout)
        client_cpu_share = (time.process_time() - cpu_before) / max(1e-9, loop.time() - begin)
        latencies = sorted(ms for ms in ((c.remote_start_at - c.preparing_at) * 1000 for c in order
                                         if c.remote_start_at is not None and c.preparing_at is not None)
                           if ms <= self.args.timeout * 1000)
        got = len(latencies)
        p99 = percentile(latencies, 0.99)
        print(f"RESULT scheduler_start chargers={len(order)} rate_per_s={len(order) / self.args.spread:.0f} "
              f"offered_over_s={offered:.1f} received={got} missing={len(order) - got} "
              f"timeout_s={self.args.timeout:g} p50_ms={percentile(latencies, 0.50):.1f} "
              f"p90_ms={percentile(latencies, 0.90):.1f} p99_ms={p99:.1f} "
              f"max_ms={latencies[-1] if latencies else float('nan'):.1f} "
              f"mean_ms={statistics.fmean(latencies) if latencies else float('nan'):.1f} "
              f"client_cpu={client_cpu_share:.0%} target_p99_ms=50 "
              f"{'met' if got == len(order) and p99 <= 50 else 'MISSED'}", flush=True)

    # -- phase 2: one input change -> SetChargingProfile on every connector

    async def one_round(self, label: str, watts: int, amps: float) -> None:
        expected = {c.id for c in self.chargers}
        decisions_before = await self.newest_id("/api/decisions")
        commands_before = await self.newest_id("/api/commands")
        self.profile_round = ProfileRound(amps, expected)
        cpu_before = time.process_time()
        put = asyncio.ensure_future(self.http("PUT", "/api/inputs", {"input.available": watts}))
        # The clock starts when the PUT is written (`sent`, taken just before the write).
        try:
            await asyncio.wait_for(asyncio.shield(self.profile_round.done.wait()), self.args.timeout)
        except asyncio.TimeoutError:
            pass
        # How much of the window this client spent on the CPU itself (receiving and answering
        # the profiles): the part of `last_ms` that is the client's, at most.
        client_cpu_ms = (time.process_time() - cpu_before) * 1000
        status, _, sent, answered = await put
        arrivals = sorted((at - sent) * 1000 for at in self.profile_round.arrivals.values())
        self.profile_round = None

        # Then, the audit trail: until one decision row and one command row per connector newer
        # than those before the PUT are readable through the API (polled, bounded).
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        audit_ms = float("nan")
        while loop.time() < deadline:
            decisions = await self.count_newer("/api/decisions", decisions_before)
            commands = await self.count_newer("/api/commands", commands_before, "SetChargingProfile")
            if decisions >= len(expected) and commands >= len(expected):
                audit_ms = (time.perf_counter() - sent) * 1000
                break
            # The API has no "audit trail written" event to wait for: the condition is polled, ten
            # times a second (each poll reads up to 1,000 records of each kind), for at most 60 s.
            await asyncio.sleep(0.1)
        last = arrivals[-1] if arrivals else float("nan")
        complete = len(arrivals) == len(expected)
        print(f"RESULT scheduler_profiles round={label} input_w={watts} limit_a={amps:g} connectors={len(expected)} "
              f"received={len(arrivals)} put_status={status} put_answered_ms={(answered - sent) * 1000:.1f} "
              f"first_ms={arrivals[0] if arrivals else float('nan'):.1f} "
              f"p50_ms={percentile(arrivals, 0.5):.1f} last_ms={last:.1f} client_cpu_ms={client_cpu_ms:.0f} "
              f"audit_complete_ms={audit_ms:.0f} "
              f"target_last_ms=500 {'met' if complete and last <= 500 else 'MISSED'}", flush=True)

    async def phase_profiles(self) -> None:
        charging = await self.wait_all([c.charging for c in self.chargers], self.args.timeout)
        print(f"{charging}/{len(self.chargers)} connectors Charging with an open transaction", flush=True)
        # Round 0 sends the first profile of every connector (nothing installed before); the
        # rounds after it alternate between a decrease and an increase.
        await self.one_round("first", HIGH_W, HIGH_A)
        for index in range(1, self.args.rounds + 1):
            watts, amps = (LOW_W, LOW_A) if index % 2 else (HIGH_W, HIGH_A)
            await self.one_round(f"{index}-{'decrease' if index % 2 else 'increase'}", watts, amps)

    async def run(self) -> None:
        with open("/proc/loadavg") as loadavg:
            print(f"started {utc_now()}, load average {' '.join(loadavg.read().split()[:3])}", flush=True)
        print("NOTE: times are taken in this Python client (1 process, asyncio + websockets) on the same "
              "machine as the server; its own overhead is included, so every figure is an upper bound "
              "of the server's latency.", flush=True)
        await self.connect_all()
        try:
            await self.phase_start()
            await self.phase_profiles()
            with open("/proc/loadavg") as loadavg:
                print(f"finished {utc_now()}, load average {' '.join(loadavg.read().split()[:3])}", flush=True)
            strange = sorted({u for c in self.chargers for u in c.unexpected})
            if strange:
                print(f"unexpected calls or failures: {strange[:10]}")
        finally:
            await asyncio.gather(*(c.ws.close() for c in self.chargers), return_exceptions=True)
            for charger in self.chargers:
                for task in list(charger.tasks):
                    task.cancel()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True, help="central system (OCPP) port")
    parser.add_argument("--api-port", type=int, required=True, help="HTTP API port")
    parser.add_argument("--chargers", type=int, default=1000)
    parser.add_argument("--spread", type=float, default=10.0,
                        help="seconds over which the Preparing notifications are spread (default 10)")
    parser.add_argument("--rounds", type=int, default=6, help="input changes after the first profiles")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="seconds to wait for a RemoteStart, or for a round's profiles")
    parser.add_argument("--setup-timeout", type=float, default=120.0)
    parser.add_argument("--concurrency", type=int, default=100, help="connections opened at once")
    args = parser.parse_args()
    asyncio.run(Bench(args).run())


if __name__ == "__main__":
    main()
