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
}
