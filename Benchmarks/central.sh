#!/usr/bin/env bash
# Measures the central system with the load generator in ../shared/bench, side by side with the
# ceiling server (limit_server.c) in the same run. Release build; the load generator gets one
# thread (-t 1) so the server under test has the other core.
#
#   Benchmarks/central.sh s1     100 chargers, closed-loop Heartbeat, 20 s (ceiling and Ampwise)
#   Benchmarks/central.sh s3     10,000 chargers booted, then 2,000 calls/s for 20 s
#   Benchmarks/central.sh s3streams  S3 without and with 100 open GET /api/events streams, alternately
#                                    (EVENT_STREAMS=N, ROUNDS=R: 2 of each by default; PERF_DIR=DIR:
#                                    a `perf record` of the server in each run, written to DIR)
#   Benchmarks/central.sh meter  10,000 chargers, MeterValues at 1,000/s (four values each), rows counted
#                                (METER_RATE=5000 METER_SECONDS=15 for another rate and length)
#   Benchmarks/central.sh wss    10,000 chargers over wss: handshake rate and server memory
#   Benchmarks/central.sh scheduler  1,000 Python chargers: Preparing -> RemoteStart latency, and
#                                    one input change -> profiles on all connectors (issue 5)
#   Benchmarks/central.sh storm  2,000 charging chargers (a share rule, then no rules) close their
#                                sockets at once; a probe charger's Heartbeat and GET /api/health
#                                every 10 ms, and the server's CPU time (issue 8; STORM_CHARGERS=N)
#   Benchmarks/central.sh slowloris  10,000 connections that never finish their upgrade, closed at
#                                    once by the client, then left to the server's handshake timeout
#   Benchmarks/central.sh log    S1 with --log-level debug, standard error to /dev/null and then
#                                to a pipe read at 100 kB/s (LOG_READ_RATE): throughput, lines dropped
#   Benchmarks/central.sh mqtt   S3 beside 1,000 charging connectors whose state changes every 10 s, without
#                                and with `mqtt` (a local mosquitto), alternating (issue 12; MQTT_ROUNDS=N pairs)
#   Benchmarks/central.sh ocpp201  S1 and S3 with OCPP 2.0.1 chargers (loadgen --ocpp201), each run
#                                  right after the same scenario with 1.6 chargers, OCPP201_ROUNDS
#                                  times (default 3), for the ratio of 2.0.1 to 1.6 (issue 15)
#   Benchmarks/central.sh all
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="${AMPWISE_BENCH_DIR:-$root/../shared/bench}"
work="$(mktemp -d /tmp/ampwise-bench.XXXXXX)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# 65,536 where the hard limit allows it, else the hard limit (20,000 on some hosts: still enough).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# Benchmarks/loadgen.c: ../shared/bench/loadgen.c with what the storm and soak scenarios need
# (every option of the original behaves as before).
gcc -O2 -pthread -o "$work/loadgen" "$root/Benchmarks/loadgen.c" -lm
gcc -O2 -pthread -o "$work/limit_server" "$bench/limit_server.c"
# AMPWISE_BINARY: an ampwise binary to measure instead of this tree's release build (to compare
# two builds under the same load).
if [ -n "${AMPWISE_BINARY:-}" ]; then
    ampwise="$AMPWISE_BINARY"
else
    (cd "$root" && swift build -c release --product ampwise >/dev/null)
    ampwise="$(cd "$root" && swift build -c release --show-bin-path)/ampwise"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts `ampwise serve` on a fresh folder; sets $pid, $port and $api_port. $1: extra JSON for
