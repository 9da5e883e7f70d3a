import ChargingModel
import Chronology
import Foundation
import Testing

@testable import Rules

@Suite struct CheapestEnergyTests {
    typealias F = RuleFixture

    /// 1 phase × 230 V × 16 A = 3680 W: 920 Wh per quarter hour.
    static let onePhase = ["garage": ChargerSettings(phases: 1, voltage: 230, minCurrent: 6, maxCurrent: 16)]

    /// Prices by local hour (every quarter of an hour costs the hour's price).
    private func hourly(_ prices: [Int: Double], otherwise: Double = 0.30) -> PriceLookup {
        PriceLookup { date in prices[LocalTime(date, in: F.amsterdam).hour] ?? otherwise }
    }

    private func charges(
        _ condition: String, at local: String, prices: PriceLookup, delivered: Double? = nil, power: Double? = nil
    ) -> Bool {
        let connector = ConnectorState(
            chargerId: "garage", connectorId: 1, status: .charging, power: power, sessionEnergy: delivered,
            hasOpenTransaction: delivered != nil)
        let world = F.world(at: F.date(local), connectors: [connector], chargers: Self.onePhase, prices: prices)
        return F.decideOne("rule \"c\" { when \(condition) charge }", world).charging == .charge
    }

    @Test func theCheapestSlotsThatDeliverTheEnergyAreChosen() {
        let prices = hourly([23: 0.10, 3: 0.05])
        // 2 kWh at 3680 W: 3 quarter hours, all in the cheapest hour (03:00 to 04:00), the later ones on a tie.
        for (time, expected) in [
            ("2026-11-25 23:00", false), ("2026-11-26 03:00", false), ("2026-11-26 03:15", true),
            ("2026-11-26 03:45", true), ("2026-11-26 04:00", false),
        ] {
            #expect(charges("cheapest 2 kWh before 07:00", at: time, prices: prices) == expected, "\(time)")
        }
    }

    @Test func energyAlreadyInTheSessionShortensThePlan() {
        let prices = hourly([3: 0.05])
        // 800 Wh still missing: one quarter hour, the last of the cheap hour.
        #expect(!charges("cheapest 2 kWh before 07:00", at: "2026-11-26 03:30", prices: prices, delivered: 1200))
        #expect(charges("cheapest 2 kWh before 07:00", at: "2026-11-26 03:45", prices: prices, delivered: 1200))
        // Met: never.
        #expect(!charges("cheapest 2 kWh before 07:00", at: "2026-11-26 03:45", prices: prices, delivered: 2000))
    }

    @Test func theMeasuredPowerIsUsedWhileTheCarDrawsPower() {
        let prices = hourly([3: 0.05])
        // 3 kWh at a measured 7 kW is 2 quarter hours (1750 Wh each), at 3680 W it would be 4.
        #expect(!charges("cheapest 3 kWh before 07:00", at: "2026-11-26 03:15", prices: prices, power: 7000))
        #expect(charges("cheapest 3 kWh before 07:00", at: "2026-11-26 03:30", prices: prices, power: 7000))
        #expect(charges("cheapest 3 kWh before 07:00", at: "2026-11-26 03:00", prices: prices, power: 50))
    }

    @Test func aGoalThatCannotBeMetChargesAtOnce() {
        // Two hours left deliver 7.36 kWh at most: the expensive hour charges too.
        #expect(charges("cheapest 30 kWh before 07:00", at: "2026-11-26 05:00", prices: hourly([6: 0.01])))
        // Even in a slot without a price, which a goal that can still be met never chooses.
        let unpricedNow = PriceLookup { date in LocalTime(date, in: F.amsterdam).hour == 5 ? nil : 0.30 }
        #expect(charges("cheapest 30 kWh before 07:00", at: "2026-11-26 05:00", prices: unpricedNow))
        #expect(!charges("cheapest 1 kWh before 07:00", at: "2026-11-26 05:00", prices: unpricedNow))
    }

    @Test func theEnergyIsCheckedLikeEveryExpression() {
        #expect(
            F.errors(#"rule "a" { when cheapest 20 A before 07:00 pause }"#) == [
                "t.rules:1:26: error: 'cheapest' needs a duration (such as 3h) or an energy (such as 20 kWh), found current"
            ])
        #expect(F.errors(#"rule "a" { when cheapest 2 * 10 kWh before 07:00 and status is Charging pause }"#) == [])
    }
}
