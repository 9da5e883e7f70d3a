import ChargingModel
import Foundation
import JSON
import Logging
import Rules

extension SchedulingEngine: SchedulerControl {
    public func setLimitOverride(_ override: LimitOverrideRequest) async throws(SchedulerControlError) {
        let snapshot = directory.snapshot(override.chargerId)
        let facts = chargerFacts(override.chargerId, snapshot: snapshot)
        let amps: Double
        switch (override.amps, override.watts) {
        case (let value?, nil):
            amps = value
        case (nil, let watts?):
            guard watts.isFinite, watts >= 0 else { throw SchedulerControlError("watts: expected a number >= 0") }
            // On the phases the connector is held on (a phase-switching charger may be on one).
            let key = ConnectorKey(chargerId: override.chargerId, connectorId: override.connectorId)
            amps = facts.amps(fromWatts: watts, phases: core.decisions[key]?.phases)
        case (nil, nil):
            throw SchedulerControlError("amps: expected amps or watts")
        case (_?, _?):
            throw SchedulerControlError("watts: give amps or watts, not both")
        }
        guard amps.isFinite, amps >= 0 else { throw SchedulerControlError("amps: expected a number >= 0") }
        if let minutes = override.minutes, !(minutes.isFinite && minutes > 0) {
            throw SchedulerControlError("minutes: expected a number > 0")
        }
        let connector = connectorFacts(snapshot, connectorId: override.connectorId)
        let now = clock.now()
        core.updatePolicy(chargerId: override.chargerId, connectorId: override.connectorId) { policy, _ in
            policy.setLimitOverride(
                amps: amps, minutes: override.minutes, connector: connector, now: now, source: override.source)
        }
        // At once, not at the next turn of the loop: the API answers with the new decision.
        await pass()
    }

    public func clearLimitOverride(chargerId: String, connectorId: Int) async {
        core.updatePolicy(chargerId: chargerId, connectorId: connectorId) { policy, _ in policy.clearLimitOverride() }
        await pass()
    }

    public func noteManualCommand(_ command: ManualCommand) async {
        let now = clock.now()
        switch command {
        case .start(let chargerId, let connectorId), .stop(let chargerId, let connectorId):
            let snapshot = directory.snapshot(chargerId)
            let connector = connectorFacts(snapshot, connectorId: connectorId)
            let facts = chargerFacts(chargerId, snapshot: snapshot)
            core.updatePolicy(chargerId: chargerId, connectorId: connectorId) { policy, _ in
                if case .start = command {
                    policy.setSessionOverride(.start(idTag: nil), connector: connector, now: now)
                    // The API sent it: the policy must not send the same start again.
                    policy.toldSession = .start(idTag: facts.sessionIdTag)
                } else if let transactionId = connector.transactionId {
                    policy.setSessionOverride(.stop, connector: connector, now: now)
                    policy.toldSession = .stop(transactionId: transactionId)
                }
            }
        case .availability(let chargerId, let connectorId, let available):
            let intent: AvailabilityIntent = available ? .available : .unavailable
            core.updatePolicy(chargerId: chargerId, connectorId: connectorId) { policy, _ in
                policy.setAvailabilityOverride(intent, now: now)
                policy.toldAvailability = intent
            }
        }
        trigger()
    }

    public func updateInputs(_ update: InputUpdate) async throws(SchedulerControlError) -> [InputStatus] {
        let now = clock.now()
        do {
            try inputs.merge(update, now: now)
        } catch {
            throw SchedulerControlError(error.description)
        }
        trigger()
        store.recordInputs(update.storedValues, at: now)
        // Answered once committed: what the API acknowledges is not lost (docs/api.md).
        if !(await store.queuedWritesCommitted()) { logger.warning("cannot store the inputs") }
        let answeredAt = clock.now()
        emit(.inputs(InputsSnapshot(inputs, now: answeredAt)))
        return inputs.statuses(now: answeredAt)
    }

    public func updateInputsFromSource(_ update: InputUpdate) throws(SchedulerControlError) {
        let now = clock.now()
        let changesWhatRulesSee = inputs.wouldChange(update, now: now)
        do {
            try inputs.merge(update, now: now)
        } catch {
            throw SchedulerControlError(error.description)
        }
        store.recordInputs(update.storedValues, at: now)
        // The same value again, still fresh: only its age moved, which no rule and no view reads
        // until it goes stale (the tick looks at that).
        guard changesWhatRulesSee else { return }
        emit(.inputs(InputsSnapshot(inputs, now: now)))
        // An input no rule reads cannot change a decision: the dashboard shows it, nothing else.
        if update.values.keys.contains(where: evaluationReads) { trigger() }
    }

