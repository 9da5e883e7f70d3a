import Foundation
import Rules

/// The decision code shared by the live engine and `ampwise plan`: evaluates the rules against
/// the world built from the charger snapshots, applies each charger's command policy, and tells
/// which decisions changed and which commands are due.
///
/// A value type without a clock or I/O: the caller passes the instant and sends the commands.
public struct SchedulingCore: Sendable {
    public var settings: EngineSettings
    public private(set) var ruleSet: RuleSet
    /// The `for`/`hold` memory between evaluations.
    var temporal = TemporalState()
    /// The command policy of each charger seen.
    public internal(set) var policies: [String: ChargerCommandPolicy] = [:]
    /// The last decision of each connector.
    public private(set) var decisions: [ConnectorKey: ConnectorDecision] = [:]
    /// The last effective decision (overrides applied) of each connector.
    public private(set) var effective: [ConnectorKey: EffectiveDecision] = [:]
    /// The last recorded summary of each connector.
    public private(set) var summaries: [ConnectorKey: DecisionSummary] = [:]
    public private(set) var evaluationCount = 0

    public init(settings: EngineSettings, ruleSet: RuleSet) {
        self.settings = settings
        self.ruleSet = ruleSet
    }

    /// Uses `ruleSet` from the next evaluation on; `for`/`hold` memory of unchanged clauses is kept.
    public mutating func replaceRules(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// The purpose stored for a charger as working, used before it has a policy.
    public mutating func rememberWorkingPurpose(_ purpose: ProfilePurpose?, chargerId: String) {
        var policy = policies[chargerId] ?? ChargerCommandPolicy(charger: ChargerFacts())
        policy.charger.workingProfilePurpose = purpose
        policies[chargerId] = policy
    }

    /// Evaluates the rules at `now` for every connector in `snapshots` and returns the commands due
    /// for the connected chargers, except those `held` (still being set up after connecting).
    public mutating func evaluate(
        snapshots: [ChargerSnapshot], inputs: InputSet, tariff: TariffSchedule, now: Date, held: Set<String> = []
    ) -> EvaluationOutcome {
        let world = SchedulingWorld.ruleWorld(
            snapshots: snapshots, settings: settings, inputs: inputs, tariff: tariff, now: now)
        let decided = ruleSet.evaluate(world, state: &temporal)
        evaluationCount += 1
        var byConnector: [ConnectorKey: ConnectorDecision] = [:]
        for decision in decided { byConnector[decision.key] = decision }

        var changed: [(key: ConnectorKey, summary: DecisionSummary)] = []
        var commands: [ScheduledCommand] = []
        for snapshot in snapshots {
            var policy = policies[snapshot.id] ?? ChargerCommandPolicy(charger: ChargerFacts())
            let facts = SchedulingWorld.chargerFacts(
                snapshot: snapshot, settings: settings.charger(snapshot.id),
                workingPurpose: policy.charger.workingProfilePurpose)
            if facts != policy.charger && !policy.connectors.isEmpty {
                // The charger reported a new stack level or unit, or its settings changed: what it
                // was told was built from the old facts, so it is told again.
                policy.forgetCharger()
            }
            policy.charger = facts
            let connectors = SchedulingWorld.connectorFacts(snapshot: snapshot)
            var intents: [Int: ConnectorIntent] = [:]
            for connector in connectors {
                let key = ConnectorKey(chargerId: snapshot.id, connectorId: connector.connectorId)
                guard let decision = byConnector[key] else { continue }
                let intent = decision.intent
                intents[connector.connectorId] = intent
                let effectiveDecision = policy[connector.connectorId].effectiveDecision(
                    intent: intent, connector: connector, charger: policy.charger, now: now)
                decisions[key] = decision
                effective[key] = effectiveDecision
                let summary = DecisionSummary(decision: decision, effective: effectiveDecision)
                if summaries[key] != summary {
                    summaries[key] = summary
                    changed.append((key, summary))
                }
            }
            if snapshot.connected && !held.contains(snapshot.id) {
                let due = policy.commands(intents: intents, facts: connectors, settings: settings.policy, now: now)
                commands += due.map { ScheduledCommand(chargerId: snapshot.id, command: $0) }
            }
            policies[snapshot.id] = policy
        }
        return EvaluationOutcome(at: now, decisions: decided, changed: changed, commands: commands)
    }

    /// Records a charger's answer; tells whether a follow-up command is due and which purpose works.
    public mutating func record(_ answer: CommandAnswer, for command: ScheduledCommand, now: Date) -> CommandFeedback {
        guard var policy = policies[command.chargerId] else { return CommandFeedback(wasCurrent: false) }
        let feedback = policy.record(answer, for: command.command, now: now)
        policies[command.chargerId] = policy
        return feedback
    }

    /// The charger reconnected or booted: its current decisions are sent again.
    public mutating func forgetCharger(_ chargerId: String) {
        policies[chargerId]?.forgetCharger()
    }

    /// The earliest instant a policy wants to be asked again (a paced increase, a retry, an expiry).
    public var nextWakeUp: Date? {
        policies.values.compactMap(\.nextWakeUp).min()
    }

    /// Changes one connector's policy (overrides), creating it when needed.
    public mutating func updatePolicy(
        chargerId: String, connectorId: Int, _ change: (inout ConnectorCommandPolicy, ChargerFacts) -> Void
    ) {
        var policy = policies[chargerId] ?? ChargerCommandPolicy(charger: ChargerFacts())
        var connector = policy[connectorId]
        change(&connector, policy.charger)
        policy[connectorId] = connector
        policies[chargerId] = policy
    }
}
