import ChargingModel
import Foundation

extension SchedulingEngine: LivePlanning {
    /// The plan of the coming hours from the live world: `ampwise plan`'s simulation
    /// (`PlanSimulation`, the engine's own decision code) fed the chargers as they are now, the
    /// inputs as they are now (held for the whole plan: nobody knows tomorrow's sun) and the
    /// tariff with its pushed prices.
    public func livePlan(hours: Double, stepMinutes: Int) -> [PlanSeries] {
        let now = clock.now()
        let snapshots = directory.snapshots()
        var known: [InputName: Double] = [:]
        for status in inputs.statuses(now: now) where !status.stale {
            if let name = InputName(status.name) { known[name] = status.value }
        }
        let held = known
        let scenario = PlanScenario(
            snapshots: { _ in snapshots }, inputs: { _ in held },
            goals: core.goals.keys.sorted().compactMap { core.goals[$0] })
        return PlanSimulation.run(
            settings: core.settings, ruleSet: core.ruleSet, tariff: tariff, scenario: scenario, from: now,
            hours: hours, stepMinutes: stepMinutes)
    }
}
