import ChargingModel
import Foundation

/// The command a family is trying to get through, and where that stands.
struct CommandAttempt<Target: Sendable & Hashable>: Sendable, Hashable {
    enum State: Sendable, Hashable {
        case inFlight(sentAt: Date)
        /// The next profile purpose is to be tried at once.
        case due
        case failed(at: Date)
    }

    var target: Target
    var sequence: Int
    var state: State
    /// Profile purposes to try in order, and the one being tried (limit family only).
    var purposes: [ProfilePurpose] = []
    var purposeIndex = 0

    var purpose: ProfilePurpose? { purposes.indices.contains(purposeIndex) ? purposes[purposeIndex] : nil }
}
