import Foundation
import Testing

@testable import Rules

@Suite struct UnknownInputTests {
    typealias F = RuleFixture

    private func world(gridAge: Double?) -> RuleWorld {
        var world = F.world()
        if let gridAge {
            world.inputs["grid.power"] = InputReading(value: 2000, updatedAt: world.now.addingTimeInterval(-gridAge))
        }
        return world
    }

    @Test func anInputNeverPushedIsUnknownAndComparisonsWithItAreFalse() {
        let decision = F.decideOne(#"rule "r" { when grid.power > 1 kW pause }"#, world(gridAge: nil))
        #expect(decision.charging == .none)
        #expect(decision.explanation.activeRules.isEmpty)
        #expect(decision.explanation.unknownValues == ["grid.power"])
    }

    @Test func anInputOlderThanInputMaxAgeIsUnknown() {
        let rules = #"rule "r" { when grid.power > 1 kW pause }"#
        #expect(F.decideOne(rules, world(gridAge: 300)).charging == .pause)
        let stale = F.decideOne(rules, world(gridAge: 301))
        #expect(stale.charging == .none)
        #expect(stale.explanation.unknownValues == ["grid.power"])
    }

    @Test func notOfAComparisonWithAnUnknownIsTrue() {
        // The comparison is false, so its negation holds: write rules that fail safe.
        let decision = F.decideOne(#"rule "r" { when not (grid.power > 1 kW) pause }"#, world(gridAge: nil))
        #expect(decision.charging == .pause)
        #expect(decision.explanation.unknownValues == ["grid.power"])
    }

    @Test func aLimitWhoseValueIsUnknownDoesNotApply() {
        let rules = """
            rule "solar" { priority 1 limit 16 A - grid.power / 230 V }
            rule "cap" { limit 10 A }
            """
        let unknown = F.decideOne(rules, world(gridAge: nil))
        // The higher-priority limit is unknown, so the other one decides.
        #expect(unknown.limitAmps == 10)
        #expect(unknown.explanation.limitRules == ["cap"])
        #expect(unknown.explanation.activeRules == ["cap", "solar"])
        #expect(unknown.explanation.unknownValues == ["grid.power"])
        let known = F.decideOne(rules, world(gridAge: 10))
        #expect(known.limitAmps == 16 - 2000.0 / 230)
    }

    @Test func aShareWhoseBudgetIsUnknownDoesNotApply() {
        let decision = F.decideOne(#"rule "fuse" { share 20 kW - grid.power }"#, world(gridAge: nil))
        #expect(decision.limitAmps == nil)
        #expect(decision.explanation.shareRules.isEmpty)
        #expect(decision.explanation.unknownValues == ["grid.power"])
    }

    @Test func anUnknownPriceMakesPriceComparisonsFalse() {
        let decision = F.decideOne(#"rule "r" { when price < 0.2 charge }"#, F.world(prices: .unknown))
        #expect(decision.charging == .none)
        #expect(decision.explanation.unknownValues == ["price"])
    }

    @Test func aStaleSurplusFallsBackToGridPower() {
        var world = world(gridAge: 10)
        world.inputs["grid.power"]?.value = -3000
        world.inputs["solar.surplus"] = InputReading(value: 100, updatedAt: world.now.addingTimeInterval(-900))
        #expect(F.decideOne(#"rule "r" { when solar.surplus == 3 kW pause }"#, world).charging == .pause)
    }
}