# "central"; $2: extra top-level JSON members (starting with a comma); $3: a rules file to load.
# AMPWISE_STDERR: where its standard error goes (default: the run's log file); AMPWISE_FLAGS:
# more `serve` flags.
start_ampwise() {
    port=$(free_port)
    api_port=$(free_port)
    local dir="$work/run-$port"
    mkdir -p "$dir/rules"
    if [ -n "${3:-}" ]; then cp "$3" "$dir/rules/"; fi
    cat >"$dir/ampwise.json" <<JSON
{ "central": { "host": "127.0.0.1", "port": $port ${1:-} },
  "api": { "host": "127.0.0.1", "port": $api_port },
  "logLevel": "${LOG_LEVEL:-warning}", "timezone": "UTC" ${2:-} }
JSON
    "$ampwise" serve --config "$dir/ampwise.json" --rules "$dir/rules" --db "$dir/ampwise.sqlite" \
        ${AMPWISE_FLAGS:-} 2>"${AMPWISE_STDERR:-$dir/log}" &
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

scenario_log() {
    local rate="${LOG_READ_RATE:-100000}"
    echo "== S1 with --log-level debug (a line per message in and out): standard error to /dev/null,"
    echo "   then to a pipe read at $rate bytes/s"
    echo "-- debug log to /dev/null"
    AMPWISE_FLAGS="--log-level debug" AMPWISE_STDERR=/dev/null start_ampwise
    "$work/loadgen" -p "$port" -t 1 -c 100 -d 20 -q --server-pid "$pid" | grep RESULT
    stop_ampwise
    echo "-- debug log to a pipe read at $rate bytes/s"
    mkfifo "$work/log.fifo"
    python3 "$root/Benchmarks/slow_reader.py" --rate "$rate" --report "$work/reader" <"$work/log.fifo" &
    local reader=$!
    AMPWISE_FLAGS="--log-level debug" AMPWISE_STDERR="$work/log.fifo" start_ampwise
    local result calls
    result=$("$work/loadgen" -p "$port" -t 1 -c 100 -d 20 -q --server-pid "$pid" | grep RESULT)
    echo "$result"
    stop_ampwise
    # The reader drains what the server wrote before it exited (at most the sink's 1 MiB).
    wait "$reader"
    echo "reader: $(cat "$work/reader")"
    # Two debug lines per call (the CALL in, the CALLRESULT out; 2.02 per call measured with the
    # log in a file). The server's own count of dropped lines is written between chunks, so at a
    # slow reader most of it is still unwritten when the server exits.
    calls=${result#* calls=}
    calls=${calls%% *}
    echo "lines logged: about $((2 * calls)) (two per call)"
}

scenario_s3() {
    echo "== S3: 10,000 chargers connected and booted, then 2,000 calls/s for 20 s"
    start_ampwise
    "$work/loadgen" -p "$port" -t 1 -c 10000 -d 20 --rate 2000 -q --server-pid "$pid" | grep RESULT
    stop_ampwise
}

# With PERF_DIR set, `perf record` samples the server (499 Hz, call graphs) from the load
# generator's start to its end; `perf report -i DIR/NAME.data --no-children` shows where it went.
profiler=""
profile_start() {
    [ -n "${PERF_DIR:-}" ] || return 0
    mkdir -p "$PERF_DIR"
    perf record -F 499 -g -p "$pid" -o "$PERF_DIR/$1.data" >/dev/null 2>&1 &
    profiler=$!
}
profile_stop() {
    [ -n "$profiler" ] || return 0
    kill -INT "$profiler"
    wait "$profiler" || true
    profiler=""
}

# S3 twice per round: alone, then with EVENT_STREAMS (100) dashboards following GET /api/events
# (Benchmarks/event_streams.py reads them all); the two p99s are the comparison. Alternating
# rounds put both under the same load on a shared machine.
scenario_s3streams() {
    local streams="${EVENT_STREAMS:-100}" rounds="${ROUNDS:-2}"
    echo "== S3 without and with $streams open event streams, $rounds rounds"
    for round in $(seq "$rounds"); do
        echo "-- S3 alone (round $round; load average $(cut -d' ' -f1-3 /proc/loadavg))"
        start_ampwise
        profile_start "alone-$round"
        "$work/loadgen" -p "$port" -t 1 -c 10000 -d 20 --rate 2000 -q --server-pid "$pid" | grep RESULT
        profile_stop
        stop_ampwise
        echo "-- S3 with $streams event streams (round $round; load average $(cut -d' ' -f1-3 /proc/loadavg))"
        start_ampwise
        rm -f "$work/streams.ready"
        rm -f "$work/run-phase"
        python3 "$root/Benchmarks/event_streams.py" --port "$api_port" --streams "$streams" \
            --ready "$work/streams.ready" --run-phase "$work/run-phase" >"$work/streams.out" &
        local reader=$!
        for _ in $(seq 300); do [ -e "$work/streams.ready" ] && break; sleep 0.1; done
        [ -e "$work/streams.ready" ] || { echo "the event streams did not open"; exit 1; }
        profile_start "streams-$round"
        local began result connected
        began=$(date +%s.%N)
        result=$("$work/loadgen" -p "$port" -t 1 -c 10000 -d 20 --rate 2000 -q --server-pid "$pid" | grep RESULT)
        echo "$result"
        profile_stop
        # The run phase: from the end of the connect phase (connect_s after the start) for 20 s;
        # the reader says what the streams received in it.
        connected=${result#* connect_s=}
        connected=${connected%% *}
        echo "$began $connected" | awk '{ printf "%.3f %.3f\n", $1 + $2, $1 + $2 + 20 }' >"$work/run-phase"
        kill -TERM "$reader"
        wait "$reader" || true
        echo "event streams: $(cat "$work/streams.out")"
        stop_ampwise
    done
}

scenario_meter() {
    local rate="${METER_RATE:-1000}" seconds="${METER_SECONDS:-20}"
    echo "== 10,000 chargers, MeterValues (four sampled values) at $rate/s for $seconds s"
    start_ampwise
    local db="$work/run-$port/ampwise.sqlite"
    "$work/loadgen" -p "$port" -t 1 -c 10000 -d "$seconds" --rate "$rate" --meter -q --server-pid "$pid" | grep RESULT
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

scenario_scheduler() {
    local chargers="${SCHEDULER_CHARGERS:-1000}"
    echo "== scheduler: $chargers chargers, Preparing -> RemoteStartTransaction, then input change -> profiles"
    # Both phases run on one server: the auto-start rule starts a session on every connector in
    # phase 1, which leaves them Charging for phase 2. The limit follows input.available (W per
    # connector), which is unknown until phase 2 pushes it, so phase 1 sends no profiles.
    cat >"$work/scheduler.rules" <<'RULES'
rule "auto start" {
    when status is Preparing
    start idtag "bench"
}

rule "follow" {
    limit max(6 A, min(16 A, input.available * 1 W / 230 V / 3))
}
RULES
    "$ampwise" check "$work/scheduler.rules" >/dev/null
    # minIncreaseInterval 0: increases are sent at once like decreases, so every round measures
    # the engine and not the pacing; the tick is the default (both measured paths are
    # event-driven: a status change or an input update evaluates at once).
    start_ampwise "" ', "scheduler": { "tick": 10, "minIncreaseInterval": 0 }' "$work/scheduler.rules"
    "$root/Tests/Interop/.venv/bin/python" "$root/Benchmarks/scheduler_latency.py" --port "$port" \
        --api-port "$api_port" --chargers "$chargers" ${SCHEDULER_ARGS:-}
    echo "server rss_mb=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")," \
        "log lines at warning or above: $(grep -c . "$work/run-$port/log" || true); the first ones:"
    head -n 5 "$work/run-$port/log"
    stop_ampwise
    # AMPWISE_BENCH_KEEP=DIR keeps the run's database and log (the audit trail has the server's
    # own timestamps: status received, decisions made, commands sent and answered).
    if [ -n "${AMPWISE_BENCH_KEEP:-}" ]; then cp -r "$work/run-$port" "$AMPWISE_BENCH_KEEP/"; fi
}

scenario_storm() {
    local chargers="${STORM_CHARGERS:-2000}"
    # Every charger after its boot: StatusNotification Charging and StartTransaction; then one
    # MeterValues a second in all (20/s), so that the probes measure the server, not traffic.
    # The log at info, the default: every disconnection is a line.
    cat >"$work/storm.rules" <<'RULES'
rule "site fuse" {
    chargers "LG-*"
    share 20000 A
}
RULES
    "$ampwise" check "$work/storm.rules" >/dev/null
    for rules in "$work/storm.rules" ""; do
        local what="no rules"
        if [ -n "$rules" ]; then what="a share rule"; fi
        echo "== storm: $chargers charging chargers close their sockets at once, $what"
        LOG_LEVEL=info start_ampwise "" "" "$rules"
        "$work/loadgen" -p "$port" -t 1 -c "$chargers" --charging --full-config --rate 20 --meter -d 23 \
            --close-at 15 --probe-ms 10 --api-port "$api_port" -q --server-pid "$pid" | grep -E "storm|RESULT"
        stop_ampwise
    done
}

scenario_slowloris() {
    local connections="${SLOWLORIS_CONNECTIONS:-10000}"
    echo "== slowloris: $connections connections that never finish their upgrade, closed together at 6 s"
    LOG_LEVEL=info start_ampwise
    "$work/loadgen" -p "$port" -t 1 -c 10 --rate 20 --meter -d 12 --close-at 6 --slowloris "$connections" \
        --probe-ms 10 --api-port "$api_port" -q --server-pid "$pid" | grep -E "storm|slowloris|RESULT"
    stop_ampwise
    echo "== slowloris: $connections connections left to the server's 10 s handshake timeout"
    LOG_LEVEL=info start_ampwise
    "$work/loadgen" -p "$port" -t 1 -c 10 --rate 20 --meter -d 14 --slowloris "$connections" \
        --probe-ms 10 --api-port "$api_port" -q --server-pid "$pid" | grep -E "slowloris|RESULT"
    echo "handshake timeouts logged: $(grep -c 'no WebSocket upgrade' "$work/run-$port/log" || true)"
    stop_ampwise
}

# S3 (its own load generator: 10,000 chargers, 2,000 Heartbeats/s) while 1,000 more chargers
# charge and send a MeterValues every 10 s each (100/s: the energy changes, so each is a state
# change the MQTT bridge publishes). Once without `mqtt`, once with it, MQTT_ROUNDS times (default
# 2), so both see the same machine. S3's p99 is the figure to compare (issue 12: within 10 %).
scenario_mqtt() {
    local rounds="${MQTT_ROUNDS:-2}" broker_port broker=""
    for round in $(seq "$rounds"); do
        for mode in off on; do
            local mqtt=""
            if [ "$mode" = on ]; then
                # A new broker for each run: nothing retained from the run before. mosquitto's
                # default max_queued_messages (1,000) drops what a new subscriber cannot take at
                # once: the count at the end (25,000 retained messages in one burst) lost some of
                # the discovery configs that were there (8,000 of 8,000 counted one filter at a
                # time, 7,711 in one subscription). So the count's broker queues enough.
                broker_port=$(free_port)
                # `sys_interval 1`: its count of the messages it sent (below) is at most 1 s old.
                printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\nmax_queued_messages 1000000\nsys_interval 1\n' \
                    "$broker_port" >"$work/mosquitto.conf"
                /usr/sbin/mosquitto -c "$work/mosquitto.conf" &
                broker=$!
                sleep 0.5
                mqtt=", \"mqtt\": { \"broker\": \"mqtt://127.0.0.1:$broker_port\" }"
            fi
            echo "== S3 with 1,000 connectors changing every 10 s, mqtt $mode (round $round, load $(cut -d' ' -f1-3 /proc/loadavg))"
            start_ampwise "" "$mqtt"
            "$work/loadgen" -p "$port" -t 1 -c 1000 --prefix MQ --charging --meter --rate 100 -d 40 -q \
                >"$work/changing.out" &
            local changing=$!
            sleep 5
            "$work/loadgen" -p "$port" -t 1 -c 10000 -d 20 --rate 2000 -q --server-pid "$pid" | grep RESULT
            wait "$changing" || true
            echo "changing connectors: $(grep RESULT "$work/changing.out")"
            if [ "$mode" = on ]; then
                # Until Ampwise's queue is empty (at most 60 s), then a subscriber that comes now
                # gets every retained message, one per topic, unless some were lost.
                # (Nothing subscribes during the run, so the broker's only client is Ampwise.)
                local metrics="" waited=0
                while [ "$waited" -lt 60 ]; do
                    metrics=$(curl -s "http://127.0.0.1:$api_port/metrics" | grep '^ampwise_mqtt_' | tr '\n' ' ')
                    case "$metrics" in *"queued_messages 0 "*"in_flight_messages 0 "*) break ;; esac
                    sleep 1
                    waited=$((waited + 1))
                done
                echo "mqtt queue after the run (+${waited} s): $metrics"
                # Ampwise has been the broker's only client: what the broker sent it (its own
                # discovery configs coming back, before the fourth session; commands and
                # retained configs only, since).
                sleep 1.5
                echo "messages the broker sent to Ampwise: $(python3 "$root/Benchmarks/mqtt.py" sent --port "$broker_port")"
                # Expected: S3's 10,000 chargers report no connector (only .../connected), the
                # 1,000 charging ones connector 1 (7 state topics, 8 configs), and ampwise/status.
                echo "retained at the end (expected ampwise=17001 homeassistant=8000): $(python3 "$root/Benchmarks/mqtt.py" count --port "$broker_port" --seconds 10 | cut -d' ' -f1-6)"
            fi
            echo "server log lines at warning or above: $(grep -c . "$work/run-$port/log" || true)"
            stop_ampwise
            if [ -n "$broker" ]; then kill "$broker"; wait "$broker" 2>/dev/null || true; broker=""; fi
        done
    done
}

scenario_ocpp201() {
    local rounds="${OCPP201_ROUNDS:-3}"
    for round in $(seq "$rounds"); do
        for protocol in 1.6 2.0.1; do
            local flags=""
            if [ "$protocol" = 2.0.1 ]; then flags="--ocpp201"; fi
            echo "== round $round, OCPP $protocol: S1 (100 chargers, closed-loop Heartbeat, 20 s)"
            start_ampwise
            "$work/loadgen" -p "$port" -t 1 -c 100 -d 20 -q $flags --server-pid "$pid" | grep RESULT
            stop_ampwise
            echo "== round $round, OCPP $protocol: S3 (10,000 chargers booted, then 2,000 calls/s for 20 s)"
            start_ampwise
            "$work/loadgen" -p "$port" -t 1 -c 10000 -d 20 --rate 2000 -q $flags --server-pid "$pid" | grep RESULT
            stop_ampwise
        done
    done
}

case "${1:-all}" in
    s1) scenario_s1 ;;
    s3) scenario_s3 ;;
    s3streams) scenario_s3streams ;;
    meter) scenario_meter ;;
    wss) scenario_wss ;;
    scheduler) scenario_scheduler ;;
    storm) scenario_storm ;;
    slowloris) scenario_slowloris ;;
    log) scenario_log ;;
    mqtt) scenario_mqtt ;;
    ocpp201) scenario_ocpp201 ;;
    all) scenario_s1; scenario_s3; scenario_meter; scenario_wss; scenario_scheduler; scenario_storm; scenario_slowloris; scenario_log ;;
    *) echo "usage: $0 [s1|s3|s3streams|meter|wss|scheduler|storm|slowloris|log|mqtt|ocpp201|all]"; exit 2 ;;
esac
