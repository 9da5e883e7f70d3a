import Foundation
import TestSupport
import Testing

@testable import Rules

@Suite struct CombinationTests {
    typealias F = RuleFixture

    @Test func higherPriorityWinsTheChargingFamily() {
        let rules = """
            rule "off by default" { pause }
            rule "cheap overnight" { priority 1 when time in 00:30..06:30 charge limit 16 A }
            """
        let night = F.decideOne(rules, F.world(at: F.date("2026-11-25 02:00")))
        #expect(night.charging == .charge)
        #expect(night.limitAmps == 16)
        #expect(night.explanation.chargingRules == ["cheap overnight"])
        let day = F.decideOne(rules, F.world(at: F.date("2026-11-25 12:00")))
        #expect(day.charging == .pause)
        #expect(day.limitAmps == 0)
        #expect(day.explanation.chargingRules == ["off by default"])
        #expect(day.explanation.activeRules == ["off by default"])
    }

    @Test func pauseBeatsChargeAtTheSamePriority() {
        let decision = F.decideOne(#"rule "a" { charge } rule "b" { pause } rule "c" { pause }"#, F.world())
        #expect(decision.charging == .pause)
        #expect(decision.explanation.chargingRules == ["b", "c"])
    }

    @Test func lowestLimitWinsAmongTheHighestPriority() {
        let rules = """
            rule "a" { limit 10 A }
            rule "b" { limit 8 A }
            rule "c" { limit 8 A }
            rule "d" { priority -1 limit 6 A }
            """
        let decision = F.decideOne(rules, F.world())
        #expect(decision.limitAmps == 8)
        #expect(decision.explanation.limitRules == ["b", "c"])
        let boosted = F.decideOne(rules + #" rule "boost" { priority 2 limit 14 A }"#, F.world())
        #expect(boosted.limitAmps == 14)
        #expect(boosted.explanation.limitRules == ["boost"])
    }

    @Test func familiesAreIndependent() {
        let rules = """
            rule "hi" { priority 5 charge }
            rule "lo" { limit 10 A unavailable }
            """
        let decision = F.decideOne(rules, F.world())
        #expect(decision.charging == .charge)
        #expect(decision.limitAmps == 10)
        #expect(decision.availability == .unavailable)
        #expect(decision.explanation.decidingRules == ["hi", "lo"])
    }

    @Test func stopBeatsStartAndUnavailableBeatsAvailable() {
        let rules = #"rule "a" { start available } rule "b" { stop unavailable }"#
        let decision = F.decideOne(rules, F.world(connectors: [F.connector(status: .preparing, transaction: true)]))
        #expect(decision.session == .stop)
        #expect(decision.availability == .unavailable)
        #expect(decision.explanation.sessionRules == ["b"])
    }

    @Test func startIdTagIsChosenByRuleNameNotOrder() {
        let world = F.world(connectors: [F.connector(status: .preparing)])
        let forward = F.decideOne(#"rule "b" { start idtag "bee" } rule "a" { start idtag "ay" }"#, world)
        let backward = F.decideOne(#"rule "a" { start idtag "ay" } rule "b" { start idtag "bee" }"#, world)
        #expect(forward.session == .start(idTag: "ay"))
        #expect(forward == backward)
    }

    @Test func resultDoesNotDependOnRuleOrFileOrder() {
        let rules = [
            #"rule "night" { priority 1 when time in 22:00..06:00 charge limit 12 A }"#,
            #"rule "off" { pause }"#,
            #"rule "solar" { chargers garage when solar.surplus > 1.4 kW for 1m limit solar.surplus }"#,
            #"rule "fuse" { chargers garage, carport share 20 A }"#,
            #"rule "cap" { limit 14 A when grid.power < 3 kW }"#,
            #"rule "auto" { when status is Preparing start idtag "x" }"#,
            #"rule "stopper" { priority 2 when soc >= 80 % stop }"#,
            #"rule "avail" { available }"#,
        ]
        var generator = SeededGenerator(seed: 7)
        let world = F.world(
            at: F.date("2026-11-25 23:00"),
            connectors: [
                F.connector("garage", status: .charging, power: 3000, chargingDuration: 100),
                F.connector("carport", status: .suspendedEV, chargingDuration: 50),
                F.connector("other", status: .preparing),
            ],
            inputs: ["grid.power": -2000, "solar.surplus": 2000])
        let reference = F.decide(rules.joined(separator: "\n"), world)
        for _ in 0..<20 {
            let shuffled = rules.shuffled(using: &generator)
            let split = Int.random(in: 0...shuffled.count, using: &generator)
            let sources = [
                RuleSource(path: "one.rules", text: shuffled[..<split].joined(separator: "\n")),
                RuleSource(path: "two.rules", text: shuffled[split...].joined(separator: "\n")),
            ].shuffled(using: &generator)
            var state = TemporalState()
            let ruleSet = RuleChecker.check(sources).ruleSet!
            #expect(ruleSet.evaluate(world, state: &state) == reference)
        }
    }
}
