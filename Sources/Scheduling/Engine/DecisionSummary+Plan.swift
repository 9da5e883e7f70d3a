import Rules

extension DecisionSummary {
    /// The rules a plan shows for a decision: the deciding rules, or `override` / the pause reason.
    static func planRules(decision: ConnectorDecision, effective: EffectiveDecision?) -> [String] {
        guard let effective else { return decision.explanation.decidingRules }
        let summary = DecisionSummary(decision: decision, effective: effective)
        var rules = summary.decidingRules
        if summary.pauseReason == "belowMinimum" && decision.charging != .pause { rules.append("(below minimum)") }
        return rules
    }
}
