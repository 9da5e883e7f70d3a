import JSON
import OCPP

/// Something that can send a charger a CALL and await its answer: the `CentralSystem`, or a
/// stand-in in tests of the code that drives chargers.
public protocol ChargePointCalling: Sendable {
    /// Sends a CALL with a raw payload and returns the charger's CALLRESULT payload.
    func call(action: String, payload: JSONObject, to chargerId: String) async throws(CallError) -> JSONObject
    /// Whether the charger is connected now.
    func isConnected(_ chargerId: String) -> Bool
    /// The round trip of the charger's last ping, in milliseconds, when it is connected.
    func latencyMilliseconds(of chargerId: String) -> Double?
    /// Whether the charger's current connection speaks OCPP 2.0.1 (false when not connected).
    func speaksOCPP201(_ chargerId: String) -> Bool
}

extension ChargePointCalling {
    /// A stand-in that only knows 1.6 chargers.
    public func speaksOCPP201(_ chargerId: String) -> Bool { false }

    /// Sends a typed request and decodes the confirmation (strictly: a confirmation that breaks its
    /// schema is reported as `invalidConfirmation`).
    public func call<Request: OCPPRequest>(
        _ request: Request, to chargerId: String, mode: OCPPValidationMode = .strict
    ) async throws(CallError) -> Request.Confirmation {
        let payload = try await call(action: Request.action.rawValue, payload: request.jsonObject, to: chargerId)
        do {
            return try Request.Confirmation.decode(payload, mode: mode).value
        } catch {
            throw .invalidConfirmation(error.description)
        }
    }
}