    /// Whether an evaluation reads `name`: the site's meters always (energy goals that follow
    /// the sun read `grid.power` and `solar.surplus`), any other input when a rule names it.
    func evaluationReads(_ name: InputName) -> Bool {
        name == .gridPower || name == .solarPower || name == .solarSurplus
            || core.ruleSet.inputNames.contains(name.rawValue)
    }

    public func inputs() async -> [InputStatus] {
        inputs.statuses(now: clock.now())
    }

    public func replaceTariff(_ slots: [PriceSlot]) async throws(SchedulerControlError) {
        do {
            try tariff.push(slots)
        } catch {
            throw SchedulerControlError(String(describing: error))
        }
        trigger()
        do {
            try await store.replaceTariffPrices(slots)
        } catch {
            logger.warning("cannot store the tariff: \(error)")
        }
        emit(.tariff)
    }

    public func tariffSlots(from: Date, to: Date) async -> [PriceSlot] {
        TariffSchedule.merged(tariff.quarterHourSlots(from: from, to: to))
    }

    public func rulesOverview() async -> RulesOverview {
        RulesOverview(rules: core.ruleSet.rules, active: core.decisions.mapValues(\.explanation.activeRules))
    }

    public func reloadRules() async -> [RuleDiagnostic] {
        guard let loadRules else { return [] }
        let sources: [RuleSource]
        do {
            sources = try loadRules()
        } catch let diagnostic as RuleDiagnostic {
            return [diagnostic]
        } catch {
            return [RuleDiagnostic(path: "rules", message: String(describing: error))]
        }
        let result = RuleChecker.check(sources)
        guard let ruleSet = result.ruleSet else {
            logger.warning("rules not reloaded: \(result.diagnostics.count) error(s); the last good rules stay")
            return result.diagnostics
        }
        core.replaceRules(ruleSet)
        logger.info("rules reloaded: \(ruleSet.summary)")
        let warnings = ruleSet.selectorWarnings(chargerIds: Set(core.settings.chargers.keys))
        for warning in warnings { logger.warning("\(warning.description)") }
        trigger()
        return warnings
    }

    public func connectorStates(chargerId: String) async -> [Int: ConnectorSchedulingState] {
        var states: [Int: ConnectorSchedulingState] = [:]
        let now = clock.now()
        for (key, summary) in core.summaries where key.chargerId == chargerId {
            states[key.connectorId] = connectorState(key, summary: summary)
            if let goal = core.goals[key] { states[key.connectorId]?.goal = plan(of: goal, now: now) }
        }
        return states
    }

    /// Every connector's state as `connectorStates(chargerId:)` gives it, goals included (the
    /// charger objects of `GET /api/chargers` and of a new event stream show them).
    public func allConnectorStates() async -> [String: [Int: ConnectorSchedulingState]] {
        var states: [String: [Int: ConnectorSchedulingState]] = [:]
        let now = clock.now()
        for (key, summary) in core.summaries {
            var state = connectorState(key, summary: summary)
            if let goal = core.goals[key] { state.goal = plan(of: goal, now: now) }
            states[key.chargerId, default: [:]][key.connectorId] = state
        }
        return states
    }

    private func connectorState(_ key: ConnectorKey, summary: DecisionSummary) -> ConnectorSchedulingState {
        let installed = core.policies[key.chargerId]?[key.connectorId].installedProfile
        let answer = lastLimitAnswers[key]
        return ConnectorSchedulingState(
            charging: summary.charging, limitAmps: summary.limitAmps, rules: summary.decidingRules,
            source: summary.isOverridden ? "override" : "rules", appliedLimitAmps: installed?.amps,
            appliedStatus: answer?.outcome, appliedAt: answer?.at ?? installed?.acceptedAt, phases: summary.phases,
            appliedPhases: installed?.phases)
    }

    public func evaluationCount() async -> Int {
        core.evaluationCount
    }

    // MARK: - Helpers

    func chargerFacts(_ chargerId: String, snapshot: ChargerSnapshot?) -> ChargerFacts {
        let settings = core.settings.charger(chargerId)
        let working = core.policies[chargerId]?.charger.workingProfilePurpose
        guard let snapshot else {
            return ChargerFacts(
                voltage: settings.voltage, phases: settings.phases, minCurrent: settings.minCurrent,
                maxCurrent: settings.maxCurrent, pause: settings.pause, idTag: settings.idTag,
                workingProfilePurpose: working)
        }
        return SchedulingWorld.chargerFacts(snapshot: snapshot, settings: settings, workingPurpose: working)
    }

    func connectorFacts(_ snapshot: ChargerSnapshot?, connectorId: Int) -> ConnectorFacts {
        let connector = snapshot?.connector(connectorId)
        return ConnectorFacts(
            connectorId: connectorId, status: connector?.status ?? .available,
            transactionId: connector?.transaction?.id)
    }
}
