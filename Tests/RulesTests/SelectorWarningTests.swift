import Testing

@testable import Rules

@Suite struct SelectorWarningTests {
    static let rules = """
        rule "fuse" {
            chargers garage, garge:2
            limit 10 A
        }
        rule "everyone" { chargers * limit 16 A }
        rule "park" { chargers "cp-*", carport limit 8 A }
        """

    @Test func aSelectorThatMatchesNoConfiguredChargerIsAWarningWithItsPosition() {
        let warnings = RuleFixture.ruleSet(Self.rules, path: "rules/a.rules").selectorWarnings(chargerIds: [
            "garage", "carport",
        ])
        #expect(
            warnings.map(\.description) == [
                #"rules/a.rules:2:22: warning: rule "fuse": chargers garge:2 matches no charger in the "#
                    + "configuration (configured: carport, garage); the rule applies to no charger until one "
                    + "with a matching id connects",
                #"rules/a.rules:6:24: warning: rule "park": chargers "cp-*" matches no charger in the "#
                    + "configuration (configured: carport, garage); the rule applies to no charger until one "
                    + "with a matching id connects",
            ])
        #expect(warnings.allSatisfy { !$0.isError })
    }

    @Test func everySelectorMatchingAConfiguredChargerGivesNoWarning() {
        let ruleSet = RuleFixture.ruleSet(Self.rules)
        #expect(ruleSet.selectorWarnings(chargerIds: ["garage", "garge", "carport", "cp-01"]).isEmpty)
    }

    @Test func withNoChargerConfiguredTheWarningSaysSo() {
        let warnings = RuleFixture.ruleSet(#"rule "a" { chargers garage limit 10 A }"#).selectorWarnings(
            chargerIds: [])
        #expect(warnings.map(\.message).first?.contains("(no charger is configured)") == true)
    }

    @Test func aProblemWithTheWholeFileHasNoLineOrColumn() {
        #expect(RuleDiagnostic(path: "rules", message: "no such folder").description == "rules: error: no such folder")
    }
}
