import JSON
import OCPP201

extension ChargerControl {
    /// OCPP 2.0.1's Reset (B11/B12): `Immediate` stops the transactions and resets, `OnIdle`
    /// resets once none runs. 1.6's `Hard` is taken as `Immediate` and `Soft` as `OnIdle`, the
    /// reset that does not cut a session short, so that one request (and MQTT's reset button,
    /// which sends `Soft`) works for either version (docs/ocpp201.md, "Commands").
    func resetOCPP201(chargerId: String, type: String) async throws(APIError) -> JSONObject {
        let resetType: ResetEnum
        switch type {
        case "Immediate", "Hard": resetType = .immediate
        case "OnIdle", "Soft": resetType = .onIdle
        default:
            throw .badRequest(
                "type: expected one of \"Immediate\", \"OnIdle\" (an OCPP 2.0.1 station; \"Hard\" and \"Soft\" "
                    + "are taken as those)")
        }
        return try await sender.send(ResetRequest(type: resetType), to: chargerId, connectorId: nil)
    }
}
