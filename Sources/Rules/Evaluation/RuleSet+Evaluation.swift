import ChargingModel
import Foundation

extension RuleSet {
    /// Evaluates every rule for every connector of `world` and combines the effects (docs/rules.md).
    /// `state` carries `for`/`hold` memory from the previous call and is updated for the next;
    /// it only holds the connectors of this `world`. Decisions come in `world.connectors` order.
    public func evaluate(_ world: RuleWorld, state: inout TemporalState) -> [ConnectorDecision] {
        let tick = TickValues(ruleSet: self, world: world)
        state.adopt(temporalSlotIds)
        let slotCount = temporalSlotIds.count
        var clocks: [ConnectorKey: [ConditionClock]] = [:]
        if slotCount > 0 { clocks.reserveCapacity(world.connectors.count) }
        var drafts: [DecisionDraft] = []
        drafts.reserveCapacity(world.connectors.count)
        var shareClaims = [[Int]](repeating: [], count: rules.count)
        // An energy goal acts as a rule of its own (docs/prices.md): its two bodies follow the rule
        // set's, only to name its effects in the decision; the loop below runs the rule set's alone.
        let bodies = rules.map(\.body) + [EnergyGoalRules.charge, EnergyGoalRules.pause]
        let goalRule = { (effect: ChargingDecision) in effect == .pause ? rules.count + 1 : rules.count }
        var goalWindows = GoalWindows(now: world.now, prices: world.prices)
        var phaseMemories: [ConnectorKey: PhaseMemory] = [:]

        for (connectorIndex, connector) in world.connectors.enumerated() {
            let settings = world.settings(of: connector.chargerId)
            var evaluator = ExpressionEvaluator(
                tick: tick, inputNames: inputNames, connector: connector, settings: settings)
            var draft = DecisionDraft(connector: connector, settings: settings)
            let phaseMemory: PhaseMemory? =
                settings.phaseSwitching
                ? state.phases[connector.key] ?? PhaseMemory(phases: settings.phases, lastSwitch: nil) : nil
            if let phaseMemory { draft.phasesInUse = phaseMemory.phases }
            var connectorClocks: [ConditionClock] = []
            if slotCount > 0 {
                connectorClocks = state.clocks[connector.key] ?? Array(repeating: .idle, count: slotCount)
            }
            for ruleIndex in rules.indices {
                let rule = bodies[ruleIndex]
                guard rule.inScope(connector) else { continue }
                var active = true
                for condition in rule.conditions {
                    if let slot = condition.temporalSlot {
                        // Clocks run on every evaluation, even when another clause is false.
                        let value = evaluator.truth(condition.expression)
                        if !connectorClocks[slot].step(
                            value, now: tick.now, forSeconds: condition.forSeconds, holdSeconds: condition.holdSeconds)
                        {
                            active = false
                        }
                    } else if active, !evaluator.truth(condition.expression) {
                        active = false
                    }
                }
                guard active else { continue }
                draft.consider(rule, index: ruleIndex, evaluator: &evaluator)
                if rule.share != nil { shareClaims[ruleIndex].append(connectorIndex) }
            }
            if !world.goals.isEmpty, let goal = world.goals[connector.key], goal.by > world.now {
                let verdict = EnergyGoalPlan.decide(
                    goal: goal, connector: connector, settings: settings,
                    window: { goalWindows.window(end: goal.by) },
                    solarPower: goal.strategy == .solar ? world.solarPowerForCar(connector) : nil)
                draft.considerGoal(verdict, index: goalRule)
            }
            if let phaseMemory {
                phaseMemories[connector.key] = draft.choosePhases(
                    phaseMemory, now: world.now, interval: world.phaseSwitchInterval)
            }
            draft.unknown = evaluator.unknown
            if slotCount > 0 { clocks[connector.key] = connectorClocks }
            drafts.append(draft)
        }
        state.clocks = clocks
        state.phases = phaseMemories

        // Narrow budgets first (fewest connectors, then rule name): a garage fuse inside a site
        // fuse caps its connectors, or pauses one, before the site divides what it has, so the
        // site holds nothing back for them that they cannot use.
        let shareOrder = shareClaims.indices.filter { !shareClaims[$0].isEmpty }
            .sorted { (shareClaims[$0].count, $0) < (shareClaims[$1].count, $1) }
        for ruleIndex in shareOrder {
            applyShare(bodies[ruleIndex], claimants: shareClaims[ruleIndex], drafts: &drafts, tick: tick)
        }
        return drafts.map { $0.decision(rules: bodies) }
    }

    private func applyShare(_ rule: RuleBody, claimants: [Int], drafts: inout [DecisionDraft], tick: TickValues) {
        guard let amount = rule.share else { return }
        // The checker allows only values shared by all connectors here, so any claimant's
        // evaluator gives the same budget.
        var evaluator = ExpressionEvaluator(
            tick: tick, inputNames: inputNames, connector: drafts[claimants[0]].connector,
            settings: drafts[claimants[0]].settings)
        guard let budget = evaluator.number(amount.expression) else {
            for index in claimants {
                for name in evaluator.unknown where !drafts[index].unknown.contains(name) {
                    drafts[index].unknown.append(name)
                }
            }
            return
        }
        let wanting = claimants.filter { drafts[$0].wantsToCharge }
        let claims = wanting.map { index in
            let draft = drafts[index]
            let factor = amount.isPower ? draft.wattsPerAmpere : 1
            return ShareAllocation.Claimant(
                cap: draft.ownLimit * factor, minimum: draft.settings.minCurrent * factor,
                chargingDuration: draft.connector.chargingDuration, key: draft.connector.key)
        }
        let shares = ShareAllocation.allocate(budget: budget, among: claims)
        for (position, index) in wanting.enumerated() {
            drafts[index].shareRules.append(rule.name)
            guard let share = shares[position] else {
                if drafts[index].ownLimit >= drafts[index].settings.minCurrent {
                    drafts[index].shareLimit = 0
                    drafts[index].pausedByShare = true
                }
                continue
            }
            let factor = amount.isPower ? drafts[index].wattsPerAmpere : 1
            // Tenths of an ampere, rounded down: what the scheduler sends never exceeds the budget.
            let amps = share / factor
            let rounded = max((amps * 10 + 1e-9).rounded(.down) / 10, drafts[index].settings.minCurrent)
            drafts[index].shareLimit = min(rounded, amps)
        }
    }
}
