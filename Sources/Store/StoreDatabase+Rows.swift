import ChargingModel
import Foundation
import JSON
import SQLite

// Row decoders, one per record type, matching the column lists of the queries.
extension StoreDatabase {
    static func transactionRecord(_ row: SQLiteRow) throws(SQLiteError) -> TransactionRecord {
        TransactionRecord(
            id: row.int(0), chargerId: row.string(1), connectorId: row.optionalInt(2), idTag: row.optionalString(3),
            reservationId: row.optionalInt(4), meterStart: row.optionalInt(5), startedAt: try row.optionalDate(6),
            meterStop: row.optionalInt(7), stoppedAt: try row.optionalDate(8), stopReason: row.optionalString(9),
            stopIdTag: row.optionalString(10), energyWh: row.optionalDouble(11), wasUnknownAtStop: row.bool(12),
            recordedAt: try row.date(13), ocppTransactionId: row.optionalString(14),
            remoteStartId: row.optionalInt(15))
    }

    static let chargerColumns = """
        id, vendor, model, charge_point_serial_number, charge_box_serial_number, firmware_version, iccid, imsi,
        meter_type, meter_serial_number, features, connector_count, created_at, first_seen_at, last_seen_at,
        last_boot_at, last_heartbeat_at
        """

    static func chargerRecord(_ row: SQLiteRow) throws(SQLiteError) -> ChargerRecord {
        let features = row.json(10).arrayValue?.compactMap(\.stringValue) ?? []
        return ChargerRecord(
            id: row.string(0), identity: chargerIdentity(row), features: features, connectorCount: row.optionalInt(11),
            createdAt: try row.date(12), firstSeenAt: try row.optionalDate(13), lastSeenAt: try row.optionalDate(14),
            lastBootAt: try row.optionalDate(15), lastHeartbeatAt: try row.optionalDate(16))
    }

    /// Columns 1 to 9 of `chargerColumns`. Every boot writes a vendor and a model, so a row
    /// without them is a charger that has not booted yet.
    static func chargerIdentity(_ row: SQLiteRow) -> ChargerIdentity? {
        guard let vendor = row.optionalString(1), let model = row.optionalString(2) else { return nil }
        return ChargerIdentity(
            vendor: vendor, model: model, serialNumber: row.optionalString(3),
            chargeBoxSerialNumber: row.optionalString(4), firmwareVersion: row.optionalString(5),
            iccid: row.optionalString(6), imsi: row.optionalString(7), meterType: row.optionalString(8),
            meterSerialNumber: row.optionalString(9))
    }

    /// Columns of `status_history`; `connectors` has the same ones with 0 for `id`.
    static let statusColumns = """
        charger_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, charger_timestamp,
        received_at
        """

    static func statusRecord(_ row: SQLiteRow) throws(SQLiteError) -> StatusRecord {
        StatusRecord(
            id: row.int(0), chargerId: row.string(1), connectorId: row.int(2), status: row.string(3),
            errorCode: row.string(4), info: row.optionalString(5), vendorId: row.optionalString(6),
            vendorErrorCode: row.optionalString(7), chargerTimestamp: try row.optionalDate(8),
            receivedAt: try row.date(9))
    }

    static let meterValueColumns = """
        charger_id, connector_id, transaction_id, at, measurand, phase, location, context, value, unit
        """

    static func meterValueRecord(_ row: SQLiteRow) throws(SQLiteError) -> MeterValueRecord {
        MeterValueRecord(
            chargerId: row.string(0), connectorId: row.int(1), transactionId: row.optionalInt(2), at: try row.date(3),
            measurand: row.string(4), phase: row.optionalString(5), location: row.optionalString(6),
            context: row.optionalString(7), value: row.double(8), unit: row.string(9))
    }

    static let commandColumns = """
        id, charger_id, connector_id, action, payload, source, decision_id, sent_at, outcome, error_code,
        error_description, response, latency_ms, reason
        """

    static func commandRecord(_ row: SQLiteRow) throws(SQLiteError) -> CommandRecord {
        CommandRecord(
            id: row.int(0), chargerId: row.string(1), connectorId: row.optionalInt(2), action: row.string(3),
            payload: row.json(4), source: CommandSource(rawValue: row.string(5)), decisionId: row.optionalInt(6),
            sentAt: try row.date(7),
            outcome: CommandOutcome(
                storedValue: row.string(8), errorCode: row.optionalString(9), errorDescription: row.optionalString(10)),
            response: row.optionalJSON(11), latencyMs: row.optionalDouble(12), reason: row.optionalString(13))
    }

    static let decisionColumns = """
        id, at, charger_id, connector_id, charging, limit_amps, session, availability, rules, unknown_inputs,
        explanation, held_back, asked_limit_amps, min_current, max_current, inputs, phases
        """

    static func decisionRecord(_ row: SQLiteRow) throws(SQLiteError) -> DecisionRecord {
        var rules: [String: [String]] = [:]
        if case .object(let families) = row.json(8) {
            for (family, names) in families {
                rules[family] = names.arrayValue?.compactMap(\.stringValue) ?? []
            }
        }
        var inputs: [String: Double] = [:]
        for (name, value) in row.json(15).objectValue ?? JSONObject() {
            if let number = value.doubleValue { inputs[name] = number }
        }
        return DecisionRecord(
            id: row.int(0), at: try row.date(1), chargerId: row.string(2), connectorId: row.int(3),
            charging: row.optionalBool(4), limitAmps: row.optionalDouble(5), phases: row.optionalInt(16),
            session: row.optionalString(6),
            availability: row.optionalString(7), rules: rules,
            unknownInputs: row.json(9).arrayValue?.compactMap(\.stringValue) ?? [], explanation: row.string(10),
            heldBack: row.json(11).arrayValue?.compactMap(\.stringValue) ?? [], askedLimitAmps: row.optionalDouble(12),
            minCurrent: row.optionalDouble(13), maxCurrent: row.optionalDouble(14),
            inputs: inputs)
    }

    static func eventRecord(_ row: SQLiteRow) throws(SQLiteError) -> ChargerEventRecord {
        ChargerEventRecord(
            id: row.int(0), chargerId: row.string(1), kind: row.string(2), payload: row.json(3), at: try row.date(4))
    }
}
