import ChargePointManagement
import ChargingModel
import Foundation
import JSON
import Scheduling

extension ChargerSnapshot {
    /// The charger object of docs/api.md: its members in the order of docs/api.md, then the other identity
    /// details charge point management knows (ICCID, IMSI, meter, last boot).
    func apiRepresentation(states: [Int: ConnectorSchedulingState], now: Date) -> JSONValue {
        let connectors = connectors.filter { $0.id > 0 }.sorted { $0.id < $1.id }
        return .object(
            JSONObject([
                ("id", .string(id)),
                ("connected", .bool(connected)),
                ("protocol", .string(orNull: protocolVersion)),
                ("vendor", .string(orNull: identity?.vendor)),
                ("model", .string(orNull: identity?.model)),
                ("serialNumber", .string(orNull: identity?.serialNumber)),
                ("firmwareVersion", .string(orNull: identity?.firmwareVersion)),
                ("features", .array(features.map(JSONValue.string))),
                ("lastHeartbeat", .date(lastHeartbeat)),
                ("latencyMs", .rounded(latencyMilliseconds, places: 1)),
                ("reconnects", .number(Double(reconnects))),
                ("status", .string(orNull: status?.rawValue)),
                ("errorCode", .string(orNull: errorCode)),
                ("connectors", .array(connectors.map { $0.apiRepresentation(state: states[$0.id], now: now) })),
                ("chargeBoxSerialNumber", .string(orNull: identity?.chargeBoxSerialNumber)),
                ("iccid", .string(orNull: identity?.iccid)),
                ("imsi", .string(orNull: identity?.imsi)),
                ("meterType", .string(orNull: identity?.meterType)),
                ("meterSerialNumber", .string(orNull: identity?.meterSerialNumber)),
                ("lastBoot", .date(lastBoot)),
            ]))
    }
}
