import ChargingModel
import Chronology
import Foundation
import TestSupport
import Testing

@testable import Rules

/// The planner of energy goals (`CheapestEnergyWindow`, `EnergyGoalPlan`) on random price curves
/// and on the days that trip calendars: across midnight and on both DST changes.
@Suite struct EnergyGoalPlannerTests {
    typealias F = RuleFixture

    /// 16 A × 230 V × 3 phases: 11,040 W, 2,760 Wh a quarter hour.
    static let settings = ChargerSettings(phases: 3, voltage: 230, minCurrent: 6, maxCurrent: 16)
    static let perSlot = 2760.0
    /// 2026-11-25 00:00 UTC.
    static let origin = Date(timeIntervalSince1970: 1_795_564_800)

    /// 48 hours of quarter-hour prices from `origin`, about one in ten left without a price.
    static func randomPrices(_ random: inout SeededGenerator) -> [PriceSlot] {
        (0..<192).compactMap { index in
            guard Int.random(in: 0..<10, using: &random) > 0 else { return nil }
            let start = origin.addingTimeInterval(Double(index) * 900)
            // Few distinct prices, so that ties are common.
            let price = Double(Int.random(in: 0..<12, using: &random)) * 0.05 - 0.1
            return PriceSlot(start: start, end: start.addingTimeInterval(900), price: price)
        }
    }

    static func goal(energy: Double, by: Date) -> EnergyGoal {
        EnergyGoal(chargerId: "garage", connectorId: 1, energyWh: energy, by: by, setAt: origin)
    }

    static func session(energy: Double, power: Double? = nil) -> ConnectorState {
        ConnectorState(
            chargerId: "garage", connectorId: 1, status: .charging, power: power, sessionEnergy: energy,
            hasOpenTransaction: true)
    }

    @Test(arguments: 0..<40)
    func chosenSlotsAreNeverDearerThanASlotLeftOutThatCouldHaveServed(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let prices = PriceLookup(slots: Self.randomPrices(&random))
        let now = Self.origin.addingTimeInterval(Double(Int.random(in: 0..<(96 * 900), using: &random)))
        let by = now.addingTimeInterval(Double(Int.random(in: 1...(96 * 900), using: &random)))
        let window = CheapestEnergyWindow(end: by, now: now, prices: prices)
        let needed = Int.random(in: 1...(window.slotCount + 2), using: &random)
        let chosen = window.cheapest(needed)
        #expect(chosen.count == min(needed, window.pricedSlots))
        let chosenIndices = Set(chosen.map(\.index))
        let dearestChosen = chosen.map(\.price).max() ?? -.infinity
        for slot in window.priced where !chosenIndices.contains(slot.index) {
            #expect(slot.price >= dearestChosen, "slot \(slot.index) at \(slot.price) left out, seed \(seed)")
        }
        // Every chosen slot lies between the one holding now and the deadline, and has a price.
        for slot in chosen {
            #expect(window.start(of: slot.index) < by)
            #expect(window.start(of: slot.index).addingTimeInterval(900) > now)
            #expect(prices.price(at: window.start(of: slot.index)) == slot.price)
        }
        // Goals evaluated together share prices per grid and get the same window.
        var shared = GoalWindows(now: now, prices: prices)
        let sameGrid = by.addingTimeInterval(-900 * Double(Int.random(in: 0..<window.slotCount, using: &random)))
        _ = shared.window(end: sameGrid)
        #expect(shared.window(end: by) == window)
        #expect(shared.window(end: sameGrid) == CheapestEnergyWindow(end: sameGrid, now: now, prices: prices))
        // What the rules decide now is what the plan lays out.
        if needed <= window.pricedSlots {
            #expect(window.isChosen(needed: needed) == chosenIndices.contains(0))
        }
    }

