import Chronology
import Rules

extension DecisionSummary {
    /// ` on 1 phase`, ` on 3 phases`, or nothing on a charger that does not switch phases.
    var phasesText: String { phases.map { " on " + PhaseSwitch.phases($0) } ?? "" }

    /// On a charger with `phaseSwitching`: when a switch the limit asks for waits for
    /// `scheduler.phaseSwitchInterval`, until when; else the switch that set the phases in use
    /// (`switched to 1 phase: 3000 W asked is below the 3-phase minimum 4140 W`).
    static func phaseNote(_ decision: ConnectorDecision) -> String? {
        guard let phases = decision.phases else { return nil }
        if let until = decision.explanation.phaseSwitchWaitsUntil {
            return "a switch to \(PhaseSwitch.phases(phases == 1 ? 3 : 1)) waits until "
                + "\(RFC3339.format(until, fraction: .wholeSeconds)) (scheduler.phaseSwitchInterval)"
        }
        return decision.explanation.phaseSwitch?.description
    }
}
