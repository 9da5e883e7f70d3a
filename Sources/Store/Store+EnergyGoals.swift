import ChargingModel
import Foundation
import SQLite

extension Store {
    /// Keeps a connector's energy goal (replacing the one it had), so that a restart keeps it.
    public func saveEnergyGoal(_ goal: EnergyGoal) async throws {
        try await perform(flushingQueue: false) { database in
            try database.connection.run(
                """
                INSERT OR REPLACE INTO energy_goals
                    (charger_id, connector_id, energy_wh, by_at, strategy, set_at, transaction_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    goal.chargerId, goal.connectorId, goal.energyWh, StoreTimestamp.text(goal.by),
                    goal.strategy.rawValue, StoreTimestamp.text(goal.setAt), goal.transactionId,
                ])
        }
    }

    /// Forgets a connector's energy goal (ended or cleared).
    public func deleteEnergyGoal(chargerId: String, connectorId: Int) async throws {
        try await perform(flushingQueue: false) { database in
            try database.connection.run(
                "DELETE FROM energy_goals WHERE charger_id = ? AND connector_id = ?", [chargerId, connectorId])
        }
    }

    /// Every stored energy goal, by charger and connector. A row whose strategy this program does
    /// not know is read as `cheapest`.
    public func energyGoals() async throws -> [EnergyGoal] {
        try await perform { database in
            try database.connection.query(
                """
                SELECT charger_id, connector_id, energy_wh, by_at, strategy, set_at, transaction_id
                FROM energy_goals ORDER BY charger_id, connector_id
                """
            ) { row throws(SQLiteError) in
                EnergyGoal(
                    chargerId: row.string(0), connectorId: row.int(1), energyWh: row.double(2), by: try row.date(3),
                    strategy: EnergyGoalStrategy(rawValue: row.string(4)) ?? .cheapest, setAt: try row.date(5),
                    transactionId: row.optionalInt(6))
            }
        }
    }
}
