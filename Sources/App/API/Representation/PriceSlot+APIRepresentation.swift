import ChargingModel
import JSON
import Rules

extension PriceSlot {
    /// `{start, end, price}`, the shape `PUT /api/tariff` takes.
    var apiRepresentation: JSONValue {
        .object(JSONObject([("start", .date(start)), ("end", .date(end)), ("price", .number(price))]))
    }
}
