import JSON
import SQLite

// Decisions: committed before the commands that carry them out are recorded.
extension StoreDatabase {
    /// The most decisions one transaction (one block on the store's queue) records; see
    /// `Store.recordDecisions`. A few tens of milliseconds on a database of hundreds of MB.
    static let decisionsPerTransaction = 250

    /// The charger row and the decision row's values, in the order `insertDecisions` binds them.
    static func decisionArguments(_ decision: DecisionRecord) -> [SQLiteValue] {
        let rules = JSONValue.object(
            JSONObject(
                decision.rules.keys.sorted().map { family in
                    (family, JSONValue.array((decision.rules[family] ?? []).map(JSONValue.string)))
                }))
        let inputs = JSONValue.object(
            JSONObject(decision.inputs.keys.sorted().map { ($0, .number(decision.inputs[$0]!)) }))
        let values: [any SQLiteBindable] = [
            StoreTimestamp.text(decision.at), decision.chargerId, decision.connectorId, decision.charging,
            decision.limitAmps, decision.session, decision.availability, JSONWriter.string(rules),
            JSONWriter.string(.array(decision.unknownInputs.map(JSONValue.string))), decision.explanation,
            JSONWriter.string(.array(decision.heldBack.map(JSONValue.string))), decision.askedLimitAmps,
            decision.minCurrent, decision.maxCurrent, JSONWriter.string(inputs), decision.phases,
        ]
        return values.map(\.sqliteValue)
    }

    /// Inserts decisions (each from `decisionArguments`) in one transaction; returns their ids.
    func insertDecisions(_ rows: [[SQLiteValue]]) throws -> [Int] {
        largestDecisionTransaction = max(largestDecisionTransaction, rows.count)
        defer { rowsWritten.add(rows.count, ordering: .relaxed) }
        return try connection.transaction {
            try rows.map { values in
                // values[0] is the decision's time, values[1] its charger.
                try connection.run(
                    "INSERT OR IGNORE INTO chargers (id, created_at) VALUES (?, ?)", [values[1], values[0]])
                try connection.run(
                    """
                    INSERT INTO decisions (at, charger_id, connector_id, charging, limit_amps, session,
                        availability, rules, unknown_inputs, explanation, held_back, asked_limit_amps,
                        min_current, max_current, inputs, phases)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values)
                return Int(connection.lastInsertRowID)
            }
        }
    }
}
