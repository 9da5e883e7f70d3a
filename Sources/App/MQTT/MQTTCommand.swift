import Foundation
import JSON

/// A command read from a `.../set` topic and its payload, checked before anything is sent; each
/// is carried out by its HTTP API twin (`ChargerControl`).
enum MQTTCommand: Sendable, Equatable {
    case setLimit(chargerId: String, connectorId: Int, amps: Double)
    case clearLimit(chargerId: String, connectorId: Int)
    case start(chargerId: String, connectorId: Int)
    case stop(chargerId: String, connectorId: Int)
    case availability(chargerId: String, connectorId: Int, available: Bool)
    case reset(chargerId: String, type: String)
    case input(name: String, value: String)

    /// Reads the payload for `target`; the error says what was expected, for the log.
    init(target: MQTTCommandTarget, payload: [UInt8]) throws(MQTTCommandError) {
        guard let raw = String(validating: payload, as: UTF8.self) else {
            throw MQTTCommandError("the payload is not UTF-8 text")
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch target {
        case .limit(let chargerId, let connectorId):
            if text.isEmpty || text.lowercased() == "none" {
                self = .clearLimit(chargerId: chargerId, connectorId: connectorId)
                return
            }
            guard let amps = NumberRange.decimal(text).flatMap(ValueRanges.amperes.number), connectorId >= 1 else {
                throw MQTTCommandError(
                    connectorId < 1
                        ? "a limit is set per connector (1 and up)"
                        : "expected amperes \(ValueRanges.amperes), or empty or none to clear the limit")
            }
            self = .setLimit(chargerId: chargerId, connectorId: connectorId, amps: amps)
        case .charge(let chargerId, let connectorId):
            guard connectorId >= 1 else { throw MQTTCommandError("start and stop are per connector (1 and up)") }
            switch text.lowercased() {
            case "start", "on": self = .start(chargerId: chargerId, connectorId: connectorId)
            case "stop", "off": self = .stop(chargerId: chargerId, connectorId: connectorId)
            default: throw MQTTCommandError("expected start or stop")
            }
        case .available(let chargerId, let connectorId):
            switch text.lowercased() {
            case "true": self = .availability(chargerId: chargerId, connectorId: connectorId, available: true)
            case "false": self = .availability(chargerId: chargerId, connectorId: connectorId, available: false)
            default: throw MQTTCommandError("expected true or false")
            }
        case .reset(let chargerId):
            switch text.lowercased() {
            case "", "soft": self = .reset(chargerId: chargerId, type: "Soft")
            case "hard": self = .reset(chargerId: chargerId, type: "Hard")
            default: throw MQTTCommandError("expected Soft or Hard")
            }
        case .input(let name):
            guard !text.isEmpty else { throw MQTTCommandError("expected a number") }
            self = .input(name: name, value: text)
        }
    }
}
