import ChargePointManagement
import Foundation
import JSON
import OCPP

@testable import Scheduling

/// Drives one connector's policy through simulated seconds, answering every command it sends.
struct PolicyDriver {
    /// 2026-11-25T08:00:00Z.
    static let origin = Date(timeIntervalSince1970: 1_795_593_600)

    var policy = ConnectorCommandPolicy(connectorId: 1)
    var charger = ChargerFacts(maxStackLevel: 5)
    var connector = ConnectorFacts(connectorId: 1, status: .charging, transactionId: 7)
    var intent = ConnectorIntent()
    var settings = PolicySettings(deadband: 0.5, minIncreaseInterval: 10, retryInterval: 30)

    static func time(_ seconds: Double) -> Date { origin.addingTimeInterval(seconds) }

    /// The commands due at `seconds`, unanswered.
    mutating func commands(at seconds: Double) -> [PolicyCommand] {
        policy.commands(
            intent: intent, connector: connector, charger: charger, settings: settings, now: Self.time(seconds))
    }

    /// Runs at `seconds`, answers each command with `outcome` (and follows up fallbacks, answering
    /// each with the next of `outcomes`), and returns what went out as `Action payload` lines.
    mutating func run(at seconds: Double, answering outcomes: [CommandAnswer] = [.accepted]) -> [String] {
        var sent: [String] = []
        var remaining = outcomes
        var pending = commands(at: seconds)
        while let command = pending.first {
            pending.removeFirst()
            sent.append(Self.line(command))
            let outcome = remaining.count > 1 ? remaining.removeFirst() : remaining[0]
            let feedback = policy.record(outcome, for: command, now: Self.time(seconds))
            if feedback.followUpDue { pending += commands(at: seconds) }
        }
        return sent
    }

    /// `Action payload` as the command goes to an OCPP 1.6 charger.
    static func line(_ command: PolicyCommand) -> String {
        let request = command.command.ocpp16Request
        return "\(type(of: request).action.rawValue) \(JSONWriter.string(.object(request.jsonObject)))"
    }

    /// The SetChargingProfile line for a Relative TxDefaultProfile on connector 1.
    static func txDefault(_ limit: String, unit: String = "A", stackLevel: Int = 5, phases: Int = 3) -> String {
        "SetChargingProfile {\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":101,"
            + "\"stackLevel\":\(stackLevel),\"chargingProfilePurpose\":\"TxDefaultProfile\","
            + "\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":{\"chargingRateUnit\":\"\(unit)\","
            + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":\(limit),\"numberPhases\":\(phases)}]}}}"
    }
}
