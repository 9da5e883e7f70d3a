import JSON
import Scheduling

extension ConnectorSchedulingState {
    /// `decision`: `{charging, limitAmps, rules}` (docs/api.md), then `source` (`rules` or `override`).
    var decisionRepresentation: JSONValue {
        .object(
            JSONObject([
                ("charging", .bool(orNull: charging)),
                ("limitAmps", .rounded(limitAmps, places: 1)),
                ("rules", .array(rules.map(JSONValue.string))),
                ("source", .string(source)),
            ]))
    }

    /// `applied`: `{limitAmps, status, at}`, or null when nothing was sent yet.
    var appliedRepresentation: JSONValue {
        guard appliedLimitAmps != nil || appliedStatus != nil || appliedAt != nil else { return .null }
        return .object(
            JSONObject([
                ("limitAmps", .rounded(appliedLimitAmps, places: 1)),
                ("status", .string(orNull: appliedStatus)),
                ("at", .date(appliedAt)),
            ]))
    }
}
