import Foundation
import JSON

extension Store {
    /// Records a decision once committed and returns its id, for the commands that carry it out.
    public func recordDecision(_ decision: DecisionRecord) async throws -> Int {
        try await recordDecisions([decision])[0]
    }

    /// Records the decisions of one evaluation and returns their ids in order, in transactions of
    /// at most `StoreDatabase.decisionsPerTransaction` (a car park whose thousand decisions change at
    /// once costs a few commits, not a thousand). Each transaction is a block of its own on the
    /// store's queue, so the commits that chargers' answers wait for run between them rather than
    /// after all of them: on a grown database every decision of 2,000 chargers lands on a page of
    /// its own in `decisions_by_charger`, and one transaction of 2,000 held the queue for 100-190 ms
    /// (BENCHMARKS.md, "Soak"). When one fails, those before it stay recorded.
    public func recordDecisions(_ decisions: [DecisionRecord]) async throws -> [Int] {
        // The arguments are built here, off the store's queue.
        let rows = decisions.map(StoreDatabase.decisionArguments)
        var ids: [Int] = []
        ids.reserveCapacity(rows.count)
        var start = 0
        while start < rows.count {
            let chunk = Array(rows[start..<min(start + StoreDatabase.decisionsPerTransaction, rows.count)])
            ids += try await perform(flushingQueue: false) { database in try database.insertDecisions(chunk) }
            start += chunk.count
        }
        return ids
    }

    /// Decisions newest first.
    public func decisions(
        chargerId: String? = nil, connectorId: Int? = nil, since: Date? = nil, limit: Int = 100
    ) async throws -> [DecisionRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            if let connectorId { filter.add("connector_id = ?", connectorId) }
            if let since { filter.add("at >= ?", StoreTimestamp.text(since)) }
            return try database.connection.query(
                """
                SELECT \(StoreDatabase.decisionColumns) FROM decisions \(filter.clause)
                ORDER BY at DESC, id DESC LIMIT ?
                """, filter.arguments + [limit], row: StoreDatabase.decisionRecord)
        }
    }

    /// The decision in force per connector (the latest one of each), by charger and connector.
    public func latestDecisions(chargerId: String? = nil) async throws -> [DecisionRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            return try database.connection.query(
                """
                SELECT \(StoreDatabase.decisionColumns) FROM decisions
                WHERE id IN (SELECT max(id) FROM decisions \(filter.clause) GROUP BY charger_id, connector_id)
                ORDER BY charger_id, connector_id
                """, filter.arguments, row: StoreDatabase.decisionRecord)
        }
    }

    /// Queues a command and its outcome; recorded once the outcome is known.
    public func recordCommand(_ command: CommandRecord) {
        enqueue(.command(command))
    }

    /// Commands newest first.
    public func commands(
        chargerId: String? = nil, decisionId: Int? = nil, since: Date? = nil, limit: Int = 100
    ) async throws -> [CommandRecord] {
        try await perform { database in
            var filter = SQLFilter()
            if let chargerId { filter.add("charger_id = ?", chargerId) }
            if let decisionId { filter.add("decision_id = ?", decisionId) }
            if let since { filter.add("sent_at >= ?", StoreTimestamp.text(since)) }
            return try database.connection.query(
                """
                SELECT \(StoreDatabase.commandColumns) FROM commands \(filter.clause)
                ORDER BY sent_at DESC, id DESC LIMIT ?
                """, filter.arguments + [limit], row: StoreDatabase.commandRecord)
        }
    }
}
