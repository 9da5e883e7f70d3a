import OCPP201

/// A CALL from an OCPP 2.0.1 charging station, decoded and validated.
public struct IncomingOCPP201Call: Sendable {
    public let chargerId: String
    public let uniqueId: String
    public let request: ChargingStationRequest
}
