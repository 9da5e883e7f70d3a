import ChargingModel
import HTTP
import JSON
import OCPP

/// The manual commands of docs/api.md: start, stop, availability, reset, unlock, trigger,
/// configuration and the generic call. Each answers the charger's CALLRESULT payload.
struct CommandEndpoints: Sendable {
    let dependencies: APIDependencies
    var sender: ManualCommandSender { ManualCommandSender(dependencies: dependencies, source: .api) }
    private var control: ChargerControl { ChargerControl(dependencies: dependencies, source: .api) }

    /// The messages a TriggerMessage may ask for (OCPP 1.6 MessageTrigger).
    static let triggerMessages = [
        "BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat",
        "MeterValues", "StatusNotification",
    ]

    var routes: [APIRoute] {
        [
            APIRoute("POST", "/api/chargers/{id}/start") { request throws(APIError) in try await start(request) },
            APIRoute("POST", "/api/chargers/{id}/stop") { request throws(APIError) in try await stop(request) },
            APIRoute("POST", "/api/chargers/{id}/availability") { request throws(APIError) in
                try await availability(request)
            },
            APIRoute("POST", "/api/chargers/{id}/reset") { request throws(APIError) in try await reset(request) },
            APIRoute("POST", "/api/chargers/{id}/unlock") { request throws(APIError) in try await unlock(request) },
            APIRoute("POST", "/api/chargers/{id}/trigger") { request throws(APIError) in
                try await trigger(request)
            },
            APIRoute("GET", "/api/chargers/{id}/configuration") { request throws(APIError) in
                try await configuration(request)
            },
            APIRoute("POST", "/api/chargers/{id}/configuration") { request throws(APIError) in
                try await changeConfiguration(request)
            },
            APIRoute("POST", "/api/chargers/{id}/call") { request throws(APIError) in try await call(request) },
        ]
    }

    /// `{"connector":1,"idTag":"x"}` → RemoteStartTransaction. Connector 1 and the charger's own
    /// id tag when left out.
    func start(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let fields = try request.fields(allowingEmpty: true)
        let connector = try fields.integer("connector", in: ValueRanges.connector) ?? 1
        let idTag = try fields.string("idTag")
        return .json(.object(try await control.start(chargerId: chargerId, connector: connector, idTag: idTag)))
    }

    /// `{"connector":1}` → RemoteStopTransaction of the connector's open transaction; 409 when
    /// none is open.
    func stop(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let fields = try request.fields(allowingEmpty: true)
        let connector = try fields.integer("connector", in: ValueRanges.connector) ?? 1
        return .json(.object(try await control.stop(chargerId: chargerId, connector: connector)))
    }

    /// `{"connector":0,"available":false}` → ChangeAvailability (connector 0, the whole charger,
    /// when left out).
    func availability(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        let connector = try fields.integer("connector", in: ValueRanges.connectorOrCharger) ?? 0
        let available = try fields.requiredBool("available")
        return .json(
            .object(try await control.availability(chargerId: chargerId, connector: connector, available: available)))
    }

    /// `{"type":"Soft"}` or `{"type":"Hard"}` → Reset (for a 2.0.1 station also `Immediate`,
    /// `OnIdle`: `ChargerControl.reset` checks the type).
    func reset(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let type = try request.fields().string("type") ?? ""
        return .json(.object(try await control.reset(chargerId: chargerId, type: type)))
    }

    /// `{"connector":1}` → UnlockConnector (for a 2.0.1 station, of the EVSE's connector
    /// `evseConnector`, 1 when left out).
    func unlock(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let snapshot = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        let connector = try fields.requiredInteger("connector", in: ValueRanges.connector)
        if sender.speaksOCPP201(chargerId, snapshot: snapshot) {
            return .json(.object(try await unlockOCPP201(chargerId, evse: connector, fields: fields)))
        }
        let answer = try await sender.send(
            UnlockConnectorRequest(connectorId: connector), to: chargerId, connectorId: connector)
        return .json(.object(answer))
    }

    /// `{"message":"StatusNotification","connector":1}` → TriggerMessage (connector optional; a
    /// 2.0.1 station takes 2.0.1's messages, and the connector is the EVSE).
    func trigger(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let snapshot = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        if sender.speaksOCPP201(chargerId, snapshot: snapshot) {
            return .json(.object(try await triggerOCPP201(chargerId, fields: fields)))
        }
        let message = try fields.requiredChoice("message", CommandEndpoints.triggerMessages)
        let connector = try fields.integer("connector", in: ValueRanges.connector)
        let answer = try await sender.send(
            TriggerMessageRequest(requestedMessage: MessageTrigger(spelling: message), connectorId: connector),
            to: chargerId, connectorId: connector)
        return .json(.object(answer))
    }

    /// `GET ...?key=A&key=B` → GetConfiguration of those keys (all without `key`); for a 2.0.1
    /// station GetVariables of those (`Component.Variable`), or without `key` its device model as
    /// Ampwise learned it.
    func configuration(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let snapshot = try sender.knownCharger(chargerId)
        let keys = request.queryValues("key")
        if let empty = keys.firstIndex(where: \.isEmpty) {
            throw .badRequest("key: expected a configuration key name (item \(empty + 1) is empty)")
        }
        if sender.speaksOCPP201(chargerId, snapshot: snapshot) {
            guard !keys.isEmpty else {
                return .json(.object(CommandEndpoints.deviceModel(of: snapshot, keys: keys)))
            }
            return .json(.object(try await getVariables(chargerId, keys: keys)))
        }
        let answer = try await sender.send(
            GetConfigurationRequest(key: keys.isEmpty ? nil : keys), to: chargerId, connectorId: nil)
        return .json(.object(answer))
    }

