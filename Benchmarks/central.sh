#!/usr/bin/env bash
# Measures the central system with the load generator in ../shared/bench, side by side with the
# ceiling server (limit_server.c) in the same run. Release build; the load generator gets one
# thread (-t 1) so the server under test has the other core.
#
#   Benchmarks/central.sh s1     100 chargers, closed-loop Heartbeat, 20 s (ceiling and Ampwise)
#   Benchmarks/central.sh s3     10,000 chargers booted, then 2,000 calls/s for 20 s
#   Benchmarks/central.sh meter  10,000 chargers, MeterValues at 1,000/s (four values each), rows counted
#   Benchmarks/central.sh wss    10,000 chargers over wss: handshake rate and server memory
#   Benchmarks/central.sh all
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="${AMPWISE_BENCH_DIR:-$root/../shared/bench}"
work="$(mktemp -d /tmp/ampwise-bench.XXXXXX)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n 65536

gcc -O2 -pthread -o "$work/loadgen" "$bench/loadgen.c"
gcc -O2 -pthread -o "$work/limit_server" "$bench/limit_server.c"
(cd "$root" && swift build -c release --product ampwise >/dev/null)
ampwise="$(cd "$root" && swift build -c release --show-bin-path)/ampwise"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts `ampwise serve` on a fresh folder; sets $pid and $port. $1: extra JSON for "central".
start_ampwise() {
    port=$(free_port)
    local dir="$work/run-$port"
    mkdir -p "$dir/rules"
    cat >"$dir/ampwise.json" <<JSON
{ "central": { "host": "127.0.0.1", "port": $port ${1:-} },
  "api": { "host": "127.0.0.1", "port": $(free_port) },
  "logLevel": "warning", "timezone": "UTC" }
JSON
    "$ampwise" serve --config "$dir/ampwise.json" --rules "$dir/rules" --db "$dir/ampwise.sqlite" 2>"$dir/log" &
    pid=$!
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "ampwise did not start:"; cat "$dir/log"; exit 1
}

stop_ampwise() { kill "$pid"; wait "$pid" || true; }

scenario_s1() {
    echo "== S1: 100 chargers, closed-loop Heartbeat, 20 s"
    port=$(free_port)
    "$work/limit_server" -p "$port" -t 2 & local ceiling=$!
    sleep 0.5
    echo "-- ceiling (limit_server)"
    "$work/loadgen" -p "$port" -t 1 -c 100 -d 20 -q --server-pid "$ceiling" | grep RESULT
    kill "$ceiling"; wait "$ceiling" 2>/dev/null || true
    echo "-- ampwise"
    start_ampwise
    "$work/loadgen" -p "$port" -t 1 -c 100 -d 20 -q --server-pid "$pid" | grep RESULT
    stop_ampwise
}

scenario_s3() {
    echo "== S3: 10,000 chargers connected and booted, then 2,000 calls/s for 20 s"
    start_ampwise
    "$work/loadgen" -p "$port" -t 1 -c 10000 -d 20 --rate 2000 -q --server-pid "$pid" | grep RESULT
    stop_ampwise
}

scenario_meter() {
    echo "== 10,000 chargers, MeterValues (four sampled values) at 1,000/s for 20 s"
    start_ampwise
    local db="$work/run-$port/ampwise.sqlite"
    "$work/loadgen" -p "$port" -t 1 -c 10000 -d 20 --rate 1000 --meter -q --server-pid "$pid" | grep RESULT
    stop_ampwise
    echo "meter_values rows stored: $(sqlite3 "$db" 'select count(*) from meter_values')"
}

scenario_wss() {
    echo "== 10,000 chargers over wss (TLS): handshake rate and server memory"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
        -subj /CN=localhost 2>/dev/null
    start_ampwise ", \"tls\": { \"certificate\": \"$work/cert.pem\", \"privateKey\": \"$work/key.pem\" }"
    "$root/Tests/Interop/.venv/bin/python" "$root/Benchmarks/wss_connect.py" --port "$port" --count 10000 \
        --certificate "$work/cert.pem" --server-pid "$pid"
    stop_ampwise
}

case "${1:-all}" in
    s1) scenario_s1 ;;
    s3) scenario_s3 ;;
    meter) scenario_meter ;;
    wss) scenario_wss ;;
    all) scenario_s1; scenario_s3; scenario_meter; scenario_wss ;;
    *) echo "usage: $0 [s1|s3|meter|wss|all]"; exit 2 ;;
esac
