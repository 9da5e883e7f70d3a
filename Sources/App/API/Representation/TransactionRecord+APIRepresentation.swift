import ChargePointManagement
import ChargingModel
import Foundation
import JSON
import Store

extension TransactionRecord {
    /// A transaction of `GET /api/transactions`. An open one takes its energy from the live
    /// snapshot (the store sets it at the stop) and its duration up to `now`.
    func apiRepresentation(live: TransactionSnapshot?, now: Date) -> JSONValue {
        var energy = energyWh
        var duration = durationSeconds
        if isOpen {
            if let live, live.id == id { energy = live.energyWh }
            if let startedAt { duration = max(0, now.timeIntervalSince(startedAt)) }
        }
        return .object(
            JSONObject([
                ("id", .number(Double(id))),
                // The charger's own id (SPEC §12): a 2.0.1 station's string id, for 1.6 Ampwise's id.
                ("ocppTransactionId", .string(ocppTransactionId ?? String(id))),
                // The RequestStartTransaction an OCPP 2.0.1 station named for it (docs/ocpp201.md).
                ("remoteStartId", .integer(orNull: remoteStartId)),
                ("charger", .string(chargerId)),
                ("connector", .integer(orNull: connectorId)),
                ("idTag", .string(orNull: idTag)),
                ("startedAt", .date(startedAt)),
                ("stoppedAt", .date(stoppedAt)),
                ("meterStart", .integer(orNull: meterStart)),
                ("meterStop", .integer(orNull: meterStop)),
                ("energyWh", .rounded(energy)),
                ("durationSeconds", duration.map { .number($0.rounded(.down)) } ?? .null),
                ("stopReason", .string(orNull: stopReason)),
                ("open", .bool(isOpen)),
            ]))
    }
}
