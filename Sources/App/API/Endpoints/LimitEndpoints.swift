import Foundation
import HTTP
import JSON
import Scheduling

/// `POST /api/chargers/{id}/limit` and `DELETE /api/chargers/{id}/limit?connector=N`: a manual
/// limit above every rule, held by the engine, which sends the charging profile.
struct LimitEndpoints: Sendable {
    let dependencies: APIDependencies
    private var sender: ManualCommandSender { ManualCommandSender(dependencies: dependencies, source: .api) }
    private var control: ChargerControl { ChargerControl(dependencies: dependencies, source: .api) }

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
        let state = try await control.setLimit(
            chargerId: chargerId, connector: connector, amps: amps, watts: watts, minutes: minutes)
        let until = minutes.map { dependencies.now().addingTimeInterval($0 * 60) }
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
        try await control.clearLimit(chargerId: chargerId, connector: connector)
        return .json(.object(JSONObject([("status", .string("Accepted")), ("connector", .number(Double(connector)))])))
    }
}
