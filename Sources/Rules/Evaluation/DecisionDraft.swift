import Foundation

/// One connector's decision while it is being combined: the winners of each family so far, then
/// the share budgets, then the final filtering into a `ConnectorDecision`.
struct DecisionDraft {
    let connector: ConnectorState
    let settings: ChargerSettings

    var chargingPriority = Int.min
    var chargingWinners: [Int] = []
    var limitPriority = Int.min
    var limitWinners: [Int] = []
    var limitAmps: Double?
    var sessionPriority = Int.min
    var sessionWinners: [Int] = []
    var availabilityPriority = Int.min
    var availabilityWinners: [Int] = []
    var active: [Int] = []
    var unknown: [String] = []
    var shareRules: [String] = []
    /// The limit left by the share budgets so far (0 when a budget paused it).
    var shareLimit: Double?
    var pausedByShare = false
    /// A `pause` is among the charging winners so far.
    var isPausedByRule = false
    /// What the connector's energy goal does, when it has one.
    var goal: EnergyGoalState?
    /// The phases a power limit is converted with: the charger's, or on a phase-switching charger
    /// the phases in use (DecisionDraft+Phases).
    var phasesInUse: Int
    /// On a phase-switching charger: the phases chosen, the switch that chose them, and when a
    /// switch that waits for `scheduler.phaseSwitchInterval` may happen.
    var phases: Int?
    var phaseSwitch: PhaseSwitch?
    var phaseSwitchWaitsUntil: Date?

    init(connector: ConnectorState, settings: ChargerSettings) {
        self.connector = connector
        self.settings = settings
        self.phasesInUse = settings.phases
    }

    /// Adds an active rule's effects. In each family only the highest priority counts.
    mutating func consider(_ rule: RuleBody, index: Int, evaluator: inout ExpressionEvaluator) {
        active.append(index)
        if let effect = rule.charging { enterCharging(effect, priority: rule.priority, index: index) }
        if let amount = rule.limit, let value = evaluator.number(amount.expression) {
            // A limit whose value is unknown does not apply at all.
            enterLimit(amount.isPower ? value / wattsPerAmpere : value, priority: rule.priority, index: index)
        }
        if rule.session != nil { Self.enter(rule.priority, index, &sessionPriority, &sessionWinners) }
        if rule.availability != nil {
            Self.enter(rule.priority, index, &availabilityPriority, &availabilityWinners)
        }
    }

    /// Adds an energy goal's effect, as a rule named `goal` with priority `EnergyGoalRules.priority`
    /// (docs/prices.md): `charge` at `index(.charge)`, `pause` at `index(.pause)`.
    mutating func considerGoal(_ verdict: EnergyGoalVerdict, index: (ChargingDecision) -> Int) {
        goal = verdict.state
        guard let effect = verdict.charging else { return }
        let ruleIndex = index(effect)
        active.append(ruleIndex)
        enterCharging(effect, priority: EnergyGoalRules.priority, index: ruleIndex)
        if let amps = verdict.limitAmps { enterLimit(amps, priority: EnergyGoalRules.priority, index: ruleIndex) }
    }

    private mutating func enterCharging(_ effect: ChargingDecision, priority: Int, index: Int) {
        if priority > chargingPriority {
            isPausedByRule = false
        }
        Self.enter(priority, index, &chargingPriority, &chargingWinners)
        if priority == chargingPriority, effect == .pause { isPausedByRule = true }
    }

    /// In the limit family the lowest limit of the highest priority wins.
    private mutating func enterLimit(_ amps: Double, priority: Int, index: Int) {
        if priority > limitPriority {
            limitPriority = priority
            limitWinners = [index]
            limitAmps = amps
        } else if priority == limitPriority, let current = limitAmps {
            if amps < current {
                limitWinners = [index]
                limitAmps = amps
            } else if amps == current {
                limitWinners.append(index)
            }
        }
    }

    private static func enter(_ priority: Int, _ index: Int, _ best: inout Int, _ winners: inout [Int]) {
        if priority > best {
            best = priority
            winners = [index]
        } else if priority == best {
            winners.append(index)
        }
    }

    /// The winning limit clipped to maxCurrent (and to 0 from below), or maxCurrent without one.
    var ownLimit: Double {
        let limit = min(limitAmps ?? settings.maxCurrent, settings.maxCurrent, shareLimit ?? .infinity)
        return max(0, limit)
    }

    /// Plugged in and not paused by a rule (what a `share` budget counts).
    var wantsToCharge: Bool { connector.status.isPluggedIn && !isPausedByRule && !pausedByShare }

    func decision(rules: [RuleBody]) -> ConnectorDecision {
        var explanation = DecisionExplanation()
        explanation.activeRules = active.map { rules[$0].name }
        explanation.unknownValues = unknown
        explanation.shareRules = shareRules
        explanation.goal = goal
        explanation.phaseSwitch = phaseSwitch
        explanation.phaseSwitchWaitsUntil = phaseSwitchWaitsUntil

        var charging = ChargingDecision.none
        let pausing = chargingWinners.filter { rules[$0].charging == .pause }
        if !pausing.isEmpty {
            charging = .pause
            explanation.chargingRules = pausing.map { rules[$0].name }
            explanation.pauseReason = .rule
        } else if !chargingWinners.isEmpty {
            charging = .charge
            explanation.chargingRules = chargingWinners.map { rules[$0].name }
        }

        var limit: Double?
        if limitAmps != nil || shareLimit != nil { limit = ownLimit }
        if limitAmps != nil { explanation.limitRules = limitWinners.map { rules[$0].name } }
        explanation.askedLimitAmps = limitAmps
        if charging != .pause {
            if pausedByShare {
                charging = .pause
                explanation.pauseReason = .shareBudget
            } else if let current = limit, current < settings.minCurrent {
                charging = .pause
                explanation.pauseReason = .belowMinimum
            }
        }
        if charging == .pause { limit = 0 }

        var session = SessionDecision.none
        let stopping = sessionWinners.filter { rules[$0].session == .stop }
        if !stopping.isEmpty {
            if connector.hasOpenTransaction {
                session = .stop
                explanation.sessionRules = stopping.map { rules[$0].name }
            }
        } else if !sessionWinners.isEmpty, connector.status == .preparing, !connector.hasOpenTransaction {
            // Also while paused: whether a start goes out then depends on how the charger is held
            // paused (`pause` in its settings), which the command policy knows (docs/rules.md).
            var idTag: String?
            for index in sessionWinners {
                if case .start(let tag?) = rules[index].session {
                    idTag = tag
                    break
                }
            }
            session = .start(idTag: idTag ?? settings.idTag ?? "ampwise")
            explanation.sessionRules = sessionWinners.map { rules[$0].name }
        }

        var availability = AvailabilityDecision.none
        let unavailable = availabilityWinners.filter { rules[$0].availability == .unavailable }
        if !unavailable.isEmpty {
            availability = .unavailable
            explanation.availabilityRules = unavailable.map { rules[$0].name }
        } else if !availabilityWinners.isEmpty {
            availability = .available
            explanation.availabilityRules = availabilityWinners.map { rules[$0].name }
        }

        return ConnectorDecision(
            chargerId: connector.chargerId, connectorId: connector.connectorId, charging: charging, limitAmps: limit,
            phases: phases, session: session, availability: availability, explanation: explanation)
    }
}