    /// A goal evaluated as the engine does (every 5 minutes, the car drawing the achievable power
    /// while the decision charges) delivers its energy by `by` whenever the quarter hours left
    /// could deliver it when it was set.
    @Test(arguments: 0..<40)
    func theDeadlineIsMetWheneverItCanBe(seed: Int) {
        var random = SeededGenerator(seed: UInt64(1000 + seed))
        let prices = PriceLookup(slots: Self.randomPrices(&random))
        let start = Self.origin.addingTimeInterval(Double(Int.random(in: 0..<96, using: &random)) * 900)
        let slots = Int.random(in: 1...96, using: &random)
        let by = start.addingTimeInterval(Double(slots) * 900)
        let energy = Double.random(in: 100...(Double(slots) * Self.perSlot), using: &random)
        let rules = F.ruleSet(#"rule "off" { pause }"#)
        var state = TemporalState()
        var delivered = 0.0
        var now = start
        while now < by {
            var world = F.world(
                at: now, connectors: [Self.session(energy: delivered)], chargers: ["garage": Self.settings],
                prices: prices)
            world.goals = [ConnectorKey(chargerId: "garage", connectorId: 1): Self.goal(energy: energy, by: by)]
            let decision = rules.evaluate(world, state: &state)[0]
            if decision.charging == .charge {
                delivered += (decision.limitAmps ?? 0) * 230 * 3 * 300 / 3600
            }
            now = now.addingTimeInterval(300)
        }
        #expect(delivered >= energy - 1e-6, "seed \(seed): \(delivered) of \(energy) Wh in \(slots) quarter hours")
    }

    @Test func aPlanAcrossMidnightTakesTheCheapSlotsOnBothSides() {
        // 22:00 in Amsterdam; the cheapest quarter hours are 23:45 and 00:00 to 00:30.
        let cheap: Set<String> = ["23:45", "00:00", "00:15"]
        let prices = PriceLookup { date in
            let local = LocalTime(date, in: F.amsterdam)
            let text = String(format: "%02d:%02d", local.hour, local.minute)
            return cheap.contains(text) ? 0.05 : 0.30
        }
        let plan = EnergyGoalPlan(
            goal: Self.goal(energy: 8000, by: F.date("2026-11-26 02:00")), connector: Self.session(energy: 0),
            settings: Self.settings, now: F.date("2026-11-25 22:00"), prices: prices)
        // 8 kWh are 3 quarter hours (8,280 Wh at most).
        #expect(
            plan.slots.map(\.start) == [
                F.date("2026-11-25 23:45"), F.date("2026-11-26 00:00"), F.date("2026-11-26 00:15"),
            ])
        #expect(plan.state == .waiting)
        #expect(plan.canMeet)
        #expect(abs((plan.expectedCost ?? 0) - 8 * 0.05) < 1e-9)
        #expect(abs(plan.missingWh - 8000) < 1e-9)
    }

    @Test func theAutumnDSTNightHasTwentyEightQuarterHoursFromMidnightToSix() {
        // 2026-10-25: at 03:00 CEST the clocks go back to 02:00 CET, so 00:00 to 06:00 is 7 hours.
        // The second 02:00 to 03:00 (01:00 to 02:00 UTC) is the cheapest hour.
        let cheapStart = RFC3339.parse("2026-10-25T01:00:00Z")!
        let prices = PriceLookup { date in
            (cheapStart..<cheapStart.addingTimeInterval(3600)).contains(date) ? 0.02 : 0.25
        }
        let now = F.date("2026-10-25 00:00")
        let by = F.date("2026-10-25 06:00")
        #expect(by.timeIntervalSince(now) == 7 * 3600)
        let window = CheapestEnergyWindow(end: by, now: now, prices: prices)
        #expect(window.slotCount == 28)
        let plan = EnergyGoalPlan(
            goal: Self.goal(energy: 11_000, by: by), connector: Self.session(energy: 0), settings: Self.settings,
            now: now, prices: prices)
        #expect(plan.slots.map(\.start) == (0..<4).map { cheapStart.addingTimeInterval(Double($0) * 900) })
        // The rule form plans over the same night.
        let ruleWindow = CheapestEnergyWindow(
            deadline: ClockTime(minutes: 360)!, now: now, timeZone: F.amsterdam, prices: prices)
        #expect(ruleWindow == window)
    }

