import Foundation
import JSON

extension PlanOptions {
    /// Rows a plan shows per connector: a month at 5-minute steps. A longer table is no preview
    /// anybody reads, and each row is kept in memory until the table is printed.
    static let maxSteps = 10_000
    /// Rule evaluations a plan may run. It evaluates every `scheduler.tick` as the live engine does
    /// (docs/plan.md), so the count is the simulated time over the tick: a month at the default
    /// 10 s tick (267,840) fits; a tiny tick over many hours would run for hours.
    static let maxEvaluations = 500_000

    /// Why a plan of this length cannot run with `tick` (seconds), or `nil` when it can. `hours`
    /// and `stepMinutes` are within their flags' ranges, so every count here is small.
    func lengthProblem(tick: TimeInterval) -> String? {
        let seconds = hours * 3600
        let stepSeconds = Double(stepMinutes) * 60
        let hoursText = "--hours \(NumberRange.spelled(hours))"
        let steps = Int((seconds / stepSeconds).rounded(.up))
        if steps > Self.maxSteps {
            return "\(hoursText) at --step \(stepMinutes) makes \(steps) steps, more than the \(Self.maxSteps) "
                + "a plan may have (a longer --step or fewer --hours)"
        }
        let evaluations = Int((seconds / min(tick, stepSeconds)).rounded(.up))
        if evaluations > Self.maxEvaluations {
            return "\(hoursText) with scheduler.tick \(NumberRange.spelled(tick)) evaluates the rules "
                + "\(evaluations) times, more than the \(Self.maxEvaluations) a plan may (fewer --hours, "
                + "or a longer scheduler.tick in a configuration for the plan)"
        }
        return nil
    }
}
