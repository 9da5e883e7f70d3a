#!/usr/bin/env bash
# The soak benchmark (issue 8): 2,000 chargers on one `ampwise serve` for a while, at
# --log-level debug, with a rules folder that shares a site budget and follows the solar surplus,
# grid.power changing every second, meter values and status changes flowing, and a tenth of the
# chargers dropping their connection and reconnecting every minute. The load generator prints a
# table per minute: calls and their round trip (p50, p99, max), a probe charger's Heartbeat and
# GET /api/health (every 100 ms), the PUT /api/inputs round trip, errors, reconnections, the
# server's RSS and CPU, and the log lines written.
#
#   Benchmarks/soak.sh            5 minutes
#   Benchmarks/soak.sh 30         30 minutes
#
# SOAK_CHARGERS (2000), SOAK_RATE (CALLs per second over all chargers, 250), SOAK_WAVE (chargers
# per reconnection wave, 200) change the load; AMPWISE_BENCH_KEEP=DIR keeps the run's folder
# (database, log, rules, table). SOAK_NICE=-15 (root only) runs the server's threads and the load
# generator at that niceness, for a machine shared with other work (BENCHMARKS.md says when).
# SOAK_PREFILL_MINUTES=N starts from a database holding the rows N minutes of this soak write
# (Benchmarks/soak_prefill.py), so that a short run meets the database a long one ends with.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
minutes="${1:-5}"
case "$minutes" in '' | *[!0-9]*) echo "usage: $0 [MINUTES]  (a whole number, default 5)"; exit 2 ;; esac
if [ "$minutes" -lt 1 ]; then echo "$0: MINUTES must be at least 1"; exit 2; fi
chargers="${SOAK_CHARGERS:-2000}"
rate="${SOAK_RATE:-250}"
wave="${SOAK_WAVE:-200}"
work="$(mktemp -d /tmp/ampwise-soak.XXXXXX)"
trap 'kill $(jobs -p) 2>/dev/null || true; if [ -n "${AMPWISE_BENCH_KEEP:-}" ]; then cp -r "$work" "$AMPWISE_BENCH_KEEP/"; fi; rm -rf "$work"' EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

gcc -O2 -pthread -o "$work/loadgen" "$root/Benchmarks/loadgen.c" -lm
(cd "$root" && swift build -c release --product ampwise >/dev/null)
ampwise="$(cd "$root" && swift build -c release --show-bin-path)/ampwise"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
api_port=$(free_port)
mkdir -p "$work/rules"
# Every charger shares a site budget (10 A each at 2,000); a hundred of them also follow the
# solar surplus (grid.power below zero), which the load generator swings every second.
cat >"$work/rules/site.rules" <<'RULES'
rule "site fuse" {
    chargers "LG-*"
    share 20000 A
}

rule "solar following" {
    chargers "LG-1??"
    when solar.surplus >= 1.4 kW
    limit solar.surplus
}
RULES
"$ampwise" check "$work/rules" >/dev/null
cat >"$work/ampwise.json" <<JSON
{ "central": { "host": "127.0.0.1", "port": $port },
  "api": { "host": "127.0.0.1", "port": $api_port },
  "logLevel": "debug", "timezone": "UTC" }
JSON
wait_for_port() {
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
}
if [ -n "${SOAK_PREFILL_MINUTES:-}" ]; then
    # The server creates the schema; the rows come straight from SQLite, dated before the run.
    "$ampwise" serve --config "$work/ampwise.json" --rules "$work/rules" --db "$work/ampwise.sqlite" 2>/dev/null &
    wait_for_port
    kill "$!"
    wait "$!" || true
    python3 "$root/Benchmarks/soak_prefill.py" "$work/ampwise.sqlite" "$SOAK_PREFILL_MINUTES" "$chargers"
    echo "prefilled database: $(du -m "$work/ampwise.sqlite" | cut -f1) MB"
fi
"$ampwise" serve --config "$work/ampwise.json" --rules "$work/rules" --db "$work/ampwise.sqlite" 2>"$work/log" &
pid=$!
wait_for_port
nice=()
if [ -n "${SOAK_NICE:-}" ]; then
    # Every thread of the server, every second: dispatch starts threads of its own later, which
    # do not inherit it (the store's queue ran at nice 0 on them in a first run).
    while kill -0 "$pid" 2>/dev/null; do
        for task in /proc/"$pid"/task/*; do renice -n "$SOAK_NICE" -p "${task##*/}" >/dev/null 2>&1 || true; done
        sleep 1
    done &
    nice=(nice -n "$SOAK_NICE")
fi

echo "== soak: $chargers chargers, $minutes min, $rate CALLs/s (MeterValues, StatusNotification, Heartbeat)," \
    "grid.power every 1 s, $wave chargers reconnecting every 60 s, log level debug"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg) at the start${SOAK_NICE:+, server and load generator at nice $SOAK_NICE}"
# Per minute: t_s (end of the minute), calls answered, rate/s, their p50/p99/max in ms, the
# probe's Heartbeat p99/max, GET /api/health p99/max, PUT /api/inputs p99, errors (CALLERRORs,
# timeouts, lost connections, failed reconnections, probe failures), reconnections, server RSS
# (MB) and CPU (% of one core), lines added to the log.
"${nice[@]}" "$work/loadgen" -p "$port" -t 1 -c "$chargers" --charging --full-config --mix --rate "$rate" \
    -d $((minutes * 60)) --wave-every 60 --wave-size "$wave" --probe-ms 100 --api-port "$api_port" \
    --inputs-ms 1000 --report-every 60 --log-file "$work/log" --server-pid "$pid" -q | tee "$work/table"

alive=yes
kill -0 "$pid" 2>/dev/null || alive="NO: the server died"
kill "$pid"
status=0
wait "$pid" || status=$?
echo "server alive at the end: $alive; exit status after SIGTERM: $status; load average at the end:" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "database: $(du -m "$work/ampwise.sqlite" | cut -f1) MB"
echo "log: $(wc -l <"$work/log") lines, $(du -m "$work/log" | cut -f1) MB;" \
    "ERROR lines: $(grep -c ' ERROR ' "$work/log" || true), WARNING lines: $(grep -c ' WARNING ' "$work/log" || true)"
grep ' WARNING \| ERROR ' "$work/log" | sed -E 's/^[^ ]+ //; s/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -n 10 || true
# Flat from the fifth minute on: RSS and p99 of minute 5 against the last minute, and the range.
awk '$1 ~ /^[0-9]+$/ && $1 >= 300 {
        n++; if (n == 1) { rss0 = $14; p0 = $5 }
        rss = $14; p = $5
        if (min_rss == "" || $14 < min_rss) min_rss = $14; if ($14 > max_rss) max_rss = $14
        if (min_p == "" || $5 < min_p) min_p = $5; if ($5 > max_p) max_p = $5
     }
     END {
        if (n == 0) { print "flatness: the run is shorter than 5 minutes"; exit }
        printf "from minute 5 on (%d minutes): RSS %.1f -> %.1f MB (range %.1f-%.1f), p99 %.2f -> %.2f ms (range %.2f-%.2f)\n",
            n, rss0, rss, min_rss, max_rss, p0, p, min_p, max_p
     }' "$work/table"
