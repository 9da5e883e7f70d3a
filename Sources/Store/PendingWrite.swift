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
