/// How a combined reading was obtained from the samples of one measurand.
enum ReadingSource: String, Sendable, Hashable, Codable {
    /// The charger sent a value without a phase; it wins over any per-phase values.
    case phaseless
    /// Energy or power: the sum of the line phases that reported.
    case sumOfPhases
    /// Current, voltage and the rest: the mean of the line phases that reported.
    case averageOfPhases
}
