import ChargePointManagement
import ChargingModel
import Foundation
import JSON
import Scheduling

extension ConnectorSnapshot {
    /// A connector of the charger object (docs/api.md), with `info`, `vendorErrorCode` and
    /// `statusAt` after the members docs/api.md lists.
    func apiRepresentation(state: ConnectorSchedulingState?, now: Date) -> JSONValue {
        let measurandObject = JSONObject(
            measurands.keys.sorted().compactMap { measurand in
                measurands[measurand].map { (measurand.spelling, $0.apiRepresentation) }
            })
        return .object(
            JSONObject([
                ("id", .number(Double(id))),
                ("status", .string(orNull: status?.rawValue)),
                ("errorCode", .string(orNull: errorCode)),
                ("transaction", transaction?.apiRepresentation(now: now) ?? .null),
                ("lastStopReason", .string(orNull: lastStopReason)),
                ("measurands", .object(measurandObject)),
                ("decision", state?.decisionRepresentation ?? .null),
                ("applied", state?.appliedRepresentation ?? .null),
                ("info", .string(orNull: info)),
                ("vendorErrorCode", .string(orNull: vendorErrorCode)),
                ("statusAt", .date(statusAt)),
                ("goal", state?.goal?.apiRepresentation ?? .null),
            ]))
    }
}
