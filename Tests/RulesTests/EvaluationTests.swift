import Foundation
import Testing

@testable import Rules

@Suite struct EvaluationTests {
    typealias F = RuleFixture

    /// Whether `condition` is true for one charging connector of `garage` in `world`.
    private func holds(_ condition: String, _ world: RuleWorld) -> Bool {
        F.decideOne("rule \"probe\" { when \(condition) pause }", world).charging == .pause
    }

    @Test(arguments: [
        ("grid.power > 1 kW", true), ("grid.power > 2 kW", false), ("solar.power == 4100 W", true),
        ("input.boost == 1", true), ("input.boost != 1", false),
        ("solar.surplus == 0 W", true),
    ])
    func inputsAreRead(_ condition: String, _ expected: Bool) {
        let world = F.world(inputs: ["grid.power": 1500, "solar.power": 4100, "input.boost": 1])
        #expect(holds(condition, world) == expected)
    }

    @Test func solarSurplusFallsBackToExport() {
        #expect(holds("solar.surplus == 2300 W", F.world(inputs: ["grid.power": -2300])))
        #expect(holds("solar.surplus == 0 W", F.world(inputs: ["grid.power": 500])))
        #expect(holds("solar.surplus == 900 W", F.world(inputs: ["grid.power": -2300, "solar.surplus": 900])))
    }

    @Test func connectorMeasurandsAreRead() {
        let connector = ConnectorState(
            chargerId: "garage", connectorId: 1, status: .charging, power: 7200, current: 10.4, offered: 16, soc: 55,
            sessionEnergy: 5400, sessionDuration: 3600, hasOpenTransaction: true)
        let world = F.world(connectors: [connector])
        #expect(holds("connector.power == 7.2 kW", world))
        #expect(holds("connector.current == 10.4 A", world))
        #expect(holds("connector.offered == 16 A", world))
        #expect(holds("soc == 55 %", world))
        #expect(holds("session.energy == 5.4 kWh", world))
        #expect(holds("session.duration == 1h", world))
        #expect(holds("site.power == 7200 W", world))
    }

