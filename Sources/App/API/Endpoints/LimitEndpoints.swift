import Foundation
import HTTP
import JSON
import Scheduling

/// `POST /api/chargers/{id}/limit` and `DELETE /api/chargers/{id}/limit?connector=N`: a manual
/// limit above every rule, held by the engine, which sends the charging profile.
struct LimitEndpoints: Sendable {
    let dependencies: APIDependencies
    private var sender: ManualCommandSender { ManualCommandSender(dependencies: dependencies) }

    var routes: [APIRoute] {
        [
            APIRoute("POST", "/api/chargers/{id}/limit") { request throws(APIError) in try await setLimit(request) },
            APIRoute("DELETE", "/api/chargers/{id}/limit") { request throws(APIError) in
                try await clearLimit(request)
            },
        ]
    }

    /// `{"connector":1,"amps":10}` or `{"connector":1,"watts":4600}`, optional `"minutes":60`.
    /// Answers `{"status":"Accepted", ...}` with the override and the connector's decision and
    /// applied state after it.
    func setLimit(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        let fields = try request.fields()
        let connector = try fields.integer("connector", in: ValueRanges.connector) ?? 1
        let amps = try fields.number("amps", in: ValueRanges.amperes)
        let watts = try fields.number("watts", in: ValueRanges.watts)
        let minutes = try fields.number("minutes", in: ValueRanges.overrideMinutes)
        switch (amps, watts) {
        case (nil, nil): throw .badRequest("amps: expected a number of amperes (or watts: a number of watts)")
        case (.some, .some): throw .badRequest("amps, watts: give one of them, not both")
        default: break
        }
        guard dependencies.commands.isConnected(chargerId) else { throw .notConnected(chargerId) }
        let override = LimitOverrideRequest(
            chargerId: chargerId, connectorId: connector, amps: amps, watts: watts, minutes: minutes)
        do {
            try await dependencies.scheduler.setLimitOverride(override)
        } catch {
            throw .badRequest(error.message)
        }
        let until = minutes.map { dependencies.now().addingTimeInterval($0 * 60) }
        let state = await dependencies.scheduler.connectorStates(chargerId: chargerId)[connector]
        return .json(
            .object(
                JSONObject([
                    ("status", .string("Accepted")),
                    ("connector", .number(Double(connector))),
                    ("amps", .number(orNull: amps)),
                    ("watts", .number(orNull: watts)),
                    ("until", .date(until)),
                    ("decision", state?.decisionRepresentation ?? .null),
                    ("applied", state?.appliedRepresentation ?? .null),
                ])))
    }

    /// Ends the override; the rules decide again.
    func clearLimit(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try sender.knownCharger(chargerId)
        guard let connector = try request.queryInteger("connector", in: ValueRanges.connector) else {
            throw .badRequest("connector: expected \(ValueRanges.connector)")
        }
        await dependencies.scheduler.clearLimitOverride(chargerId: chargerId, connectorId: connector)
        return .json(.object(JSONObject([("status", .string("Accepted")), ("connector", .number(Double(connector)))])))
    }
}
