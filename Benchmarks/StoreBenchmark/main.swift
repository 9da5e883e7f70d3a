// Measures the store alone: how many meter-value rows per second it commits through the public
// batched API, and how long a durable startTransaction takes while meter values stream in.
//
//     swift run -c release StoreBenchmark [--seconds N] [--rate ROWS_PER_SECOND] [--db FILE] [--full-sync]
//
// Phase 0 (baseline): a transaction started and stopped every 20 ms with no other load.
// Phase 1 (latency): the same while meter values arrive at a steady `--rate` (default 20,000
// rows/s, in MeterValues-sized groups of 4 rows for 10,000 simulated chargers).
// Phase 2 (throughput): one producer queues such groups as fast as it can, waiting for a flush
// every 20,000 rows so that the queue cannot grow without bound; rows/s = rows committed /
// time until the last is committed.
// Phases 1 and 2 count the rows in the database at the end, so a lost row shows.
import Foundation
import Store

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let seconds = Double(argument("--seconds") ?? "") ?? 5
let rate = Int(argument("--rate") ?? "") ?? 20_000
let folder = NSTemporaryDirectory() + "ampwise-store-benchmark-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let path = argument("--db") ?? folder + "/benchmark.sqlite"
let chargerCount = 10_000
let measurands = [
    ("Energy.Active.Import.Register", "Wh"), ("Power.Active.Import", "W"), ("Current.Import", "A"), ("Voltage", "V"),
]
let chargerIds = (0..<chargerCount).map { "CP\($0)" }

/// One MeterValues message's worth of rows: four sampled values of one charger.
func message(_ sequence: Int) -> [MeterValueRecord] {
    let chargerId = chargerIds[sequence % chargerCount]
    let at = Date()
    return measurands.map { measurand, unit in
        MeterValueRecord(
            chargerId: chargerId, connectorId: 1, transactionId: sequence % chargerCount + 1, at: at,
            measurand: measurand, context: "Sample.Periodic", value: Double(sequence), unit: unit)
    }
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

/// The WAL file's size in MB: shows whether checkpoints keep up with the writes.
func walMegabytes() -> String {
    let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    return format(Double(size) / 1_048_576)
}

// --full-sync: `synchronous = FULL` (an fsync per commit, survives power loss).
let store = try Store(
    path: path, options: StoreOptions(survivesPowerLoss: CommandLine.arguments.contains("--full-sync")))
let clock = ContinuousClock()
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
let loadText = load?.joined(separator: " ") ?? "?"
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadText)")

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// Starts and stops a transaction every 20 ms until `end`; returns the start latencies in ms.
@Sendable func startLatencies(until end: ContinuousClock.Instant) async throws -> [Double] {
    var latencies: [Double] = []
    var sequence = 0
    while clock.now < end {
        let chargerId = chargerIds[sequence % chargerCount]
        let started = clock.now
        let id = try await store.startTransaction(
            TransactionStart(chargerId: chargerId, connectorId: 1, idTag: "bench", meterStart: 0, startedAt: Date()))
        latencies.append(milliseconds(clock.now - started))
        try await store.stopTransaction(
            TransactionStop(chargerId: chargerId, transactionId: id, meterStop: 1000, stoppedAt: Date()))
        sequence += 1
        try await Task.sleep(for: .milliseconds(20))
    }
    return latencies.sorted()
}

func report(_ name: String, _ latencies: [Double]) {
    print(
        "  \(name) over \(latencies.count) starts: p50 \(format(percentile(latencies, 0.5), 2)) ms,"
            + " p99 \(format(percentile(latencies, 0.99), 2)) ms, max \(format(latencies.last ?? 0, 2)) ms")
}

// Phase 0: the same durable starts with no other load, to tell the store's cost from the
// machine's (a busy 2-core machine delays any thread by a scheduler slice or more).
let idle = try await startLatencies(until: clock.now + .seconds(2))
print("phase 0 (no load):")
report("startTransaction latency", idle)

// Phase 1: durable startTransaction latency under a steady meter-value load.
let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
    group.addTask {
        var sequence = 0
        let tick = Duration.milliseconds(10)
        let perTick = rate / 100 / 4
        var next = clock.now
        let end = next + .milliseconds(Int(seconds * 1000))
        while next < end {
            for _ in 0..<perTick {
                store.recordMeterValues(message(sequence))
                sequence += 1
            }
            next += tick
            try await Task.sleep(until: next, clock: clock)
        }
        return []
    }
    group.addTask { try await startLatencies(until: clock.now + .milliseconds(Int(seconds * 1000))) }
    var all: [Double] = []
    for try await part in group { all += part }
    return all.sorted()
}
await store.flush()
let steadyStored = try await store.meterValueCount()
let offeredRows = Int(seconds * 100) * (rate / 100 / 4) * 4
print(
    "phase 1 (\(rate) rows/s offered for \(format(seconds, 0)) s): \(steadyStored) rows stored"
        + " (\(offeredRows) offered); WAL \(walMegabytes()) MB")
report("startTransaction latency", latencies)
// Phase 2: throughput.
var sequence = 0
var queued = 0
let throughputStart = clock.now
let throughputEnd = throughputStart + .milliseconds(Int(seconds * 1000))
while clock.now < throughputEnd {
    store.recordMeterValues(message(sequence))
    sequence += 1
    queued += 4
    if queued % 20_000 == 0 { await store.flush() }
}
await store.flush()
let throughputElapsed = clock.now - throughputStart
let throughputStored = try await store.meterValueCount() - steadyStored
let throughputSeconds = milliseconds(throughputElapsed) / 1000
print(
    "phase 2 (max throughput): \(throughputStored) of \(queued) rows stored in \(format(throughputSeconds, 2)) s"
        + " = \(Int(Double(throughputStored) / throughputSeconds)) rows/s; WAL \(walMegabytes()) MB")

print("  failed writes: \(try await store.failedWriteCount())")
await store.close()
if argument("--db") == nil { try? FileManager.default.removeItem(atPath: folder) }