    @Test func connectorPowerIsZeroWhenNotChargingAndUnknownWhileCharging() {
        #expect(holds("connector.power == 0 W", F.world(connectors: [F.connector(status: .available)])))
        let charging = F.decideOne(
            #"rule "p" { when connector.power == 0 W pause }"#, F.world(connectors: [F.connector(status: .charging)]))
        #expect(charging.charging == .none)
        #expect(charging.explanation.unknownValues == ["connector.power"])
    }

    @Test func sitePowerSumsEveryConnector() {
        let world = F.world(connectors: [
            F.connector("a", power: 1000), F.connector("b", power: 2500), F.connector("c", status: .available),
        ])
        let decisions = F.decide(#"rule "p" { when site.power == 3.5 kW pause }"#, world)
        #expect(decisions.map(\.charging) == [.pause, .pause, .pause])
    }

    @Test func sessionValuesAreUnknownWithoutATransaction() {
        let decision = F.decideOne(
            #"rule "p" { when session.energy < 1 kWh or session.duration < 1h pause }"#,
            F.world(connectors: [F.connector(transaction: false)]))
        #expect(decision.charging == .none)
        #expect(decision.explanation.unknownValues == ["session.energy", "session.duration"])
    }

    @Test func chargerSettingsAreRead() {
        let world = F.world(
            chargers: ["garage": ChargerSettings(phases: 1, voltage: 240, minCurrent: 8, maxCurrent: 32)])
        #expect(holds("charger.phases == 1 and charger.voltage == 240 V", world))
        #expect(holds("charger.maxCurrent == 32 A and charger.minCurrent == 8 A", world))
        #expect(holds("charger.maxCurrent == 16 A", F.world()))
    }

    @Test func priceComesFromTheLookup() {
        #expect(holds("price < 0.2", F.world(prices: .constant(0.11))))
        #expect(!holds("price < 0.2", F.world(prices: .constant(0.30))))
    }

    @Test(arguments: [
        ("time in 00:30..06:30", "2026-11-25 00:30", true),
        ("time in 00:30..06:30", "2026-11-25 06:29", true),
        ("time in 00:30..06:30", "2026-11-25 06:30", false),
        ("time in 00:30..06:30", "2026-11-25 00:29", false),
        ("time in 22:00..06:00", "2026-11-25 23:59", true),
        ("time in 22:00..06:00", "2026-11-25 03:00", true),
        ("time in 22:00..06:00", "2026-11-25 06:00", false),
        ("time in 22:00..06:00", "2026-11-25 12:00", false),
        ("time in 18:00..24:00", "2026-11-25 23:59", true),
        ("weekday in mon..fri", "2026-11-25 12:00", true),  // a Wednesday
        ("weekday in sat, sun", "2026-11-25 12:00", false),
        ("weekday in sat, sun", "2026-11-29 12:00", true),  // a Sunday
        ("weekday in fri..mon", "2026-11-30 00:00", true),  // Monday, range wraps
        ("weekday in fri..mon", "2026-11-26 23:59", false),  // Thursday
    ])
    func timeAndWeekdayUseLocalTime(_ condition: String, _ local: String, _ expected: Bool) {
        #expect(holds(condition, F.world(at: F.date(local))) == expected)
    }

    @Test func localTimeFollowsDaylightSavingTime() {
        // 2026-03-29: Amsterdam moves from 02:00 CET to 03:00 CEST. 01:30 UTC is 03:30 local.
        let afterChange = Date(timeIntervalSince1970: 1_774_747_800)  // 2026-03-29T01:30:00Z
        #expect(holds("time in 03:00..04:00", F.world(at: afterChange)))
        let beforeChange = Date(timeIntervalSince1970: 1_774_744_200)  // 2026-03-29T00:30:00Z = 01:30 CET
        #expect(holds("time in 01:00..02:00", F.world(at: beforeChange)))
    }

    @Test func statusIsAndIn() {
        let world = F.world(connectors: [F.connector(status: .suspendedEV)])
        #expect(holds("status is SuspendedEV", world))
        #expect(holds("status in Charging, SuspendedEV", world))
        #expect(!holds("status is Charging", world))
    }

    @Test func chargeAndPause() {
        #expect(F.decideOne(#"rule "c" { charge }"#, F.world()).charging == .charge)
        let paused = F.decideOne(#"rule "p" { pause }"#, F.world())
        #expect(paused.charging == .pause)
        #expect(paused.limitAmps == 0)
        #expect(paused.explanation.pauseReason == .rule)
        #expect(F.decideOne(#"rule "x" { available }"#, F.world()).charging == .none)
    }

    @Test func limitInWattsUsesVoltageAndPhases() {
        let world = F.world(
            connectors: [F.connector("one"), F.connector("three")],
            chargers: ["one": ChargerSettings(phases: 1, voltage: 230, maxCurrent: 32)])
        let decisions = F.decide(#"rule "l" { limit 4.6 kW }"#, world)
        #expect(decisions[0].limitAmps == 20)
        #expect(decisions[1].limitAmps == 4600.0 / 690.0)
        #expect(decisions[1].charging == .none)
    }

    @Test func limitBelowMinCurrentPauses() {
        let decision = F.decideOne(#"rule "l" { limit 3 kW }"#, F.world())
        #expect(decision.charging == .pause)
        #expect(decision.limitAmps == 0)
        #expect(decision.explanation.pauseReason == .belowMinimum)
        #expect(decision.explanation.limitRules == ["l"])
    }

    @Test func limitIsClippedToMaxCurrent() {
        let decision = F.decideOne(#"rule "l" { limit 40 A }"#, F.world())
        #expect(decision.limitAmps == 16)
        #expect(decision.charging == .none)
        #expect(decision.explanation.limitRules == ["l"])
    }

    @Test func negativeLimitPauses() {
        let decision = F.decideOne(#"rule "l" { limit -3 A }"#, F.world())
        #expect(decision.charging == .pause)
        #expect(decision.limitAmps == 0)
    }

    @Test func startUsesTheRuleIdTagThenTheChargersThenAmpwise() {
        let preparing = [F.connector(status: .preparing)]
        #expect(
            F.decideOne(#"rule "s" { start idtag "mine" }"#, F.world(connectors: preparing)).session
                == .start(idTag: "mine"))
        #expect(
            F.decideOne(
                #"rule "s" { start }"#,
                F.world(connectors: preparing, chargers: ["garage": ChargerSettings(idTag: "garage-tag")])
            ).session == .start(idTag: "garage-tag"))
        #expect(F.decideOne(#"rule "s" { start }"#, F.world(connectors: preparing)).session == .start(idTag: "ampwise"))
    }

    @Test func startOnlyWhenPreparingWithoutTransactionPausedOrNot() {
        let rules = #"rule "s" { start }"#
        #expect(F.decideOne(rules, F.world(connectors: [F.connector(status: .available)])).session == .none)
        #expect(
            F.decideOne(rules, F.world(connectors: [F.connector(status: .preparing, transaction: true)])).session
                == .none)
        // Paused, the start still stands: the command policy sends it (pause "profile") or holds it
        // back (pause "remoteStop").
        let paused = F.decideOne(
            rules + #" rule "p" { pause }"#, F.world(connectors: [F.connector(status: .preparing)]))
        #expect(paused.charging == .pause)
        #expect(paused.session == .start(idTag: "ampwise"))
        #expect(paused.explanation.sessionRules == ["s"])
        #expect(paused.explanation.activeRules == ["p", "s"])
    }

    @Test func theExplanationKeepsTheLimitAskedBeforeTheChargersBounds() {
        let solar = F.decideOne(#"rule "solar" { limit 2967 W }"#, F.world())
        #expect(solar.charging == .pause)
        #expect(solar.explanation.pauseReason == .belowMinimum)
        #expect(solar.explanation.askedLimitAmps.map { ($0 * 10).rounded() / 10 } == 4.3)
        let high = F.decideOne(#"rule "high" { limit 40 A }"#, F.world())
        #expect(high.limitAmps == 16)
        #expect(high.explanation.askedLimitAmps == 40)
        #expect(F.decideOne(#"rule "c" { charge }"#, F.world()).explanation.askedLimitAmps == nil)
    }

    @Test func eachRuleKnowsTheInputsItReads() {
        let ruleSet = F.ruleSet(
            """
            rule "solar" { when solar.surplus > 1 kW limit grid.power / 230 V }
            rule "boost" { when input.boost > 0 charge }
            rule "night" { when time in 00:30..06:30 charge }
            """)
        #expect(ruleSet.rule(named: "solar")?.inputNames == ["solar.surplus", "grid.power"])
        #expect(ruleSet.rule(named: "night")?.inputNames == [])
        #expect(
            ruleSet.inputNames(readBy: ["boost", "solar", "night"]) == ["input.boost", "solar.surplus", "grid.power"])
    }

    @Test func stopOnlyWithAnOpenTransaction() {
        #expect(
            F.decideOne(#"rule "s" { stop }"#, F.world(connectors: [F.connector(transaction: true)])).session == .stop)
        #expect(
            F.decideOne(#"rule "s" { stop }"#, F.world(connectors: [F.connector(transaction: false)])).session == .none)
    }

    @Test func availability() {
        #expect(F.decideOne(#"rule "a" { available }"#, F.world()).availability == .available)
        #expect(F.decideOne(#"rule "a" { unavailable }"#, F.world()).availability == .unavailable)
        #expect(F.decideOne(#"rule "a" { charge }"#, F.world()).availability == .none)
    }

    @Test func scopeSelectsChargersGlobsAndConnectors() {
        let world = F.world(connectors: [
            F.connector("garage", 1), F.connector("garage", 2), F.connector("carport", 1), F.connector("cp-07", 1),
        ])
        let decisions = F.decide(
            #"rule "a" { chargers garage:2, cp-0? pause } rule "b" { chargers car* charge }"#, world)
        #expect(decisions.map(\.charging) == [.none, .pause, .charge, .pause])
    }

    @Test func noRulesLeaveEverythingToTheCharger() {
        var state = TemporalState()
        let decisions = RuleSet.empty.evaluate(F.world(), state: &state)
        #expect(decisions == [ConnectorDecision(chargerId: "garage", connectorId: 1)])
    }

    @Test func divisionByZeroIsUnknown() {
        let decision = F.decideOne(#"rule "l" { limit 1 kW / (charger.phases - 3) / 230 V }"#, F.world())
        #expect(decision.limitAmps == nil)
        #expect(decision.explanation.unknownValues == ["division by zero"])
    }
}
