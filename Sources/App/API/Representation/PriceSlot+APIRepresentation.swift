import ChargingModel
import JSON
import Rules

extension PriceSlot {
    /// `{start, end, price}`, the shape `PUT /api/tariff` takes. The price is rounded to 6 decimals, a
    /// millionth of the currency per kWh (docs/api.md): a `formula` leaves floating-point noise
    /// ((0.02 + 0.12) × 1.19 is 0.16659999999999997) that means nothing on a bill.
    var apiRepresentation: JSONValue {
        .object(
            JSONObject([("start", .date(start)), ("end", .date(end)), ("price", .rounded(price, places: 6))]))
    }
}
