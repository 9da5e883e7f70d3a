import ChargingModel
import Foundation
import Rules

/// What one evaluation produced: the decisions, those that changed, and the commands due.
public struct EvaluationOutcome: Sendable {
    public var at: Date
    /// The rules' decision per connector.
    public var decisions: [ConnectorDecision]
    /// Connectors whose recorded summary changed, in connector order.
    public var changed: [(key: ConnectorKey, summary: DecisionSummary)]
    /// Commands due now, in charger and connector order.
    public var commands: [ScheduledCommand]
    /// Energy goals that ended (nil) or were tied to the session that opened, to be stored.
    public var goalChanges: [(key: ConnectorKey, goal: EnergyGoal?)] = []
}
