extension RuleSet {
    /// A warning for every `chargers` selector that matches none of `chargerIds` (the chargers in
    /// the configuration), by file and position: a typo (`chargers garge`) would otherwise leave a
    /// rule that never applies, silently. Only a warning: with `allowUnknownChargers` a charger
    /// may be unknown until it connects. `*` matches every charger and is never reported.
    public func selectorWarnings(chargerIds: Set<String>) -> [RuleDiagnostic] {
        let configured =
            chargerIds.isEmpty
            ? "no charger is configured" : "configured: " + chargerIds.sorted().joined(separator: ", ")
        var warnings: [RuleDiagnostic] = []
        for rule in rules {
            for selector in rule.body.scope where selector.matcher != .any {
                guard !chargerIds.contains(where: { selector.matches(chargerId: $0) }) else { continue }
                warnings.append(
                    RuleDiagnostic(
                        path: rule.path, location: selector.location,
                        message: "rule \"\(rule.name)\": chargers \(selector.description) matches no charger "
                            + "in the configuration (\(configured)); the rule applies to no charger until one "
                            + "with a matching id connects",
                        severity: .warning))
            }
        }
        return warnings.sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
    }
}
