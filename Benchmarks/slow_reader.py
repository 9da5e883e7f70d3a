#!/usr/bin/env python3
"""Reads a pipe slowly, as a slow terminal, a stalled journal or a congested log shipper would:
`--rate` bytes a second in 4 KiB reads. At end of input it writes one line to `--report`:
the lines it read and the lines the server said it dropped (the sum of its
"N log lines dropped" warnings). Used by `Benchmarks/central.sh log`.
"""
import argparse
import re
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--rate", type=int, default=100_000, help="bytes a second (default 100000)")
parser.add_argument("--report", required=True, help="file to write the RESULT line to")
arguments = parser.parse_args()

dropped_note = re.compile(rb"(\d+) log lines dropped")
chunk_size = 4096
interval = chunk_size / arguments.rate
lines = 0
dropped = 0
rest = b""
started = time.monotonic()
next_read = started
source = sys.stdin.buffer.raw
while True:
    delay = next_read - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    next_read += interval
    chunk = source.read(chunk_size)
    if not chunk:
        break
    data = rest + chunk
    complete, _, rest = data.rpartition(b"\n")
    if complete or data.endswith(b"\n"):
        for line in complete.split(b"\n"):
            lines += 1
            match = dropped_note.search(line)
            if match:
                dropped += int(match.group(1))
elapsed = time.monotonic() - started
with open(arguments.report, "w") as report:
    report.write(f"RESULT lines_read={lines} lines_dropped_reported={dropped} read_seconds={elapsed:.1f}\n")
