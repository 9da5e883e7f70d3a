import ChargingModel
import HTTP
import JSON
import OCPP

/// The manual commands of docs/api.md: start, stop, availability, reset, unlock, trigger,
/// configuration and the generic call. Each answers the charger's CALLRESULT payload.
struct CommandEndpoints: Sendable {
    let dependencies: APIDependencies
    private var sender: ManualCommandSender { ManualCommandSender(dependencies: dependencies, source: .api) }
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

    /// `{"type":"Soft"}` or `{"type":"Hard"}` → Reset.
    func reset(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let type = try request.fields().requiredChoice("type", ["Soft", "Hard"])
        return .json(.object(try await control.reset(chargerId: chargerId, type: type)))
    }

    /// `{"connector":1}` → UnlockConnector.
    func unlock(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let connector = try request.fields().requiredInteger("connector", in: ValueRanges.connector)
        let answer = try await sender.send(
            UnlockConnectorRequest(connectorId: connector), to: chargerId, connectorId: connector)
        return .json(.object(answer))
    }

    /// `{"message":"StatusNotification","connector":1}` → TriggerMessage (connector optional).
    func trigger(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        let message = try fields.requiredChoice("message", CommandEndpoints.triggerMessages)
        let connector = try fields.integer("connector", in: ValueRanges.connector)
        let answer = try await sender.send(
            TriggerMessageRequest(requestedMessage: MessageTrigger(spelling: message), connectorId: connector),
            to: chargerId, connectorId: connector)
        return .json(.object(answer))
    }

    /// `GET ...?key=A&key=B` → GetConfiguration of those keys (all without `key`).
    func configuration(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let snapshot = try sender.knownCharger(chargerId)
        let keys = request.queryValues("key")
        if let empty = keys.firstIndex(where: \.isEmpty) {
            throw .badRequest("key: expected a configuration key name (item \(empty + 1) is empty)")
        }
        if let snapshot, snapshot.protocolVersion == "ocpp2.0.1" {
            return .json(.object(CommandEndpoints.deviceModel(of: snapshot, keys: keys)))
        }
        let answer = try await sender.send(
            GetConfigurationRequest(key: keys.isEmpty ? nil : keys), to: chargerId, connectorId: nil)
        return .json(.object(answer))
    }

    /// `{"key":"K","value":"V"}` → ChangeConfiguration. A number or boolean value is sent as its
    /// text, since OCPP carries every value as a string.
    func changeConfiguration(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        let key = try fields.requiredString("key")
        if OCPPSecrets.isSecret(key: key) {
            guard case .string(let value) = fields.object["value"] else {
                throw .badRequest("value: expected a string")
            }
            return try await changePassword(of: chargerId, authorizationKey: value, field: "value")
        }
        let value: String
        switch fields.object["value"] {
        case .string(let text): value = text
        case .number: value = JSONWriter.string(fields.object["value"] ?? .null)
        case .bool(let flag): value = flag ? "true" : "false"
        default: throw .badRequest("value: expected a string")
        }
        let answer = try await sender.send(
            ChangeConfigurationRequest(key: key, value: value), to: chargerId, connectorId: nil)
        return .json(.object(answer))
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
        let commands = dependencies.commands
        if commands.speaksOCPP201(chargerId)
            || (!commands.isConnected(chargerId) && snapshot?.protocolVersion == "ocpp2.0.1")
        {
            try CommandEndpoints.validateOCPP201Call(action: action, payload: payload)
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
    static func deviceModel(of snapshot: ChargerSnapshot, keys: [String]) -> JSONObject {
        let configuration = snapshot.configuration
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
