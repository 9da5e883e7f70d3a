import Foundation

/// A write queued without waiting, committed with the next batch.
enum PendingWrite: Sendable {
    case meterValues([MeterValueRecord])
    case status(StatusRecord)
    case event(ChargerEventRecord)
    case command(CommandRecord)
    case boot(ChargerBoot)
    case seen(chargerId: String, at: Date, isHeartbeat: Bool)
    case features(chargerId: String, features: [String], connectorCount: Int?)
    /// Input values (`nil` removes one) and their history rows.
    case inputs([String: Double?], at: Date)

    /// Whether the write may wait `StoreOptions.relaxedBatchMaxDelayMilliseconds` for its batch
    /// rather than `batchMaxDelayMilliseconds`: input values, which sources read every second or
    /// so and nobody waits for (`PUT /api/inputs` waits for the commit, which then comes at once).
    /// A batch a second rather than ten, whatever the number of sources (BENCHMARKS.md, "Sources").
    var mayWaitRelaxedDelay: Bool {
        if case .inputs = self { true } else { false }
    }

    /// How many rows the write adds, for the batch size.
    var rowCount: Int {
        switch self {
        case .meterValues(let values): values.count
        case .inputs(let values, _): values.count
        default: 1
        }
    }

    /// The write's kind, for diagnostics (`StoreQueueTrace`).
    var kind: String {
        switch self {
        case .meterValues: "meterValues"
        case .status: "status"
        case .event: "event"
        case .command: "command"
        case .boot: "boot"
        case .seen: "seen"
        case .features: "features"
        case .inputs: "inputs"
        }
    }
}
