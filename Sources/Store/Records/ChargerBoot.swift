import ChargingModel
import Foundation

/// A BootNotification.req as `Store.recordBoot` takes it: who sent it, what it reported and when.
public struct ChargerBoot: Sendable, Equatable {
    public var chargerId: String
    /// The identity the charger reported (vendor, model, serial numbers, firmware, SIM, meter), as it came in.
    public var identity: ChargerIdentity
    /// When the central system received the message.
    public var at: Date

    public init(chargerId: String, identity: ChargerIdentity, at: Date = Date()) {
        self.chargerId = chargerId
        self.identity = identity
        self.at = at
    }
}
