import ChargingModel
import Foundation

/// An energy goal's plan as the API shows it (`GET /api/chargers/{id}/goal`, SPEC §10): what it
/// does now, the energy still missing, the quarter hours planned with their prices, the expected
/// cost, and whether the deadline can still be met. Worked out by the planner the rules use
/// (`CheapestEnergyWindow`), so the API shows what the decisions do.
public struct EnergyGoalPlan: Sendable, Equatable {
    public var goal: EnergyGoal
    public var state: EnergyGoalState
    /// Energy the session still lacks (all of it before a session opens), in Wh.
    public var missingWh: Double
    /// The power the plan assumes (measured while the car draws more than 100 W, else maxCurrent ×
    /// voltage × phases), in W.
    public var powerW: Double
    /// The planned quarter hours, earliest first, each with its price.
    public var slots: [PriceSlot]
    /// What the missing energy costs over the planned slots, cheapest first; nil without slots.
    public var expectedCost: Double?
    /// Whether the quarter hours left can still deliver what is missing at that power.
    public var canMeet: Bool

    /// The plan of `goal` for `connector` at `now`. `solarPower` is the power the car could take
    /// from the sun now (`RuleWorld.solarPowerForCar`), for the `solar` strategy.
    public init(
        goal: EnergyGoal, connector: ConnectorState, settings: ChargerSettings, now: Date, prices: PriceLookup,
        solarPower: Double? = nil
    ) {
        let window = CheapestEnergyWindow(end: goal.by, now: now, prices: prices)
        let verdict = Self.decide(
            goal: goal, connector: connector, settings: settings, window: { window }, solarPower: solarPower)
        self.goal = goal
        state = verdict.state
        missingWh = verdict.missingWh
        powerW = verdict.powerW
        canMeet = goal.by > now && verdict.needed <= window.slotCount
        let chosen = goal.by > now ? window.cheapest(min(verdict.needed, window.pricedSlots)) : []
        var remaining = verdict.missingWh
        var cost = 0.0
        let perSlot = verdict.powerW * CheapestSlots.slotSeconds / 3600
        for slot in chosen where remaining > 0 {
            let energy = min(perSlot, remaining)
            cost += energy / 1000 * slot.price
            remaining -= energy
        }
        expectedCost = chosen.isEmpty ? nil : cost
        slots = chosen.sorted { $0.index < $1.index }.map { slot in
            let start = window.start(of: slot.index)
            return PriceSlot(start: start, end: start.addingTimeInterval(CheapestSlots.slotSeconds), price: slot.price)
        }
    }

    /// What the goal decides now (docs/prices.md): within a session, charge at full power in the
    /// planned quarter hours, when the goal cannot be met any more, or when too few prices are
    /// known to plan; a `solar` goal also charges from the surplus; pause otherwise. `window` is
    /// asked only within a session.
    static func decide(
        goal: EnergyGoal, connector: ConnectorState, settings: ChargerSettings, window: () -> CheapestEnergyWindow,
        solarPower: Double?
    ) -> EnergyGoalVerdict {
        let delivered = connector.hasOpenTransaction ? connector.sessionEnergy ?? 0 : 0
        let missing = max(0, goal.energyWh - delivered)
        let power = ExpressionEvaluator.achievablePower(of: connector, settings: settings)
        let needed = CheapestEnergyWindow.slotsNeeded(energy: missing, power: power)
        var verdict = EnergyGoalVerdict(
            state: .waitingForSession, missingWh: missing, powerW: power, needed: needed, charging: nil,
            limitAmps: nil)
        guard connector.hasOpenTransaction else { return verdict }
        let ranked = window()

        var solarAmps: Double?
        if goal.strategy == .solar, let solarPower, solarPower >= settings.minCurrent * settings.wattsPerAmpere {
            solarAmps = solarPower / settings.wattsPerAmpere
        }
        let state: EnergyGoalState
        if needed == 0 {
            state = solarAmps == nil ? .met : .solar
        } else if needed > ranked.slotCount {
            state = .cannotBeMet
        } else if needed > ranked.pricedSlots {
            state = .pricesMissing
        } else if ranked.isChosen(needed: needed) {
            state = .charging
        } else {
            state = solarAmps == nil ? .waiting : .solar
        }
        verdict.state = state
        switch state {
        case .charging, .cannotBeMet, .pricesMissing:
            verdict.charging = .charge
            verdict.limitAmps = settings.maxCurrent
        case .solar:
            verdict.charging = .charge
            verdict.limitAmps = solarAmps
        case .met, .waiting:
            verdict.charging = .pause
        case .waitingForSession:
            break
        }
        return verdict
    }
}
