import JSON
import Scheduling

extension ConnectorSchedulingState {
    /// `decision`: `{charging, limitAmps, rules}` (docs/api.md), then `source` (`rules` or `override`)
    /// and `phases` (on a charger with `phaseSwitching`, SPEC §10; else null).
    var decisionRepresentation: JSONValue {
        .object(
            JSONObject([
                ("charging", .bool(orNull: charging)),
                ("limitAmps", .rounded(limitAmps, places: 1)),
                ("rules", .array(rules.map(JSONValue.string))),
                ("source", .string(source)),
                ("phases", .integer(orNull: phases)),
            ]))
    }

    /// `applied`: `{limitAmps, status, at}`, then `phases` (the profile's `numberPhases` when it was
    /// sent for fewer than all of the charger's phases, else null); null when nothing was sent yet.
    var appliedRepresentation: JSONValue {
        guard appliedLimitAmps != nil || appliedStatus != nil || appliedAt != nil else { return .null }
        return .object(
            JSONObject([
                ("limitAmps", .rounded(appliedLimitAmps, places: 1)),
                ("status", .string(orNull: appliedStatus)),
                ("at", .date(appliedAt)),
                ("phases", .integer(orNull: appliedPhases)),
            ]))
    }
}
