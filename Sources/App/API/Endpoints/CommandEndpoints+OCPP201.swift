import ChargePointManagement
import JSON
import OCPP
import OCPP201

extension CommandEndpoints {
    /// Checks a generic call to an OCPP 2.0.1 charging station against its 2.0.1 schema
    /// (docs/ocpp201.md): 400 naming the action or the field, as for 1.6. Answers the password a
    /// SetVariables of `SecurityCtrlr.BasicAuthPassword` sets: that call goes the way of
    /// `POST /api/chargers/{id}/password`, so that Ampwise expects the new password once the
    /// station accepts it and the station is not locked out (docs/security.md).
    static func validateOCPP201Call(action: String, payload: JSONObject) throws(APIError) -> String? {
        let request: CSMSRequest
        do {
            request = try CSMSRequest.validate(action: action, payload: payload)
        } catch {
            switch error.code {
            case .notImplemented, .notSupported: throw .badRequest("action: \(error.message)")
            default: throw .badRequest(payloadFieldMessage(error.message))
            }
        }
        guard case .setVariables(let variables) = request else { return nil }
        for (index, data) in variables.setVariableData.enumerated()
        where OCPPSecrets.isSecret(component: data.component.name, variable: data.variable.name) {
            // The station's one answer for it decides which password Ampwise expects.
            guard variables.setVariableData.count == 1 else {
                throw .badRequest(
                    "payload.setVariableData[\(index)] (SecurityCtrlr.BasicAuthPassword): send the password in a "
                        + "SetVariables of its own (or use POST /api/chargers/{id}/password)")
            }
            try PasswordRotation.check(data.attributeValue, field: "payload.setVariableData[0].attributeValue")
            try PasswordRotation.checkBasicAuthPasswordCharacters(
                data.attributeValue, field: "payload.setVariableData[0].attributeValue")
            return data.attributeValue
        }
        return nil
    }

    /// UnlockConnector of the EVSE `connector` (the API's connector is the EVSE, docs/ocpp201.md),
    /// its connector `evseConnector` (1 when left out).
    func unlockOCPP201(_ chargerId: String, evse: Int, fields: RequestFields) async throws(APIError) -> JSONObject {
        let connector = try fields.integer("evseConnector", in: ValueRanges.connector) ?? 1
        return try await sender.send(
            OCPP201.UnlockConnectorRequest(evseId: evse, connectorId: connector), to: chargerId, connectorId: evse)
    }

    /// The messages an OCPP 2.0.1 TriggerMessage may ask for (MessageTriggerEnumType).
    static let ocpp201TriggerMessages = MessageTriggerEnum.spellings.map(\.spelling)

    /// TriggerMessage of 2.0.1's `requestedMessage`, for the EVSE `connector` (its connector
    /// `evseConnector`) or the whole station when left out.
    func triggerOCPP201(_ chargerId: String, fields: RequestFields) async throws(APIError) -> JSONObject {
        let message = try fields.requiredChoice("message", Self.ocpp201TriggerMessages)
        let evse = try fields.integer("connector", in: ValueRanges.connector)
        let connector = try fields.integer("evseConnector", in: ValueRanges.connector)
        if connector != nil, evse == nil {
            throw .badRequest("evseConnector: give the EVSE as connector too")
        }
        let request = OCPP201.TriggerMessageRequest(
            evse: evse.map { EVSE(id: $0, connectorId: connector) },
            requestedMessage: MessageTriggerEnum(spelling: message))
        return try await sender.send(request, to: chargerId, connectorId: evse)
    }

    /// GetVariables of device model names (`Component.Variable`, docs/ocpp201.md), answered in
    /// GetConfiguration's shape: a variable the station answers with its value is in
    /// `configurationKey`, one it refuses (UnknownComponent, UnknownVariable, Rejected,
    /// NotSupportedAttributeType) in `unknownKey`.
    func getVariables(_ chargerId: String, keys: [String]) async throws(APIError) -> JSONObject {
        var data: [GetVariableData] = []
        for key in keys {
            let parsed = try Self.deviceModelKey(key)
            data.append(GetVariableData(component: parsed.component, variable: parsed.variable))
        }
        let response = try await sender.response(
            to: GetVariablesRequest(getVariableData: data), from: chargerId, connectorId: nil)
        var known: [JSONValue] = []
        var unknown: [JSONValue] = []
        for result in response.getVariableResult {
            let name = DeviceModelKey(component: result.component, variable: result.variable).text
            if result.attributeStatus == .accepted {
                known.append(
                    .object(JSONObject([("key", .string(name)), ("value", .string(result.attributeValue ?? ""))])))
            } else {
                unknown.append(.string(name))
            }
        }
        var object = JSONObject([("configurationKey", .array(known))])
        if !unknown.isEmpty { object["unknownKey"] = .array(unknown) }
        return object
    }

    /// SetVariables of one device model variable (`Component.Variable`), answered as
    /// ChangeConfiguration is. `SecurityCtrlr.BasicAuthPassword` changes the password as
    /// `POST /api/chargers/{id}/password` does (docs/security.md).
    func setVariable(_ chargerId: String, key: String, value: String) async throws(APIError) -> JSONObject {
        let parsed = try Self.deviceModelKey(key, field: "key")
        if OCPPSecrets.isSecret(component: parsed.component.name, variable: parsed.variable.name) {
            try PasswordRotation.check(value, field: "value")
            try PasswordRotation.checkBasicAuthPasswordCharacters(value, field: "value")
            return try await PasswordRotation(dependencies: dependencies, source: .api).change(
                chargerId, to: Array(value.utf8))
        }
        return try await sender.setVariable(parsed.component, parsed.variable, to: value, on: chargerId)
    }

    /// A device model name read back into its component and variable; 400 naming `field` otherwise.
    static func deviceModelKey(_ name: String, field: String = "key") throws(APIError) -> DeviceModelKey {
        guard let key = DeviceModelKey(parsing: name) else {
            throw .badRequest(
                "\(field): \"\(name)\" is not a device model variable of an OCPP 2.0.1 station; expected "
                    + "Component.Variable, e.g. SampledDataCtrlr.TxUpdatedInterval or EVSE@1.Power (docs/ocpp201.md)")
        }
        return key
    }
}
