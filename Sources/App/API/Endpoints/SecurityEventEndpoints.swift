import HTTP
import OCPP

/// `GET /api/security-events`: the SecurityEventNotifications chargers sent (OCPP 1.6 security
/// whitepaper), as recorded in `charger_events`, newest first (docs/api.md).
struct SecurityEventEndpoints: Sendable {
    let dependencies: APIDependencies

    static let kind = OCPPAction.securityEventNotification.rawValue

    var routes: [APIRoute] {
        [APIRoute("GET", "/api/security-events") { request throws(APIError) in try await securityEvents(request) }]
    }

    func securityEvents(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let (charger, since, limit) = try (request.query("charger"), request.since(), request.limit())
        let records = try await RecordEndpoints.reading {
            try await dependencies.records.events(chargerId: charger, kind: Self.kind, since: since, limit: limit)
        }
        return .json(.array(records.map(\.securityEventRepresentation)))
    }
}
