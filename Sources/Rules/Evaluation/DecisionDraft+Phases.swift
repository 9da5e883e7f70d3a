import Foundation

// Phase switching (SPEC §10, docs/rules.md "Phase switching"): on a charger with `phaseSwitching`,
// the winning limit is taken as power and chooses between 3 phases and 1, at most one switch per
// `scheduler.phaseSwitchInterval`. It runs once the rules are combined and before the `share`
// budgets, so that a budget sees a 1-phase connector's current as the current on its one phase.
extension DecisionDraft {
    /// Watts per ampere on the phases in use (voltage × phases).
    var wattsPerAmpere: Double { settings.voltage * Double(phasesInUse) }

    /// Chooses the phases from the winning limit, switches them when `memory`'s last switch is
    /// `interval` seconds old or more, converts the limit to amperes on the chosen phases, and
    /// returns the memory for the next evaluation.
    mutating func choosePhases(_ memory: PhaseMemory, now: Date, interval: Double) -> PhaseMemory {
        var memory = memory
        let askedWatts = limitAmps.map { $0 * wattsPerAmpere }
        let wanted =
            isPausedByRule ? memory.phases : Self.wantedPhases(askedWatts, settings: settings, current: memory.phases)
        if wanted != memory.phases {
            if let last = memory.lastSwitch, now < last.at.addingTimeInterval(interval) {
                phaseSwitchWaitsUntil = last.at.addingTimeInterval(interval)
            } else {
                let threshold = settings.minCurrent * settings.voltage * Double(settings.phases)
                memory = PhaseMemory(
                    phases: wanted,
                    lastSwitch: PhaseSwitch(
                        from: memory.phases, to: wanted, at: now, askedWatts: askedWatts, thresholdWatts: threshold))
                phasesInUse = wanted
                if let askedWatts { limitAmps = askedWatts / wattsPerAmpere }
            }
        }
        phases = memory.phases
        phaseSwitch = memory.lastSwitch
        return memory
    }

    /// All the charger's phases for `askedWatts` at or above `minCurrent` × voltage × its phases
    /// (or no limit at all), 1 phase from `minCurrent` × voltage up to that, and `current` below:
    /// too little even for 1 phase pauses the connector, which is no reason to switch.
    static func wantedPhases(_ askedWatts: Double?, settings: ChargerSettings, current: Int) -> Int {
        guard let watts = askedWatts else { return settings.phases }
        let onePhaseMinimum = settings.minCurrent * settings.voltage
        if watts >= onePhaseMinimum * Double(settings.phases) { return settings.phases }
        if watts >= onePhaseMinimum { return 1 }
        return current
    }
}
