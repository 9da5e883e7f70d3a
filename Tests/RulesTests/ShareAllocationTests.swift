import ChargingModel
import Foundation
import TestSupport
import Testing

@testable import Rules

@Suite struct ShareAllocationTests {
    typealias F = RuleFixture

    private func claimant(_ id: String, _ cap: Double, _ minimum: Double = 6, charged: Double = 0)
        -> ShareAllocation.Claimant
    {
        ShareAllocation.Claimant(
            cap: cap, minimum: minimum, chargingDuration: charged, key: ConnectorKey(chargerId: id, connectorId: 1))
    }

    @Test func budgetIsSplitEqually() {
        let shares = ShareAllocation.allocate(budget: 32, among: [claimant("a", 16), claimant("b", 16)])
        #expect(shares == [16, 16])
        let three = ShareAllocation.allocate(
            budget: 30, among: [claimant("a", 16), claimant("b", 16), claimant("c", 16)])
        #expect(three == [10, 10, 10])
    }

    @Test func whatOneCannotUseIsPassedOn() {
        let shares = ShareAllocation.allocate(
            budget: 32, among: [claimant("a", 8), claimant("b", 32), claimant("c", 32)])
        #expect(shares == [8, 12, 12])
    }

    @Test func theLongestChargingArePausedWhenMinimumsDoNotFit() {
        let shares = ShareAllocation.allocate(
            budget: 16,
            among: [claimant("a", 16, charged: 300), claimant("b", 16, charged: 900), claimant("c", 16, charged: 100)])
        #expect(shares == [8, nil, 8])
    }

    @Test func higherMinimumsAreRespected() {
        let shares = ShareAllocation.allocate(budget: 16, among: [claimant("a", 16, 10), claimant("b", 16, 6)])
        #expect(shares == [10, 6])
    }

