"""Opens N OCPP connections over wss to a running Ampwise, boots each, and reports the rate of
completed TLS + WebSocket handshakes and the server's memory. The client is Python (the C load
generator has no TLS), so the rate it reports is a lower bound of what the server can do."""

import argparse
import asyncio
import json
import ssl
import time

import websockets


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--certificate", required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    args = parser.parse_args()

    context = ssl.create_default_context(cafile=args.certificate)
    context.check_hostname = False
    connections = []
    failures = 0
    gate = asyncio.Semaphore(args.concurrency)

    async def open_one(index: int) -> None:
        nonlocal failures
        async with gate:
            try:
                connection = await websockets.connect(
                    f"wss://127.0.0.1:{args.port}/WSS-{index}", subprotocols=["ocpp1.6"], ssl=context,
                    open_timeout=60, ping_interval=None)
                await connection.send(json.dumps(
                    [2, "b", "BootNotification", {"chargePointVendor": "bench", "chargePointModel": "wss"}]))
                await connection.recv()
                connections.append(connection)
            except Exception:  # counted, not raised: one refusal must not stop the measurement
                failures += 1

    before = rss_mb(args.server_pid)
    start = time.monotonic()
    await asyncio.gather(*(open_one(i) for i in range(args.count)))
    elapsed = time.monotonic() - start
    after = rss_mb(args.server_pid)
    print(f"RESULT wss connections={len(connections)} failures={failures} seconds={elapsed:.1f} "
          f"handshakes_per_s={len(connections) / elapsed:.0f} server_rss_mb={after:.1f} (before {before:.1f})")
    await asyncio.gather(*(connection.close() for connection in connections), return_exceptions=True)


asyncio.run(main())
