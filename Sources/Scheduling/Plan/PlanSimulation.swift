import ChargingModel
import Foundation
import Rules

/// `ampwise plan`: runs the live engine's decision code (`SchedulingCore`) over simulated time.
///
/// The rules are evaluated every `tick` seconds, as the engine does, so `for` and `hold` behave
/// as they will live; a point is kept every `step`. Every command the policy would send is
/// answered Accepted, as by a charger that does what it is told.
public enum PlanSimulation {
    /// One series per connector (in charger and connector order) from `from` for `hours`.
    public static func run(
        settings: EngineSettings, ruleSet: RuleSet, tariff: TariffSchedule, scenario: PlanScenario, from: Date,
        hours: Double, stepMinutes: Int
    ) -> [PlanSeries] {
        var core = SchedulingCore(settings: settings, ruleSet: ruleSet)
        for goal in scenario.goals { core.setGoal(goal) }
        var goalEnergy = SimulatedGoalEnergy()
        let end = from.addingTimeInterval(hours * 3600)
        let step = TimeInterval(max(1, stepMinutes)) * 60
        // Floored as the configuration is: a tick of 1e-300 s would never move the clock on.
        let tick = min(max(settings.tick, EngineSettings.tickRange.lowerBound), step)
        var points: [ConnectorKey: [PlanPoint]] = [:]
        var stepTime = from
        while stepTime < end {
            let nextStep = min(stepTime.addingTimeInterval(step), end)
            var now = stepTime
            while now < nextStep {
                let outcome = evaluate(
                    &core, scenario: scenario, tariff: tariff, now: now, maxAge: settings.inputMaxAge,
                    goalEnergy: &goalEnergy, tick: tick)
                if now == stepTime {
                    let known = scenario.inputs(now)
                    var inputs: [String: Double] = [:]
                    for name in ruleSet.inputNames {
                        inputs[name] = RuleWorld.inputValue(name) { InputName($0).flatMap { known[$0] } }
                    }
                    for decision in outcome.decisions {
                        let effective = core.effective[decision.key]
                        points[decision.key, default: []].append(
                            PlanPoint(
                                time: now, state: PlanState(effective), price: tariff.price(at: now), inputs: inputs,
                                rules: DecisionSummary.planRules(decision: decision, effective: effective)))
                    }
                }
                now = now.addingTimeInterval(tick)
            }
            stepTime = nextStep
        }
        return points.keys.sorted().map { key in
            PlanSeries(label: key.description, points: points[key] ?? [], inputNames: ruleSet.inputNames)
        }
    }

    static func evaluate(
        _ core: inout SchedulingCore, scenario: PlanScenario, tariff: TariffSchedule, now: Date, maxAge: Double,
        goalEnergy: inout SimulatedGoalEnergy, tick: TimeInterval
    ) -> EvaluationOutcome {
        var inputs = InputSet(maxAge: maxAge)
        for (name, value) in scenario.inputs(now) { inputs.set(name, to: value, at: now) }
        var snapshots = scenario.snapshots(now)
        if !core.goals.isEmpty { goalEnergy.add(to: &snapshots, goals: core.goals) }
        let outcome = core.evaluate(snapshots: snapshots, inputs: inputs, tariff: tariff, now: now)
        for command in outcome.commands {
            _ = core.record(.accepted, for: command, now: now)
        }
        if !core.goals.isEmpty {
            goalEnergy.charge(snapshots: snapshots, core: core, seconds: tick)
        }
        return outcome
    }
}
