import Foundation

/// What `AuthenticationThrottle` knows about one remote address (an IPv4 address or an IPv6 /64).
struct AddressFailures: Sendable {
    /// Failures, each counting 1 when it happens and halving every `halfLife` seconds after.
    var score: Double = 0
    /// When the last failure happened (seconds on the throttle's clock).
    var lastFailure: Double
    /// Refusals waiting for their delayed 401.
    var waiting = 0
    /// Start of the period whose failures the next summary line reports; nil while the address is
    /// quiet (its next failure gets a line of its own).
    var windowStart: Double?
    /// Failures since the last line about this address.
    var unreported = 0
    /// Requests answered 429 since the last line about this address.
    var turnedAway = 0
    /// The charger ids those failures tried, the first few.
    var chargerIds: [String] = []
    /// Whether they tried more ids than `chargerIds` holds.
    var moreChargerIds = false

    static let chargerIdsKept = 5

    init(at now: Double) {
        lastFailure = now
    }

    func score(at now: Double, halfLife: Double) -> Double {
        score * exp2(-max(0, now - lastFailure) / halfLife)
    }

    mutating func note(chargerId: String) {
        guard !chargerIds.contains(chargerId) else { return }
        if chargerIds.count < Self.chargerIdsKept { chargerIds.append(chargerId) } else { moreChargerIds = true }
    }

    /// Starts the next period: what was reported is forgotten.
    mutating func reported(at now: Double) {
        windowStart = now
        unreported = 0
        turnedAway = 0
        chargerIds = []
        moreChargerIds = false
    }
}
