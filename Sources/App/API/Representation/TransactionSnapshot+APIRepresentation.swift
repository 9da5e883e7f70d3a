import ChargePointManagement
import ChargingModel
import Foundation
import JSON

extension TransactionSnapshot {
    /// `{id, idTag, startedAt, meterStart, energyWh, durationSeconds}` (docs/api.md); the duration
    /// in whole seconds up to `now`.
    func apiRepresentation(now: Date) -> JSONValue {
        .object(
            JSONObject([
                ("id", .number(Double(id))),
                ("idTag", .string(idTag)),
                ("startedAt", .date(startedAt)),
                ("meterStart", .rounded(meterStart)),
                ("energyWh", .rounded(energyWh)),
                ("durationSeconds", .number(durationSeconds(at: now).rounded(.down))),
            ]))
    }
}
