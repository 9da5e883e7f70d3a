import Rules

extension DecisionSummary {
    /// The rules a plan shows for a decision: the deciding rules, and why a connector is paused when
    /// no `pause` rule did it (`(below minimum)`, `(share budget)`).
    static func planRules(decision: ConnectorDecision, effective: EffectiveDecision?) -> [String] {
        guard let effective else { return decision.explanation.decidingRules }
        let summary = DecisionSummary(decision: decision, effective: effective)
        var rules = summary.decidingRules
        switch summary.pauseReason {
        case PauseReason.belowMinimum.rawValue?: rules.append("(below minimum)")
        case PauseReason.shareBudget.rawValue?: rules.append("(share budget)")
        default: break
        }
        return rules
    }
}
