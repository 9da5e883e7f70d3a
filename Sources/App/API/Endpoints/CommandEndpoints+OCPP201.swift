import JSON
import OCPP201

extension CommandEndpoints {
    /// Checks a generic call to an OCPP 2.0.1 charging station against its 2.0.1 schema
    /// (docs/ocpp201.md): 400 naming the action or the field, as for 1.6.
    static func validateOCPP201Call(action: String, payload: JSONObject) throws(APIError) {
        let request: CSMSRequest
        do {
            request = try CSMSRequest.validate(action: action, payload: payload)
        } catch {
            switch error.code {
            case .notImplemented, .notSupported: throw .badRequest("action: \(error.message)")
            default: throw .badRequest(payloadFieldMessage(error.message))
            }
        }
        // 2.0.1's password (SecurityCtrlr.BasicAuthPassword): the charger would use the new one from
        // its next connection while Ampwise still expects the old one, and be locked out; 2.0.1 has no
        // rotation through Ampwise yet (docs/security.md covers 1.6's AuthorizationKey).
        if case .setVariables(let variables) = request {
            for (index, data) in variables.setVariableData.enumerated()
            where data.component.name.lowercased() == "securityctrlr"
                && data.variable.name.lowercased() == "basicauthpassword"
            {
                throw .badRequest(
                    "payload.setVariableData[\(index)] (SecurityCtrlr.BasicAuthPassword): the password of an OCPP "
                        + "2.0.1 station cannot be changed through the API yet: the station would use the new "
                        + "password from its next connection while Ampwise still expects the configured one")
            }
        }
    }
}
