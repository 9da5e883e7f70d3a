import ChargePointManagement
import ChargingModel
import JSON

extension MeasurandValue {
    /// `{value, unit, at}`, and `phases` when the charger reported per-phase values.
    var apiRepresentation: JSONValue {
        var object = JSONObject([("value", .rounded(value)), ("unit", .string(unit)), ("at", .date(at))])
        if !phases.isEmpty {
            object["phases"] = .object(JSONObject(phases.keys.sorted().map { ($0, .rounded(phases[$0])) }))
        }
        return .object(object)
    }
}
