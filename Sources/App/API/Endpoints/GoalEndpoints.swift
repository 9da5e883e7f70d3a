import ChargingModel
import Chronology
import Foundation
import HTTP
import JSON
import Rules
import Scheduling

/// `POST`, `GET` and `DELETE /api/chargers/{id}/goal` (SPEC §10, docs/api.md): an energy goal for
/// a connector's session, held by the engine, which plans and decides it as the rule `goal`.
struct GoalEndpoints: Sendable {
    let dependencies: APIDependencies
    private var sender: ManualCommandSender { ManualCommandSender(dependencies: dependencies, source: .api) }

    static let fieldNames = ["connector", "energyKWh", "by", "strategy"]

    var routes: [APIRoute] {
        [
            APIRoute("POST", "/api/chargers/{id}/goal") { request throws(APIError) in try await setGoal(request) },
            APIRoute("GET", "/api/chargers/{id}/goal") { request throws(APIError) in try await goal(request) },
            APIRoute("DELETE", "/api/chargers/{id}/goal") { request throws(APIError) in try await clearGoal(request) },
        ]
    }

    /// `{"connector":1,"energyKWh":20,"by":"2026-12-03T07:00:00+01:00","strategy":"cheapest"}`;
    /// answers the goal with its plan, as `GET` does.
    func setGoal(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let snapshot = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        for key in fields.object.keys where !Self.fieldNames.contains(key) {
            throw .badRequest("\(key): unknown field (expected \(Self.fieldNames.joined(separator: ", ")))")
        }
        let connector = try fields.integer("connector", in: ValueRanges.connector) ?? 1
        try Self.checkConnector(connector, of: snapshot, chargerId: chargerId)
        guard let energy = fields.object["energyKWh"]?.doubleValue, ValueRanges.goalKWh.contains(energy), energy > 0
        else { throw .badRequest("energyKWh: expected a number above 0 and at most 1000") }
        guard let byText = fields.object["by"]?.stringValue, let by = RFC3339.parse(byText) else {
            throw .badRequest("by: expected an RFC 3339 time such as 2026-12-03T07:00:00+01:00")
        }
        guard by > dependencies.now() else { throw .badRequest("by: must be in the future") }
        var strategy = EnergyGoalStrategy.cheapest
        if let given = fields.object["strategy"], given != .null {
            let name = try fields.requiredChoice("strategy", EnergyGoalStrategy.allCases.map(\.rawValue))
            strategy = EnergyGoalStrategy(rawValue: name) ?? .cheapest
        }
        let goal = EnergyGoalRequest(
            chargerId: chargerId, connectorId: connector, energyWh: energy * 1000, by: by, strategy: strategy)
        let plan: EnergyGoalPlan
        do {
            plan = try await dependencies.scheduler.setGoal(goal)
        } catch {
            throw .badRequest(error.message)
        }
        return .json(plan.apiRepresentation)
    }

    /// The goal, the energy still missing, the planned slots with their prices, the expected
    /// cost and whether the deadline can still be met; 404 when the connector has no goal.
    func goal(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let connector = try connectorQuery(request, chargerId: chargerId)
        guard let plan = await dependencies.scheduler.goalPlan(chargerId: chargerId, connectorId: connector) else {
            throw APIError(status: .notFound, message: "connector \(connector) of charger \"\(chargerId)\" has no goal")
        }
        return .json(plan.apiRepresentation)
    }

    /// Clears the goal; the rules decide alone again. 404 when the connector has none.
    func clearGoal(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        let connector = try connectorQuery(request, chargerId: chargerId)
        guard await dependencies.scheduler.clearGoal(chargerId: chargerId, connectorId: connector) else {
            throw APIError(status: .notFound, message: "connector \(connector) of charger \"\(chargerId)\" has no goal")
        }
        return .json(.object(JSONObject([("status", .string("Accepted")), ("connector", .number(Double(connector)))])))
    }

    private func connectorQuery(_ request: APIRequest, chargerId: String) throws(APIError) -> Int {
        _ = try sender.knownCharger(chargerId)
        guard let connector = try request.queryInteger("connector", in: ValueRanges.connector) else {
            throw .badRequest("connector: expected \(ValueRanges.connector)")
        }
        return connector
    }

    /// 404 for a connector the charger has not reported (in a StatusNotification or as its
    /// number of connectors at boot). A charger the directory has not caught up with passes.
    static func checkConnector(_ connector: Int, of snapshot: ChargerSnapshot?, chargerId: String) throws(APIError) {
        guard let snapshot else { return }
        let reported = snapshot.connectors.contains { $0.id == connector }
        let counted = snapshot.numberOfConnectors.map { connector <= $0 } ?? false
        guard reported || counted else {
            throw APIError(
                status: .notFound, message: "connector: charger \"\(chargerId)\" has no connector \(connector)")
        }
    }
}
