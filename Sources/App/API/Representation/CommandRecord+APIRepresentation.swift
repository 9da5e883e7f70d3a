import JSON
import Store

extension CommandRecord {
    /// A command of `GET /api/commands`: what was sent, by whom, and how it ended.
    var apiRepresentation: JSONValue {
        var error = JSONValue.null
        if case .callError(let code, let description) = outcome {
            error = .object(JSONObject([("code", .string(code)), ("description", .string(description))]))
        }
        return .object(
            JSONObject([
                ("id", .number(Double(id))),
                ("at", .date(sentAt)),
                ("charger", .string(chargerId)),
                ("connector", .integer(orNull: connectorId)),
                ("action", .string(action)),
                ("payload", payload),
                ("source", .string(source.rawValue)),
                ("decisionId", .integer(orNull: decisionId)),
                ("outcome", .string(outcome.storedValue)),
                ("error", error),
                ("response", response ?? .null),
                ("latencyMs", .rounded(latencyMs, places: 1)),
                ("reason", .string(orNull: reason)),
            ]))
    }
}
