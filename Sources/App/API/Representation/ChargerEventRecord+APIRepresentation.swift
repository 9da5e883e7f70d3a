import JSON
import Store

extension ChargerEventRecord {
    /// A SecurityEventNotification of `GET /api/security-events`: `type`, the charger's
    /// `timestamp` and `techInfo` as it sent them, and when Ampwise received it (`at`).
    var securityEventRepresentation: JSONValue {
        .object(
            JSONObject([
                ("id", .number(Double(id))),
                ("at", .date(at)),
                ("charger", .string(chargerId)),
                ("type", payload["type"] ?? .null),
                ("timestamp", payload["timestamp"] ?? .null),
                ("techInfo", payload["techInfo"] ?? .null),
            ]))
    }

    /// A row of `GET /api/charger-events`: its `kind` (the OCPP action, or one of Ampwise's own
    /// events) and its `payload` as recorded.
    var apiRepresentation: JSONValue {
        .object(
            JSONObject([
                ("id", .number(Double(id))), ("at", .date(at)), ("charger", .string(chargerId)),
                ("kind", .string(kind)), ("payload", payload),
            ]))
    }
}