    @Test func theSpringDSTNightHasTwentyQuarterHoursFromMidnightToSix() {
        // 2026-03-29: at 02:00 CET the clocks go forward to 03:00 CEST, so 00:00 to 06:00 is 5 hours.
        let now = F.date("2026-03-29 00:00")
        let by = F.date("2026-03-29 06:00")
        let prices = PriceLookup { date in LocalTime(date, in: F.amsterdam).hour == 5 ? 0.01 : 0.20 }
        let window = CheapestEnergyWindow(end: by, now: now, prices: prices)
        #expect(window.slotCount == 20)
        // 30 kWh need 11 quarter hours: the four of 05:00 and seven more, the latest on a tie.
        let plan = EnergyGoalPlan(
            goal: Self.goal(energy: 30_000, by: by), connector: Self.session(energy: 0), settings: Self.settings,
            now: now, prices: prices)
        #expect(plan.slots.count == 11)
        #expect(plan.slots.first?.start == F.date("2026-03-29 03:15"))
        #expect(plan.slots.last?.start == F.date("2026-03-29 05:45"))
        #expect(plan.canMeet)
        // 56 kWh would need 21: more than the night has.
        let tooMuch = EnergyGoalPlan(
            goal: Self.goal(energy: 56_000, by: by), connector: Self.session(energy: 0), settings: Self.settings,
            now: now, prices: prices)
        #expect(!tooMuch.canMeet)
        #expect(tooMuch.state == .cannotBeMet)
        #expect(tooMuch.slots.count == 20)
    }

    @Test func thePlanUsesTheMeasuredPowerAndTheEnergyInTheSession() {
        let prices = PriceLookup.constant(0.20)
        let now = F.date("2026-11-25 22:00")
        // 7 kW measured: 1,750 Wh a quarter hour; 5 kWh in the session, 5 missing: 3 quarter hours.
        let plan = EnergyGoalPlan(
            goal: Self.goal(energy: 10_000, by: F.date("2026-11-26 06:00")),
            connector: Self.session(energy: 5000, power: 7000), settings: Self.settings, now: now, prices: prices)
        #expect(plan.powerW == 7000)
        #expect(plan.missingWh == 5000)
        #expect(
            plan.slots.map(\.start) == [
                F.date("2026-11-26 05:15"), F.date("2026-11-26 05:30"), F.date("2026-11-26 05:45"),
            ])
        #expect(abs((plan.expectedCost ?? 0) - 1.0) < 1e-9)
    }

    @Test func slotsWithoutAPriceAreNeverPlannedAndTooFewPricesChargeAtOnce() {
        let now = F.date("2026-11-25 22:00")
        let by = F.date("2026-11-25 23:00")
        // Only 22:45 has a price: one quarter hour is planned there, two cannot be.
        let prices = PriceLookup { date in date >= F.date("2026-11-25 22:45") ? 0.10 : nil }
        let one = EnergyGoalPlan(
            goal: Self.goal(energy: 2000, by: by), connector: Self.session(energy: 0), settings: Self.settings,
            now: now, prices: prices)
        #expect(one.slots.map(\.start) == [F.date("2026-11-25 22:45")])
        #expect(one.state == .waiting)
        let two = EnergyGoalPlan(
            goal: Self.goal(energy: 4000, by: by), connector: Self.session(energy: 0), settings: Self.settings,
            now: now, prices: prices)
        #expect(two.state == .pricesMissing)
        #expect(two.canMeet)
        #expect(two.slots.count == 1)
    }
}
