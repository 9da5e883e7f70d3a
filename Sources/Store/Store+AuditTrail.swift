import Foundation
import JSON

extension Store {
    /// Records a decision once committed and returns its id, for the commands that carry it out.
    public func recordDecision(_ decision: DecisionRecord) async throws -> Int {
        try await recordDecisions([decision])[0]
    }

    /// Records the decisions of one evaluation in one transaction and returns their ids in order:
    /// a car park whose thousand decisions change at once costs one commit, not a thousand.
    public func recordDecisions(_ decisions: [DecisionRecord]) async throws -> [Int] {
        try await perform(flushingQueue: false) { database in
            try database.connection.transaction {
                try decisions.map { decision in
                    let rules = JSONValue.object(
                        JSONObject(
                            decision.rules.keys.sorted().map { family in
                                (family, JSONValue.array((decision.rules[family] ?? []).map(JSONValue.string)))
                            }))
                    try database.connection.run(
                        "INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)",
                        [decision.chargerId, StoreTimestamp.text(decision.at)])
                    try database.connection.run(
                        """
                        INSERT INTO decisions (at, charger_id, connector_id, charging, limit_amps, session,
                            availability, rules, unknown_inputs, explanation, held_back, asked_limit_amps,
                            min_current, max_current, inputs)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            StoreTimestamp.text(decision.at), decision.chargerId, decision.connectorId,
                            decision.charging, decision.limitAmps, decision.session, decision.availability,
                            JSONWriter.string(rules),
                            JSONWriter.string(.array(decision.unknownInputs.map(JSONValue.string))),
                            decision.explanation,
                            JSONWriter.string(.array(decision.heldBack.map(JSONValue.string))),
                            decision.askedLimitAmps, decision.minCurrent, decision.maxCurrent,
                            JSONWriter.string(
                                .object(
                                    JSONObject(
                                        decision.inputs.keys.sorted().map { ($0, .number(decision.inputs[$0]!)) }))),
                        ])
                    return Int(database.connection.lastInsertRowID)
                }
            }
        }
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
