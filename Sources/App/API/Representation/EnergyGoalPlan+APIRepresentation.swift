import JSON
import Rules

extension EnergyGoalPlan {
    /// `GET /api/chargers/{id}/goal` and the connector's `goal` in the charger object (docs/api.md).
    var apiRepresentation: JSONValue {
        .object(
            JSONObject([
                ("connector", .number(Double(goal.connectorId))),
                ("energyKWh", .rounded(goal.energyWh / 1000)),
                ("by", .date(goal.by)),
                ("strategy", .string(goal.strategy.rawValue)),
                ("setAt", .date(goal.setAt)),
                ("transactionId", .integer(orNull: goal.transactionId)),
                ("state", .string(state.rawValue)),
                ("missingKWh", .rounded(missingWh / 1000)),
                ("powerW", .rounded(powerW, places: 0)),
                ("slots", .array(slots.map(\.apiRepresentation))),
                ("expectedCost", .rounded(expectedCost, places: 4)),
                ("canMeet", .bool(canMeet)),
            ]))
    }
}