    /// `{"key":"K","value":"V"}` → ChangeConfiguration (for a 2.0.1 station, SetVariables of
    /// `Component.Variable`). A number or boolean value is sent as its text, since OCPP carries
    /// every value as a string.
    func changeConfiguration(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let snapshot = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        let key = try fields.requiredString("key")
        if sender.speaksOCPP201(chargerId, snapshot: snapshot) {
            return .json(
                .object(try await setVariable(chargerId, key: key, value: try Self.configurationValue(fields))))
        }
        if OCPPSecrets.isSecret(key: key) {
            guard case .string(let value) = fields.object["value"] else {
                throw .badRequest("value: expected a string")
            }
            return try await changePassword(of: chargerId, authorizationKey: value, field: "value")
        }
        let answer = try await sender.send(
            ChangeConfigurationRequest(key: key, value: try Self.configurationValue(fields)), to: chargerId,
            connectorId: nil)
        return .json(.object(answer))
    }

    /// The `value` of a configuration change as OCPP carries it: text (a number or boolean as its
    /// text).
    static func configurationValue(_ fields: RequestFields) throws(APIError) -> String {
        switch fields.object["value"] {
        case .string(let text): return text
        case .number: return JSONWriter.string(fields.object["value"] ?? .null)
        case .bool(let flag): return flag ? "true" : "false"
        default: throw .badRequest("value: expected a string")
        }
    }

    /// `{"action":"GetCompositeSchedule","payload":{...}}` → any action the central system may
    /// send, validated against its schema (2.0.1's for a 2.0.1 charger, docs/ocpp201.md). Answers the charger's payload, or its CALLERROR as
    /// `{"error", "code", "description"}` with 502.
    func call(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let snapshot = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        let action = try fields.requiredString("action")
        let payload: JSONObject
        switch fields.object["payload"] {
        case nil, .null?: payload = JSONObject()
        case .object(let object)?: payload = object
        default: throw .badRequest("payload: expected a JSON object")
        }
        // The schema of the version the charger speaks (its last one while it is not connected).
        if sender.speaksOCPP201(chargerId, snapshot: snapshot) {
            if let password = try CommandEndpoints.validateOCPP201Call(action: action, payload: payload) {
                return .json(
                    .object(
                        try await PasswordRotation(dependencies: dependencies, source: .api).change(
                            chargerId, to: Array(password.utf8))))
            }
            let evse = payload["evseId"]?.intValue ?? payload["evse"]?.objectValue?["id"]?.intValue
            let answer = try await sender.sendValidated(action, payload: payload, to: chargerId, connectorId: evse)
            return .json(.object(answer))
        }
        do {
            _ = try CentralSystemRequest.validate(action: action, payload: payload)
        } catch {
            switch error.code {
            case .notImplemented, .notSupported: throw .badRequest("action: \(error.message)")
            default: throw .badRequest(CommandEndpoints.payloadFieldMessage(error.message))
            }
        }
        if action == OCPPAction.changeConfiguration.rawValue, let key = payload["key"]?.stringValue,
            OCPPSecrets.isSecret(key: key), let value = payload["value"]?.stringValue
        {
            return try await changePassword(of: chargerId, authorizationKey: value, field: "payload.value")
        }
        let connector = payload["connectorId"]?.intValue
        let answer = try await sender.sendValidated(action, payload: payload, to: chargerId, connectorId: connector)
        return .json(.object(answer))
    }

    /// A 2.0.1 station has no GetConfiguration: its device model as Ampwise learned it (the set-up's
    /// GetVariables, NotifyReports), kept in the store, in GetConfiguration's shape (docs/ocpp201.md).
    static func deviceModel(of snapshot: ChargerSnapshot?, keys: [String]) -> JSONObject {
        let configuration = snapshot?.configuration ?? [:]
        let known = keys.isEmpty ? configuration.keys.sorted() : keys.filter { configuration[$0] != nil }
        let unknown = keys.filter { configuration[$0] == nil }
        let entries = known.map { key in
            JSONValue.object(JSONObject([("key", .string(key)), ("value", .string(configuration[key] ?? ""))]))
        }
        var object = JSONObject([("configurationKey", .array(entries))])
        if !unknown.isEmpty { object["unknownKey"] = .array(unknown.map(JSONValue.string)) }
        return object
    }

    /// ChangeConfiguration of `AuthorizationKey` changes the charger's password: it goes the way of
    /// `POST /api/chargers/{id}/password`, so that Ampwise expects the new one once the charger
    /// accepts it and the charger is not locked out (docs/security.md).
    private func changePassword(
        of chargerId: String, authorizationKey: String, field: String
    ) async throws(APIError) -> HTTPResponse {
        let password = try PasswordRotation.password(fromAuthorizationKey: authorizationKey, field: field)
        return .json(
            .object(
                try await PasswordRotation(dependencies: dependencies, source: .api).change(chargerId, to: password)))
    }

    /// `connectorId: expected integer` → `payload.connectorId: expected integer`, so that the
    /// message names the field as the client sent it.
    static func payloadFieldMessage(_ message: String) -> String {
        if let colon = message.range(of: ": "), !message[..<colon.lowerBound].contains(" ") {
            return "payload.\(message)"
        }
        return "payload: \(message)"
    }

}
