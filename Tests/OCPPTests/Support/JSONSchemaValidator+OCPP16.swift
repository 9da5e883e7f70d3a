import JSON
import TestSupport

extension JSONSchemaValidator {
    /// The least `connectorId` of each message as the OCPP 1.6 field tables (section 6) give it,
    /// where the JSON schemas say only "integer": `connectorId > 0` for StartTransaction.req, `>= 0`
    /// where 0 is the charge point as a whole. The decoder holds payloads to these as well.
    static let connectorIdMinimums: [String: Int] = [
        "StartTransaction": 1, "RemoteStartTransaction": 1, "UnlockConnector": 1, "TriggerMessage": 1,
        "ExtendedTriggerMessage": 1,
        "StatusNotification": 0, "MeterValues": 0, "ChangeAvailability": 0, "ReserveNow": 0,
        "SetChargingProfile": 0, "GetCompositeSchedule": 0, "ClearChargingProfile": 0,
    ]

    /// Loads `Tests/Fixtures/ocpp16-schemas/<name>.json`, with the field table's `connectorIdMinimums`.
    init(named name: String) throws {
        var schema = try JSONSchemaValidator(fixture: name, in: "ocpp16-schemas").schema
        if let minimum = Self.connectorIdMinimums[name], case .object(var root) = schema,
            case .object(var properties)? = root["properties"], case .object(var connector)? = properties["connectorId"]
        {
            connector["minimum"] = .number(Double(minimum))
            properties["connectorId"] = .object(connector)
            root["properties"] = .object(properties)
            schema = .object(root)
        }
        self.init(schema: schema)
    }
}
