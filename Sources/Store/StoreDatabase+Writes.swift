import Foundation
import JSON
import SQLite

// The SQL of every write. Runs on the store's queue (see `StoreDatabase`).
extension StoreDatabase {
    func insertMeterValue(_ value: MeterValueRecord) throws {
        try ensureCharger(value.chargerId, at: value.at)
        // Bound one by one rather than through an array of existentials: this runs per row.
        let statement = try connection.statement(
            """
            INSERT INTO meter_values
                (charger_id, connector_id, transaction_id, at, measurand, phase, location, context, value, unit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { statement.reset() }
        try statement.bind(.text(value.chargerId), at: 1)
        try statement.bind(.integer(Int64(value.connectorId)), at: 2)
        try statement.bind(value.transactionId.sqliteValue, at: 3)
        try statement.bind(.text(StoreTimestamp.text(value.at)), at: 4)
        try statement.bind(.text(value.measurand), at: 5)
        try statement.bind(value.phase.sqliteValue, at: 6)
        try statement.bind(value.location.sqliteValue, at: 7)
        try statement.bind(value.context.sqliteValue, at: 8)
        try statement.bind(.real(value.value), at: 9)
        try statement.bind(.text(value.unit), at: 10)
        _ = try statement.step()
    }

    func insertStatus(_ status: StatusRecord) throws {
        try ensureCharger(status.chargerId, at: status.receivedAt)
        let arguments: [any SQLiteBindable] = [
            status.chargerId, status.connectorId, status.status, status.errorCode, status.info, status.vendorId,
            status.vendorErrorCode, status.chargerTimestamp.map(StoreTimestamp.text),
            StoreTimestamp.text(status.receivedAt),
        ]
        try connection.run(
            """
            INSERT INTO status_history (charger_id, connector_id, status, error_code, info, vendor_id,
                vendor_error_code, charger_timestamp, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments)
        try connection.run(
            """
            INSERT INTO connectors (charger_id, connector_id, status, error_code, info, vendor_id,
                vendor_error_code, charger_timestamp, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (charger_id, connector_id) DO UPDATE SET
                status = excluded.status, error_code = excluded.error_code, info = excluded.info,
                vendor_id = excluded.vendor_id, vendor_error_code = excluded.vendor_error_code,
                charger_timestamp = excluded.charger_timestamp, received_at = excluded.received_at
            """, arguments)
        if status.connectorId > 0 {
            try connection.run(
                """
                UPDATE chargers SET connector_count = ?1
                WHERE id = ?2 AND (connector_count IS NULL OR connector_count < ?1)
                """, [status.connectorId, status.chargerId])
        }
    }

    func insertEvent(_ event: ChargerEventRecord) throws {
        try ensureCharger(event.chargerId, at: event.at)
        try connection.run(
            "INSERT INTO charger_events (charger_id, kind, payload, at) VALUES (?, ?, ?, ?)",
            [event.chargerId, event.kind, JSONWriter.string(event.payload), StoreTimestamp.text(event.at)])
    }

    func insertCommand(_ command: CommandRecord) throws {
        try ensureCharger(command.chargerId, at: command.sentAt)
        var errorCode: String?
        var errorDescription: String?
        if case .callError(let code, let description) = command.outcome {
            errorCode = code
            errorDescription = description
        }
        let response: String? = command.response.map { JSONWriter.string($0) }
        try connection.run(
            """
            INSERT INTO commands (charger_id, connector_id, action, payload, source, decision_id, sent_at,
                outcome, error_code, error_description, response, latency_ms, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                command.chargerId, command.connectorId, command.action, JSONWriter.string(command.payload),
                command.source.rawValue, command.decisionId, StoreTimestamp.text(command.sentAt),
                command.outcome.storedValue, errorCode, errorDescription, response,
                command.latencyMs, command.reason,
            ])
    }

    func updateBoot(_ boot: ChargerBoot) throws {
        try ensureCharger(boot.chargerId, at: boot.at)
        let at = StoreTimestamp.text(boot.at)
        let identity = boot.identity
        try connection.run(
            """
            UPDATE chargers SET vendor = ?, model = ?, charge_point_serial_number = ?,
                charge_box_serial_number = ?, firmware_version = ?, iccid = ?, imsi = ?, meter_type = ?,
                meter_serial_number = ?, first_seen_at = coalesce(first_seen_at, ?), last_seen_at = ?,
                last_boot_at = ?
            WHERE id = ?
            """,
            [
                identity.vendor, identity.model, identity.serialNumber,
                identity.chargeBoxSerialNumber, identity.firmwareVersion, identity.iccid, identity.imsi,
                identity.meterType, identity.meterSerialNumber, at, at, at, boot.chargerId,
            ])
    }

    func updateSeen(_ chargerId: String, at date: Date, isHeartbeat: Bool) throws {
        try ensureCharger(chargerId, at: date)
        let at = StoreTimestamp.text(date)
        try connection.run(
            """
            UPDATE chargers SET first_seen_at = coalesce(first_seen_at, ?1), last_seen_at = ?1,
                last_heartbeat_at = CASE WHEN ?2 THEN ?1 ELSE last_heartbeat_at END
            WHERE id = ?3
            """, [at, isHeartbeat, chargerId])
    }

    func updateFeatures(_ chargerId: String, features: [String], connectorCount: Int?) throws {
        try ensureCharger(chargerId, at: Date())
        try connection.run(
            "UPDATE chargers SET features = ?, connector_count = coalesce(?, connector_count) WHERE id = ?",
            [JSONWriter.string(.array(features.map(JSONValue.string))), connectorCount, chargerId])
    }

    /// Merges input values into `inputs` (`nil` deletes the input, so that it does not come back
    /// at the next start) and appends the values to `input_history` for the dashboard's charts.
    func writeInputs(_ values: [String: Double?], at date: Date) throws {
        let at = StoreTimestamp.text(date)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let value else {
                try connection.run("DELETE FROM inputs WHERE name = ?", [name])
                continue
            }
            try connection.run(
                """
                INSERT INTO inputs (name, value, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, [name, value, at])
            try connection.run("INSERT INTO input_history (name, value, at) VALUES (?, ?, ?)", [name, value, at])
        }
    }
}
