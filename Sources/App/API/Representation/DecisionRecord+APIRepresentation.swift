import JSON
import Store

extension DecisionRecord {
    /// A decision of `GET /api/decisions`.
    var apiRepresentation: JSONValue {
        let ruleObject = JSONObject(rules.keys.sorted().map { ($0, .array((rules[$0] ?? []).map(JSONValue.string))) })
        return .object(
            JSONObject([
                ("id", .number(Double(id))),
                ("at", .date(at)),
                ("charger", .string(chargerId)),
                ("connector", .number(Double(connectorId))),
                ("charging", .bool(orNull: charging)),
                ("limitAmps", .rounded(limitAmps, places: 1)),
                ("phases", phases.map { .number(Double($0)) } ?? .null),
                ("session", .string(orNull: session)),
                ("availability", .string(orNull: availability)),
                ("rules", .object(ruleObject)),
                ("unknownInputs", .array(unknownInputs.map(JSONValue.string))),
                ("heldBack", .array(heldBack.map(JSONValue.string))),
                ("askedLimitAmps", .rounded(askedLimitAmps, places: 1)),
                ("minCurrent", .rounded(minCurrent, places: 1)),
                ("maxCurrent", .rounded(maxCurrent, places: 1)),
                ("inputs", .object(JSONObject(inputs.keys.sorted().map { ($0, .number(inputs[$0]!)) }))),
                ("explanation", .string(explanation)),
            ]))
    }
}
