import Foundation

extension Store {
    /// Queues a StatusNotification: a row of history, and the connector's current status.
    public func recordStatus(_ status: StatusRecord) {
        enqueue(.status(status))
    }

    /// The latest status of every connector (connector 0 is the charger), by charger and
    /// connector.
    public func connectorStatuses(chargerId: String? = nil) async throws -> [StatusRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            return try database.connection.query(
                """
                SELECT 0, \(StoreDatabase.statusColumns) FROM connectors \(filter.clause)
                ORDER BY charger_id, connector_id
                """, filter.arguments, row: StoreDatabase.statusRecord)
        }
    }

    /// Status history, newest first.
    public func statusHistory(
        chargerId: String? = nil, connectorId: Int? = nil, since: Date? = nil, limit: Int = 100
    ) async throws -> [StatusRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            if let connectorId { filter.add("connector_id = ?", connectorId) }
            if let since { filter.add("received_at >= ?", StoreTimestamp.text(since)) }
            return try database.connection.query(
                """
                SELECT id, \(StoreDatabase.statusColumns) FROM status_history \(filter.clause)
                ORDER BY received_at DESC, id DESC LIMIT ?
                """, filter.arguments + [limit], row: StoreDatabase.statusRecord)
        }
    }

    /// Queues a charger event (DataTransfer, SecurityEventNotification, ...), kept as it came.
    public func recordEvent(_ event: ChargerEventRecord) {
        enqueue(.event(event))
    }

    /// Charger events, newest first.
    public func events(
        chargerId: String? = nil, kind: String? = nil, since: Date? = nil, limit: Int = 100
    ) async throws -> [ChargerEventRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            if let kind { filter.add("kind = ?", kind) }
            if let since { filter.add("at >= ?", StoreTimestamp.text(since)) }
            return try database.connection.query(
                """
                SELECT id, charger_id, kind, payload, at FROM charger_events \(filter.clause)
                ORDER BY at DESC, id DESC LIMIT ?
                """, filter.arguments + [limit], row: StoreDatabase.eventRecord)
        }
    }
}
