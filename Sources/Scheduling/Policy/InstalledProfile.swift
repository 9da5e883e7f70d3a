import ChargingModel
import Foundation

/// A charging profile Ampwise set on a connector and the charger accepted.
public struct InstalledProfile: Sendable, Hashable {
    public var amps: Double
    /// The phases the profile is for (`numberPhases`), `nil`: all the charger's.
    public var phases: Int?
    public var purpose: ProfilePurpose
    public var profileId: Int
    /// The transaction a TxProfile belongs to (the charger drops it when that transaction ends).
    public var transactionId: Int?
    public var acceptedAt: Date

    public init(
        amps: Double, phases: Int? = nil, purpose: ProfilePurpose, profileId: Int, transactionId: Int?,
        acceptedAt: Date
    ) {
        self.amps = amps
        self.phases = phases
        self.purpose = purpose
        self.profileId = profileId
        self.transactionId = transactionId
        self.acceptedAt = acceptedAt
    }
}