    @Test func propertiesHoldOverManyRandomCases() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let count = Int.random(in: 1...12, using: &generator)
            let claimants = (0..<count).map { index in
                let minimum = [6.0, 6, 6, 8, 10].randomElement(using: &generator)!
                let cap = Double(Int.random(in: 0...64, using: &generator)) / 2
                let charged = Double(Int.random(in: 0...5, using: &generator) * 600)
                return claimant("c\(index)", cap, minimum, charged: charged)
            }
            let budget = Double(Int.random(in: 0...200, using: &generator))
            let shares = ShareAllocation.allocate(budget: budget, among: claimants)
            let given = shares.compactMap { $0 }
            // Sum never above the budget.
            #expect(given.reduce(0, +) <= budget + 1e-9)
            for (index, share) in shares.enumerated() {
                guard let share else { continue }
                // Nobody above its own cap, nobody between 0 and its minimum.
                #expect(share <= claimants[index].cap + 1e-9)
                #expect(share >= claimants[index].minimum - 1e-9)
            }
            // Fair split: one that got less than its cap got at least as much as any other
            // (beyond their minimums).
            for (index, share) in shares.enumerated() {
                guard let share, share < claimants[index].cap - 1e-6 else { continue }
                for (other, otherShare) in shares.enumerated() {
                    guard let otherShare, otherShare > claimants[other].minimum + 1e-6 else { continue }
                    #expect(share >= otherShare - 1e-6)
                }
            }
            // Rotation: whoever was paused (and could charge) did not fit, and had charged at least
            // as long as everyone admitted with the same minimum.
            let admittedMinimum = shares.indices.filter { shares[$0] != nil }.map { claimants[$0].minimum }.reduce(0, +)
            for (index, share) in shares.enumerated() where share == nil {
                let paused = claimants[index]
                guard paused.cap >= paused.minimum, paused.cap > 0 else { continue }
                #expect(admittedMinimum + paused.minimum > budget)
                for (other, otherShare) in shares.enumerated()
                where otherShare != nil && claimants[other].minimum == paused.minimum {
                    #expect(paused.chargingDuration >= claimants[other].chargingDuration)
                }
            }
            // Leftover passed on: if budget remains, every admitted claimant is at its cap.
            if given.reduce(0, +) < budget - 1e-6 {
                for (index, share) in shares.enumerated() where share != nil {
                    #expect(abs(share! - claimants[index].cap) < 1e-6)
                }
            }
        }
    }

    @Test func shareRuleSplitsAmongPluggedInConnectorsThatAreNotPaused() {
        let world = F.world(connectors: [
            F.connector("garage", status: .charging),
            F.connector("carport", status: .suspendedEV),
            F.connector("shed", status: .available),
            F.connector("barn", status: .charging),
        ])
        let decisions = F.decide(
            #"rule "fuse" { chargers garage, carport, shed, barn share 20 A } rule "barn off" { chargers barn pause }"#,
            world)
        #expect(decisions.map(\.limitAmps) == [10, 10, nil, 0])
        #expect(decisions[0].explanation.shareRules == ["fuse"])
        #expect(decisions[2].explanation.shareRules.isEmpty)
        #expect(decisions[3].charging == .pause)
    }

    @Test func sharesRoundDownToTenthsOfAnAmpere() {
        let world = F.world(connectors: [F.connector("a"), F.connector("b"), F.connector("c")])
        let decisions = F.decide(#"rule "fuse" { share 32 A }"#, world)
        #expect(decisions.map(\.limitAmps) == [10.6, 10.6, 10.6])
    }

    @Test func powerBudgetsAreSplitInWatts() {
        let world = F.world(
            connectors: [F.connector("one"), F.connector("three")],
            chargers: ["one": ChargerSettings(phases: 1, voltage: 230, maxCurrent: 32)])
        // 11 kW: 5.5 kW each: 23.9 A on one phase, 7.9 A on three.
        let decisions = F.decide(#"rule "fuse" { share 11 kW }"#, world)
        #expect(decisions.map(\.limitAmps) == [23.9, 7.9])
    }

    @Test func aShareCapsTheWinningLimitAndPausesTheLongestCharging() {
        let world = F.world(connectors: [
            F.connector("a", chargingDuration: 60), F.connector("b", chargingDuration: 7200),
            F.connector("c", chargingDuration: 600),
        ])
        let decisions = F.decide(#"rule "cap" { limit 12 A } rule "fuse" { share 16 A }"#, world)
        #expect(decisions.map(\.charging) == [.none, .pause, .none])
        #expect(decisions.map(\.limitAmps) == [8, 0, 8])
        #expect(decisions[1].explanation.pauseReason == .shareBudget)
    }

    @Test func rotationMovesThePauseToWhoeverChargedLongest() {
        let ruleSet = F.ruleSet(#"rule "fuse" { share 12 A }"#)
        var state = TemporalState()
        var charged: [String: Double] = ["a": 0, "b": 0, "c": 0]
        var pausedOrder: [String] = []
        for _ in 0..<6 {
            let connectors = ["a", "b", "c"].map { F.connector($0, chargingDuration: charged[$0]!) }
            let decisions = ruleSet.evaluate(F.world(connectors: connectors), state: &state)
            for decision in decisions where decision.charging != .pause { charged[decision.chargerId]! += 600 }
            pausedOrder.append(decisions.filter { $0.charging == .pause }.map(\.chargerId).joined())
        }
        // Everyone takes turns; nobody is paused twice in a row.
        #expect(pausedOrder == ["c", "b", "a", "c", "b", "a"])
    }

    /// Two garage connectors (g1, g2) and a parking space (p1), all Charging, 32 A chargers.
    private static func garageAndParking(charged durations: [Double] = [0, 0, 0]) -> RuleWorld {
        let ids = ["g1", "g2", "p1"]
        return F.world(
            connectors: zip(ids, durations).map { F.connector($0, chargingDuration: $1) },
            chargers: Dictionary(uniqueKeysWithValues: ids.map { ($0, ChargerSettings(maxCurrent: 32)) }))
    }

    @Test func nestedBudgetsBothHold() {
        let world = Self.garageAndParking()
        let decisions = F.decide(#"rule "garage" { chargers g* share 20 A } rule "site" { share 40 A }"#, world)
        #expect(decisions.map(\.limitAmps) == [10, 10, 20])
    }

    @Test func theNarrowerBudgetIsAppliedFirstWhateverTheRuleNames() {
        let world = Self.garageAndParking()
        // "a site" sorts before "z garage": applied first, the site would give everyone 13.3 A and
        // p1 would lose what the garage fuse keeps from g1 and g2.
        let decisions = F.decide(#"rule "z garage" { chargers g* share 20 A } rule "a site" { share 40 A }"#, world)
        #expect(decisions.map(\.limitAmps) == [10, 10, 20])
    }

    @Test func aConnectorPausedByTheInnerBudgetLeavesItsShareOfTheOuterToTheOthers() {
        let world = Self.garageAndParking(charged: [900, 100, 0])
        // The garage's 10 A cannot give both its cars 6 A: g1, which charged longest, pauses; the
        // site's 30 A then goes to g2 (its 10 A) and p1 (the other 20 A).
        let decisions = F.decide(#"rule "garage" { chargers g* share 10 A } rule "a site" { share 30 A }"#, world)
        #expect(decisions.map { $0.charging == .pause } == [true, false, false])
        #expect(decisions.map(\.limitAmps) == [0, 10, 20])
    }

    @Test func evaluatedSharesKeepEveryPropertyOverRandomSites() {
        var generator = SeededGenerator(seed: 2026)
        let statuses: [ConnectorStatus] = [.available, .preparing, .charging, .suspendedEV, .suspendedEVSE, .finishing]
        for _ in 0..<300 {
            let budget = Double(Int.random(in: 0...80, using: &generator))
            let ruleSet = F.ruleSet(
                "rule \"fuse\" { share \(Int(budget)) A } rule \"cap\" { chargers c1*, c3 limit 13 A }")
            var chargers: [String: ChargerSettings] = [:]
            let connectors = (0..<Int.random(in: 1...15, using: &generator)).map { index in
                let id = "c\(index)"
                chargers[id] = ChargerSettings(
                    phases: Bool.random(using: &generator) ? 1 : 3,
                    minCurrent: [6.0, 6, 8].randomElement(using: &generator)!,
                    maxCurrent: [10.0, 16, 32].randomElement(using: &generator)!)
                return F.connector(
                    id, status: statuses.randomElement(using: &generator)!,
                    chargingDuration: Double(Int.random(in: 0...4, using: &generator) * 900))
            }
            var state = TemporalState()
            let decisions = ruleSet.evaluate(F.world(connectors: connectors, chargers: chargers), state: &state)
            var sum = 0.0
            for (decision, connector) in zip(decisions, connectors) {
                let settings = chargers[connector.chargerId]!
                guard connector.status.isPluggedIn else {
                    #expect(decision.explanation.shareRules.isEmpty)
                    continue
                }
                let limit = decision.limitAmps ?? -1
                #expect(limit >= 0)
                if decision.charging == .pause {
                    #expect(limit == 0)
                } else {
                    #expect(limit >= settings.minCurrent)
                    #expect(limit <= settings.maxCurrent)
                    if ["c1", "c3"].contains(connector.chargerId) || connector.chargerId.hasPrefix("c1") {
                        #expect(limit <= 13)
                    }
                    // Tenths of an ampere, as the scheduler sends them.
                    #expect(abs(limit * 10 - (limit * 10).rounded()) < 1e-9)
                }
                sum += limit
            }
            #expect(sum <= budget + 1e-9)
        }
    }
}
