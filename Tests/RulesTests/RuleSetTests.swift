import Testing

@testable import Rules

@Suite struct RuleSetTests {
    @Test func loadedRulesAreSortedByNameWithTheirOrigin() throws {
        let result = RuleChecker.check([
            RuleSource(path: "rules/b.rules", text: "\n  rule \"zeta\" { priority 2 pause }"),
            RuleSource(path: "rules/a.rules", text: #"rule "alpha" { chargers garage:1 when soc < 80 % charge }"#),
        ])
        let ruleSet = try #require(result.ruleSet)
        #expect(ruleSet.rules.map(\.name) == ["alpha", "zeta"])
        let zeta = try #require(ruleSet.rule(named: "zeta"))
        #expect(zeta.path == "rules/b.rules")
        #expect(zeta.location == SourceLocation(line: 2, column: 3))
        #expect(zeta.priority == 2)
        #expect(zeta.text == "rule \"zeta\" {\n    priority 2\n    pause\n}")
        #expect(
            ruleSet.rule(named: "alpha")?.text == """
                rule "alpha" {
                    chargers garage:1
                    when (soc < 80 %)
                    charge
                }
                """)
        #expect(ruleSet.fileCount == 2)
        #expect(ruleSet.ruleCount == 2)
    }

    @Test func inputNamesListWhatTheRulesRead() {
        let ruleSet = RuleFixture.ruleSet(
            #"rule "a" { when input.boost == 1 and solar.surplus > 1 kW and grid.power < 0 W charge }"#)
        #expect(ruleSet.inputNames == ["input.boost", "solar.surplus", "grid.power"])
    }

    @Test func theSameTextGivesEqualRuleSets() {
        let text = #"rule "a" { when grid.power > 1 kW for 1m pause } rule "b" { limit 10 A }"#
        #expect(RuleFixture.ruleSet(text) == RuleFixture.ruleSet(text))
        #expect(RuleFixture.ruleSet(text) != RuleFixture.ruleSet(#"rule "a" { pause }"#))
    }
}
