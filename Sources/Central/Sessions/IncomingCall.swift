import OCPP

/// A CALL from a charger, decoded and validated.
public struct IncomingCall: Sendable {
    public let chargerId: String
    public let uniqueId: String
    public let request: ChargePointRequest
}
