import ChargingModel
import Foundation
import Rules
import Store

/// The part of a connector's decision that the audit trail records: a new record is written only
/// when this changes, so a decision that stands for hours is one row.
public struct DecisionSummary: Sendable, Equatable {
    /// `true` charge, `false` pause, `nil` left to the charger.
    public var charging: Bool?
    public var limitAmps: Double?
    /// The phases the limit is held on, on a charger with `phaseSwitching` (docs/rules.md, "Phase
    /// switching"); `nil` on other chargers and without a limit.
    public var phases: Int?
    /// Why the connector is on its phases (the switch that put it there), or when a switch that
    /// the limit asks for may happen; `nil` on other chargers.
    public var phaseNote: String?
    public var session: String?
    public var availability: String?
    /// The deciding rules per family (`charging`, `limit`, `share`, `session`, `availability`), and
    /// `override` with the families a manual override decided.
    public var rules: [String: [String]]
    public var unknownInputs: [String]
    /// Why the connector is paused (`rule`, `belowMinimum`, `shareBudget`), when it is.
    public var pauseReason: String?
    /// Effects decided but not carried out, each with why (`start: waits until the pause lifts ...`).
    public var heldBack: [String]
    /// The numbers behind the decision; not part of what makes a decision new (see `==`).
    public var figures: DecisionFigures?
    /// What the connector's energy goal does (`EnergyGoalState`), when it has one.
    public var goal: EnergyGoalState?

    /// The summary of the rules' `decision` as the policy carries it out (`effective`: overrides
    /// applied, the limit clipped to the charger), with what the policy holds back.
    public init(
        decision: ConnectorDecision, effective: EffectiveDecision, heldBack: [String] = [],
        figures: DecisionFigures? = nil
    ) {
        self.heldBack = heldBack
        self.figures = figures
        charging = effective.charging.map { $0 == .charge }
        limitAmps = effective.isPaused ? 0 : effective.limitAmps
        phases = effective.isPaused || effective.limitAmps == nil ? nil : effective.phases
        phaseNote = Self.phaseNote(decision)
        session =
            switch effective.session {
            case .start: "start"
            case .stop: "stop"
            case nil: nil
            }
        availability = effective.availability?.rawValue
        let explanation = decision.explanation
        var rules: [String: [String]] = [:]
        let families: [(String, [String])] = [
            ("charging", explanation.chargingRules), ("limit", explanation.limitRules),
            ("share", explanation.shareRules), ("session", explanation.sessionRules),
            ("availability", explanation.availabilityRules),
        ]
        for (family, names) in families where !names.isEmpty { rules[family] = names }
        var overridden: [String] = []
        if effective.limitSource == .override { overridden.append("limit") }
        if effective.sessionSource == .override { overridden.append("session") }
        if effective.availabilitySource == .override { overridden.append("availability") }
        if !overridden.isEmpty { rules["override"] = overridden }
        self.rules = rules
        unknownInputs = explanation.unknownValues
        goal = explanation.goal
        if effective.isPaused {
            if effective.limitSource == .rules, decision.charging != .pause {
                pauseReason = PauseReason.belowMinimum.rawValue
            } else {
                pauseReason = explanation.pauseReason?.rawValue
            }
        } else {
            pauseReason = nil
        }
    }

    /// The same decision: the figures are left out, so that a decision that stands while the
    /// numbers behind it move is recorded once.
    public static func == (lhs: DecisionSummary, rhs: DecisionSummary) -> Bool {
        lhs.charging == rhs.charging && lhs.limitAmps == rhs.limitAmps && lhs.phases == rhs.phases
            && lhs.phaseNote == rhs.phaseNote && lhs.session == rhs.session
            && lhs.availability == rhs.availability && lhs.rules == rhs.rules
            && lhs.unknownInputs == rhs.unknownInputs && lhs.pauseReason == rhs.pauseReason
            && lhs.heldBack == rhs.heldBack && lhs.goal == rhs.goal
    }

    /// Whether a manual override decided any family.
    public var isOverridden: Bool { rules["override"] != nil }

    /// The rules that decided any family, sorted, without repeats.
    public var decidingRules: [String] {
        Array(Set(rules.filter { $0.key != "override" }.values.flatMap { $0 })).sorted()
    }

    /// A readable account for `ampwise why`:
    /// `charge at 16.0 A (charging: cheap overnight; limit: cheap overnight)`.
    public var explanation: String {
        var parts: [String] = []
        switch charging {
        case true?:
            parts.append(
                limitAmps.map { "charge at \(DecisionSummary.amps($0))" + phasesText + cappedNote } ?? "charge")
        case false?:
            switch pauseReason {
            case "belowMinimum"?:
                if let figures, let asked = figures.askedLimitAmps {
                    parts.append(
                        "pause, the limit asked (\(DecisionSummary.amps(asked))) is below the charger's minimum "
                            + "(\(DecisionSummary.amps(figures.minCurrent)))")
                } else {
                    parts.append("pause, the limit is below the charger's minimum")
                }
            case "shareBudget"?: parts.append("pause, the shared budget is too small")
            default: parts.append("pause")
            }
        case nil:
            if let limitAmps { parts.append("limit \(DecisionSummary.amps(limitAmps))" + phasesText + cappedNote) }
        }
        if let session { parts.append("\(session) a session") }
        if let availability { parts.append("make \(availability)") }
        var text = parts.isEmpty ? "nothing decided: left to the charger" : parts.joined(separator: ", ")
        let families = ["charging", "limit", "share", "session", "availability"].compactMap { family in
            rules[family].map { "\(family): \($0.joined(separator: ", "))" }
        }
        if !families.isEmpty { text += " (" + families.joined(separator: "; ") + ")" }
        if let overridden = rules["override"] {
            text += "; manual override of " + overridden.joined(separator: ", ")
        }
        if let phaseNote { text += "; phases: " + phaseNote }
        if !heldBack.isEmpty { text += "; held back: " + heldBack.joined(separator: "; ") }
        if let goal { text += "; goal: " + goal.phrase }
        if let inputs = figures?.inputs, !inputs.isEmpty {
            text +=
                "; inputs: "
                + inputs.keys.sorted().map { "\($0) \(InputDisplay.text(inputs[$0]!, name: $0))" }
                .joined(separator: ", ")
        }
        if !unknownInputs.isEmpty { text += "; unknown: " + unknownInputs.joined(separator: ", ") }
        return text
    }

    /// `, 40.0 A asked, capped at the charger's maximum` when the limit in force is the charger's
    /// maximum because the rules asked for more.
    private var cappedNote: String {
        guard let figures, let asked = figures.askedLimitAmps, let limitAmps, asked > figures.maxCurrent + 0.05,
            abs(limitAmps - figures.maxCurrent) < 0.05
        else { return "" }
        return ", \(DecisionSummary.amps(asked)) asked, capped at the charger's maximum"
    }

    /// The audit-trail row for this summary.
    public func record(at: Date, key: ConnectorKey) -> DecisionRecord {
        DecisionRecord(
            at: at, chargerId: key.chargerId, connectorId: key.connectorId, charging: charging, limitAmps: limitAmps,
            phases: phases, session: session, availability: availability, rules: rules, unknownInputs: unknownInputs,
            explanation: explanation, heldBack: heldBack, askedLimitAmps: figures?.askedLimitAmps,
            minCurrent: figures?.minCurrent, maxCurrent: figures?.maxCurrent, inputs: figures?.inputs ?? [:])
    }

    /// `16.0 A`: one decimal, as limits are sent.
    static func amps(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return String(format: "%.1f A", rounded)
    }
}
