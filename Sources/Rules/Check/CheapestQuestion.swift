import Chronology

/// One distinct `cheapest D before HH:MM` in a rule set; answered once per evaluation.
struct CheapestQuestion: Hashable, Sendable {
    /// Number of 15-minute slots that together last at least D.
    var slotCount: Int
    /// The local clock time of the deadline.
    var before: ClockTime
}
