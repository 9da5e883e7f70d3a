import ChargingModel
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
    /// The command policy of each charger seen; changed only through `setPolicy`.
    public private(set) var policies: [String: ChargerCommandPolicy] = [:]
    /// Each policy's `nextWakeUp`, kept with it: the engine asks for the earliest after every
    /// command answer, and walking a car park's policies for it each time was quadratic.
    private var wakeUps: [String: Date] = [:]
    /// Chargers whose policy changed outside an evaluation (an answer, an override, a reconnection):
    /// the next evaluation asks their policy again even when their snapshot did not change.
    private var policiesChanged: Set<String> = []
    /// The last decision of each connector.
    public private(set) var decisions: [ConnectorKey: ConnectorDecision] = [:]
    /// The last effective decision (overrides applied) of each connector.
    public private(set) var effective: [ConnectorKey: EffectiveDecision] = [:]
    /// The last recorded summary of each connector.
    public private(set) var summaries: [ConnectorKey: DecisionSummary] = [:]
    public private(set) var evaluationCount = 0
    /// The energy goals set through the API, by connector (docs/prices.md): each acts as the rule
    /// `goal`; one ends with its session or at its `by`.
    public private(set) var goals: [ConnectorKey: EnergyGoal] = [:]

    public init(settings: EngineSettings, ruleSet: RuleSet) {
        self.settings = settings
        self.ruleSet = ruleSet
    }

    /// Uses `ruleSet` from the next evaluation on; `for`/`hold` memory of unchanged clauses is kept.
    public mutating func replaceRules(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// The purpose stored for a charger as working (before this engine started): tried first, and
    /// a profile of that purpose may still be on the charger, to be withdrawn if no longer wanted.
    public mutating func rememberWorkingPurpose(_ purpose: ProfilePurpose?, chargerId: String) {
        var policy = policies[chargerId] ?? ChargerCommandPolicy(charger: ChargerFacts())
        policy.charger.workingProfilePurpose = purpose
        policy.leftoverProfile = purpose
        setPolicy(policy, for: chargerId)
    }

    /// Evaluates the rules at `now` for every connector in `snapshots` and returns the commands due
    /// for the connected chargers, except those `held` (still being set up after connecting).
    ///
    /// - Parameter changedChargers: the chargers whose snapshot may differ from the previous
    ///   evaluation's, or `nil` for all. The rules always see every connector (a share budget or a
    ///   site total ties them together), but the command policy looks only at these chargers, those
    ///   with a wake-up due, and those the rules now decide differently for: a car plugged in on a
    ///   site of thousands costs a rule evaluation, not a thousand policy rounds.
    public mutating func evaluate(
        snapshots: [ChargerSnapshot], inputs: InputSet, tariff: TariffSchedule, now: Date, held: Set<String> = [],
        changedChargers: Set<String>? = nil
    ) -> EvaluationOutcome {
        let goalChanges = goals.isEmpty ? [] : followGoals(snapshots: snapshots, now: now)
        var world = SchedulingWorld.ruleWorld(
            snapshots: snapshots, settings: settings, inputs: inputs, tariff: tariff, now: now)
        world.goals = goals
        let decided = ruleSet.evaluate(world, state: &temporal)
        evaluationCount += 1
        var byConnector: [ConnectorKey: ConnectorDecision] = [:]
        for decision in decided { byConnector[decision.key] = decision }

        var changed: [(key: ConnectorKey, summary: DecisionSummary)] = []
        var commands: [ScheduledCommand] = []
        for index in snapshots.indices {
            // Decided by index, before the snapshot is copied: most chargers are skipped.
            let chargerId = snapshots[index].id
            if let changedChargers, !changedChargers.contains(chargerId), !policiesChanged.contains(chargerId),
                !needsPolicyRound(chargerId, connectors: snapshots[index].connectors, decided: byConnector, now: now)
            {
                continue
            }
            let snapshot = snapshots[index]
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
                let connectorPolicy = policy[connector.connectorId]
                let effectiveDecision = connectorPolicy.effectiveDecision(
                    intent: intent, connector: connector, charger: policy.charger, now: now)
                let heldBack = connectorPolicy.heldBackEffects(
                    decision: effectiveDecision, connector: connector, charger: policy.charger)
                guard
                    decisions[key] != decision || effective[key] != effectiveDecision
                        || summaries[key]?.heldBack != heldBack
                else { continue }
                decisions[key] = decision
                effective[key] = effectiveDecision
                let figures = DecisionFigures(
                    askedLimitAmps: effectiveDecision.limitSource == .override
                        ? connectorPolicy.limitOverride?.value : decision.explanation.askedLimitAmps,
                    minCurrent: policy.charger.minCurrent, maxCurrent: policy.charger.maxCurrent,
                    inputs: Self.inputs(readBy: decision, ruleSet: ruleSet, world: world))
                let summary = DecisionSummary(
                    decision: decision, effective: effectiveDecision, heldBack: heldBack, figures: figures)
                if summaries[key] != summary {
                    summaries[key] = summary
                    changed.append((key, summary))
                }
            }
            if snapshot.connected && !held.contains(snapshot.id) {
                let due = policy.commands(intents: intents, facts: connectors, settings: settings.policy, now: now)
                commands += due.map { ScheduledCommand(chargerId: snapshot.id, command: $0) }
            }
            setPolicy(policy, for: snapshot.id)
        }
        policiesChanged = []
        return EvaluationOutcome(
            at: now, decisions: decided, changed: changed, commands: commands, goalChanges: goalChanges)
    }

    /// Sets a connector's energy goal, replacing the one it had.
    public mutating func setGoal(_ goal: EnergyGoal) {
        goals[goal.key] = goal
    }

    /// Clears a connector's energy goal; false when it had none.
    @discardableResult
    public mutating func clearGoal(_ key: ConnectorKey) -> Bool {
        goals.removeValue(forKey: key) != nil
    }

    /// Ends the goals whose `by` has come or whose session has ended, and ties a goal set before
    /// its session to the session that opens; answers what changed (nil: ended).
    private mutating func followGoals(snapshots: [ChargerSnapshot], now: Date) -> [(
        key: ConnectorKey, goal: EnergyGoal?
    )] {
        var changes: [(key: ConnectorKey, goal: EnergyGoal?)] = []
        var chargerIndex: [String: Int] = [:]
        for index in snapshots.indices { chargerIndex[snapshots[index].id] = index }
        for key in goals.keys.sorted() {
            guard var goal = goals[key] else { continue }
            if goal.by <= now {
                goals[key] = nil
                changes.append((key, nil))
                continue
            }
            // A charger the engine does not see keeps its goal until it is back.
            guard let index = chargerIndex[key.chargerId] else { continue }
            let open = snapshots[index].connector(key.connectorId)?.transaction?.id
            if let session = goal.transactionId {
                if open != session {
                    goals[key] = nil
                    changes.append((key, nil))
                }
            } else if let open {
                goal.transactionId = open
                goals[key] = goal
                changes.append((key, goal))
            }
        }
        return changes
    }

    /// Records a charger's answer; tells whether a follow-up command is due and which purpose works.
    public mutating func record(_ answer: CommandAnswer, for command: ScheduledCommand, now: Date) -> CommandFeedback {
        guard var policy = policies[command.chargerId] else { return CommandFeedback(wasCurrent: false) }
        let feedback = policy.record(answer, for: command.command, now: now)
        setPolicy(policy, for: command.chargerId)
        policiesChanged.insert(command.chargerId)
        return feedback
    }

    /// The charger reconnected or booted: its current decisions are sent again.
    public mutating func forgetCharger(_ chargerId: String) {
        guard var policy = policies[chargerId] else { return }
        policy.forgetCharger()
        setPolicy(policy, for: chargerId)
        policiesChanged.insert(chargerId)
    }

    /// The earliest instant a policy wants to be asked again (a paced increase, a retry, an expiry).
    public var nextWakeUp: Date? {
        wakeUps.values.min()
    }

    /// Changes one connector's policy (overrides), creating it when needed.
    public mutating func updatePolicy(
        chargerId: String, connectorId: Int, _ change: (inout ConnectorCommandPolicy, ChargerFacts) -> Void
    ) {
        var policy = policies[chargerId] ?? ChargerCommandPolicy(charger: ChargerFacts())
        var connector = policy[connectorId]
        change(&connector, policy.charger)
        policy[connectorId] = connector
        setPolicy(policy, for: chargerId)
        policiesChanged.insert(chargerId)
    }

    /// Whether a charger whose snapshot did not change still needs its policy asked: a wake-up of
    /// its is due, or the rules decide differently for one of its connectors.
    private func needsPolicyRound(
        _ chargerId: String, connectors: [ConnectorSnapshot], decided: [ConnectorKey: ConnectorDecision], now: Date
    ) -> Bool {
        if let wakeUp = wakeUps[chargerId], wakeUp <= now { return true }
        return connectors.contains { connector in
            let key = ConnectorKey(chargerId: chargerId, connectorId: connector.id)
            return decisions[key] != decided[key]
        }
    }

    /// The known inputs that the rules deciding `decision` read, with their values.
    static func inputs(readBy decision: ConnectorDecision, ruleSet: RuleSet, world: RuleWorld) -> [String: Double] {
        var values: [String: Double] = [:]
        for name in ruleSet.inputNames(readBy: decision.explanation.decidingRules) {
            values[name] = world.inputValue(name)
        }
        return values
    }

    private mutating func setPolicy(_ policy: ChargerCommandPolicy, for chargerId: String) {
        policies[chargerId] = policy
        wakeUps[chargerId] = policy.nextWakeUp
    }
}
