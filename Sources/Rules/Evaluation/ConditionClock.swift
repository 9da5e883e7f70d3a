/// The memory of one `when E for D hold H` clause on one connector.
struct ConditionClock: Sendable, Equatable {
    /// Start of the current unbroken run of E being true (seconds since the reference date).
    var trueSince: Double?
    /// When E turned false while the clause was still on.
    var falseSince: Double?
    /// The clause's value.
    var on = false

    static let idle = ConditionClock()

    /// Advances the clock to `now` with E's current value and returns the clause's value: on once
    /// E has held for `forSeconds`, and kept on for `holdSeconds` after E turns false.
    mutating func step(_ condition: Bool, now: Double, forSeconds: Double, holdSeconds: Double) -> Bool {
        if condition {
            falseSince = nil
            let since = trueSince ?? now
            trueSince = since
            if !on, now - since >= forSeconds { on = true }
        } else {
            trueSince = nil
            if on {
                let since = falseSince ?? now
                falseSince = since
                if now - since >= holdSeconds {
                    on = false
                    falseSince = nil
                }
            }
        }
        return on
    }
}
