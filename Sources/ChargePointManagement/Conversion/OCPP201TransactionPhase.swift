import OCPP201

/// Where an EVSE's transaction stands, as far as the 2.0.1 status mapping needs it
/// (docs/ocpp201.md, "Status mapping").
enum OCPP201TransactionPhase: Sendable, Hashable {
    /// No transaction, or one the charger opened at plug-in that nobody has authorised yet.
    case notAuthorised
    /// An authorised transaction, with the charging state its last TransactionEvent reported.
    case authorised(ChargingStateEnum?)
    /// The last transaction ended while a car is still plugged in (until the EVSE is Available).
    case endedWhileOccupied
}
