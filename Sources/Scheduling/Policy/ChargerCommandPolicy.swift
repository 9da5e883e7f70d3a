import ChargingModel
import Foundation

/// The command policies of one charger's connectors, sharing what the charger is known to accept.
///
/// When one connector learns which profile purpose works, the others use it at once. Connector 0
/// (the whole charger) takes part for availability; give it no limit or session intent.
public struct ChargerCommandPolicy: Sendable {
    /// The charger's settings; `workingProfilePurpose` is updated as profiles are accepted.
    public var charger: ChargerFacts
    public private(set) var connectors: [Int: ConnectorCommandPolicy] = [:]
    /// The purpose of a profile Ampwise may have left on every connector before it restarted;
    /// each connector's policy starts with it (see `ConnectorCommandPolicy.leftoverProfile`).
    public var leftoverProfile: ProfilePurpose? {
        didSet {
            for id in connectors.keys { connectors[id]?.leftoverProfile = leftoverProfile }
        }
    }

    public init(charger: ChargerFacts) {
        self.charger = charger
    }

    /// The policy of a connector (a fresh one if it has none yet), to read or to set overrides on.
    public subscript(connectorId: Int) -> ConnectorCommandPolicy {
        get {
            if let policy = connectors[connectorId] { return policy }
            var policy = ConnectorCommandPolicy(connectorId: connectorId)
            if connectorId > 0 { policy.leftoverProfile = leftoverProfile }
            return policy
        }
        set { connectors[connectorId] = newValue }
    }

    /// The commands due now for every connector in `facts`; a connector without an intent is
    /// treated as having no opinion in any family.
    public mutating func commands(
        intents: [Int: ConnectorIntent], facts: [ConnectorFacts], settings: PolicySettings, now: Date
    ) -> [PolicyCommand] {
        var commands: [PolicyCommand] = []
        for connector in facts.sorted(by: { $0.connectorId < $1.connectorId }) {
            var policy = self[connector.connectorId]
            commands += policy.commands(
                intent: intents[connector.connectorId] ?? .none, connector: connector, charger: charger,
                settings: settings, now: now)
            self[connector.connectorId] = policy
        }
        return commands
    }

    /// Records an outcome with the connector the command serves. A working profile purpose becomes
    /// the charger's (`feedback.workingPurpose` tells the caller to store it).
    @discardableResult
    public mutating func record(_ outcome: CommandAnswer, for command: PolicyCommand, now: Date) -> CommandFeedback {
        var policy = self[command.connectorId]
        let feedback = policy.record(outcome, for: command, now: now)
        self[command.connectorId] = policy
        if let purpose = feedback.workingPurpose { charger.workingProfilePurpose = purpose }
        return feedback
    }

    /// The charger reconnected or booted: every connector's decisions are sent again.
    public mutating func forgetCharger() {
        for id in connectors.keys { connectors[id]?.forgetCharger() }
    }

    /// The earliest time any connector wants `commands` called again.
    public var nextWakeUp: Date? {
        connectors.values.compactMap(\.nextWakeUp).min()
    }
}
