import ChargingModel
import Foundation

/// A manual setting from the API that sits above every rule of its family until it expires,
/// is cleared, or (when `endsWithSession`) the session it belongs to ends.
public struct ManualOverride<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var expiresAt: Date?
    public var endsWithSession: Bool
    /// The session the override belongs to. Set with no transaction open, the override adopts
    /// the next transaction, so a limit set before plugging in holds for that session.
    public var transactionId: Int?
    /// Who set it (`api`, `mqtt`).
    public var source: CommandSource

    public init(
        value: Value, expiresAt: Date? = nil, endsWithSession: Bool = true, transactionId: Int? = nil,
        source: CommandSource = .api
    ) {
        self.value = value
        self.expiresAt = expiresAt
        self.endsWithSession = endsWithSession
        self.transactionId = transactionId
        self.source = source
    }

    /// Adopts a newly opened transaction and tells whether the override still holds.
    mutating func stillApplies(now: Date, transactionId current: Int?) -> Bool {
        if let expiresAt, now >= expiresAt { return false }
        guard endsWithSession else { return true }
        if let bound = transactionId { return current == bound }
        transactionId = current
        return true
    }
}
